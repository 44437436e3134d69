# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class RetailReceiptMessageReport(models.Model):
    """One row per receipt that printed a personal message: its rule, store,
    customer, and whether its coupon was redeemed since."""

    _name = "retail.receipt.message.report"
    _inherit = ["retail.report.view.mixin"]
    _description = "Receipt Messages Analysis"
    _auto = False
    _order = "date desc, id desc"

    date = fields.Datetime(readonly=True)
    rule_id = fields.Many2one(
        "retail.receipt.rule", string="Receipt Message Rule", readonly=True
    )
    order_id = fields.Many2one("pos.order", readonly=True)
    config_id = fields.Many2one("pos.config", string="Store", readonly=True)
    crm_team_id = fields.Many2one("crm.team", string="Store Group", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    printed_count = fields.Integer(string="Messages Printed", readonly=True)
    coupon_count = fields.Integer(string="Coupons Printed", readonly=True)
    redeemed_count = fields.Integer(string="Coupons Redeemed", readonly=True)
    invitation_count = fields.Integer(string="Invitations Printed", readonly=True)

    def _select_sql(self):
        return SQL(
            """
            SELECT o.id AS id,
                   o.date_order AS date,
                   o.retail_receipt_rule_id AS rule_id,
                   o.id AS order_id,
                   o.config_id,
                   c.crm_team_id,
                   o.company_id,
                   o.partner_id,
                   1 AS printed_count,
                   (card.id IS NOT NULL)::int AS coupon_count,
                   (card.id IS NOT NULL AND (
                        EXISTS (
                            SELECT 1 FROM pos_order_line l
                              JOIN pos_order u ON u.id = l.order_id
                             WHERE l.coupon_id = card.id AND l.reward_id IS NOT NULL
                               AND u.state IN ('paid', 'done'))
                     OR EXISTS (
                            SELECT 1 FROM sale_order_line l
                              JOIN sale_order u ON u.id = l.order_id
                             WHERE l.coupon_id = card.id AND l.reward_id IS NOT NULL
                               AND u.state = 'sale')
                   ))::int AS redeemed_count,
                   (o.retail_receipt_event_code IS NOT NULL)::int AS invitation_count
              FROM pos_order o
              JOIN pos_config c ON c.id = o.config_id
         LEFT JOIN loyalty_card card ON card.retail_receipt_order_id = o.id
             WHERE o.retail_receipt_rule_id IS NOT NULL
            """
        )

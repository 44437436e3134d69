# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class RetailBestSellerReport(models.Model):
    """One row per product sold on a paid till order (refunds count against
    the sale), by store, store group (the till's sales team) and customer:
    the best sellers."""

    _name = "retail.best.seller.report"
    _inherit = ["retail.clienteling.report.mixin"]
    _description = "Best Sellers Analysis"
    _auto = False

    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    quantity = fields.Float(string="Units Sold", readonly=True)
    revenue = fields.Float(string="Revenue (untaxed)", readonly=True)
    order_count = fields.Integer(string="Lines", readonly=True)

    def _select_sql(self):
        return SQL(
            """
            SELECT l.id AS id,
                   o.date_order AS date,
                   l.product_id,
                   t.categ_id,
                   o.config_id,
                   c.crm_team_id,
                   o.company_id,
                   o.partner_id,
                   l.qty AS quantity,
                   l.price_subtotal / COALESCE(NULLIF(o.currency_rate, 0), 1.0)
                       AS revenue,
                   1 AS order_count
              FROM pos_order_line l
              JOIN pos_order o ON o.id = l.order_id
              JOIN pos_config c ON c.id = o.config_id
              JOIN product_product p ON p.id = l.product_id
              JOIN product_template t ON t.id = p.product_tmpl_id
             WHERE o.state IN ('paid', 'done')
               AND NOT COALESCE(l.is_reward_line, FALSE)
            """
        )


class RetailBestSellerSegmentReport(models.Model):
    """The best sellers by customer segment: one row per (line, segment) of
    its customer; a customer in two segments counts in both."""

    _name = "retail.best.seller.segment.report"
    _inherit = "retail.best.seller.report"
    _description = "Best Sellers by Segment"
    _auto = False

    segment_id = fields.Many2one("retail.segment", readonly=True)

    def _select_sql(self):
        return self._retail_per_segment_sql(
            "retail.best.seller.report", super()._select_sql()
        )

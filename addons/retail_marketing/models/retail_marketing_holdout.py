# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RetailMarketingHoldout(models.Model):
    """A customer of a mailing's audience kept out of the send at random, so
    that the purchases of the recipients can be compared with theirs."""

    _name = "retail.marketing.holdout"
    _description = "Marketing Holdout Customer"
    _order = "id"

    mailing_id = fields.Many2one(
        "mailing.mailing", required=True, index=True, ondelete="cascade"
    )
    campaign_id = fields.Many2one(
        related="mailing_id.campaign_id", store=True, index="btree_not_null"
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="partner_id.company_id", store=True)

    _mailing_partner_uniq = models.UniqueIndex("(mailing_id, partner_id)")

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class LoyaltyCard(models.Model):
    _inherit = "loyalty.card"

    retail_mailing_id = fields.Many2one(
        "mailing.mailing",
        string="Campaign Mailing",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
        help="The mailing that issued this personal coupon to its customer.",
    )

    # One personal coupon per recipient of a mailing, whatever the number of
    # sends, retries or concurrent workers.
    _retail_one_coupon_per_recipient = models.UniqueIndex(
        "(retail_mailing_id, partner_id) WHERE retail_mailing_id IS NOT NULL",
        "A customer receives one personal coupon per mailing.",
    )

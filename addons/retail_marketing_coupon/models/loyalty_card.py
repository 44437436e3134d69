# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class LoyaltyCard(models.Model):
    _inherit = "loyalty.card"

    retail_mailing_id = fields.Many2one(
        "mailing.mailing",
        string="Campaign Mailing",
        readonly=True,
        ondelete="restrict",
        help="The mailing that issued this personal coupon to its customer.",
    )

    # One personal coupon per recipient of a mailing, whatever the number of
    # sends, retries or concurrent workers. Also the index of the mailing's
    # coupons, searched by mailing and customer while its messages are
    # rendered: the only index on the column, so that PostgreSQL never scans
    # all the coupons of the mailing for the customers of one batch.
    _retail_one_coupon_per_recipient = models.UniqueIndex(
        "(retail_mailing_id, partner_id) WHERE retail_mailing_id IS NOT NULL",
        "A customer receives one personal coupon per mailing.",
    )

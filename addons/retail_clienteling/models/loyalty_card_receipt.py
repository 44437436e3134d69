# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class LoyaltyCard(models.Model):
    _inherit = "loyalty.card"

    retail_receipt_order_id = fields.Many2one(
        "pos.order",
        string="Printed on Receipt",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
        help="The till order whose receipt printed this personal coupon.",
    )

    # One personal coupon per receipt, whatever the retries.
    _retail_one_coupon_per_receipt = models.UniqueIndex(
        "(retail_receipt_order_id) WHERE retail_receipt_order_id IS NOT NULL",
        "A receipt prints one personal coupon.",
    )

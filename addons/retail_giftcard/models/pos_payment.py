# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PosPayment(models.Model):
    _inherit = "pos.payment"

    retail_giftcard_code = fields.Char(
        string="Gift Card Number",
        help="Number of the gift card that paid (or, on a refund, was credited).",
    )
    retail_giftcard_token = fields.Char(
        string="Gift Card Check",
        copy=False,
        help="Proof, from the till's lookup, that the card was checked with its PIN; "
        "cleared once the payment is posted.",
    )
    retail_giftcard_id = fields.Many2one(
        comodel_name="loyalty.card",
        string="Gift Card",
        readonly=True,
        ondelete="restrict",
        index="btree_not_null",
    )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


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
    retail_giftcard_offline = fields.Boolean(
        string="Gift Card Taken Offline",
        help="The till could not reach the server: the card was not checked and the "
        "payment was capped by the store's offline caps.",
    )
    retail_giftcard_shortfall = fields.Monetary(
        string="Gift Card Shortfall",
        readonly=True,
        currency_field="currency_id",
        help="Part of an offline gift card payment the card could not cover when "
        "the order synced (balance gone, card blocked or expired).",
    )
    retail_giftcard_id = fields.Many2one(
        comodel_name="loyalty.card",
        string="Gift Card",
        readonly=True,
        ondelete="restrict",
        index="btree_not_null",
    )

    @api.model
    def _retail_till_fields(self):
        return super()._retail_till_fields() | {
            "retail_giftcard_code",
            "retail_giftcard_token",
            "retail_giftcard_offline",
        }

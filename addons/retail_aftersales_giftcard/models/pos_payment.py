# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PosPayment(models.Model):
    _inherit = "pos.payment"

    retail_credit_new_card = fields.Boolean(
        string="Store Credit on a New Card",
        help="The refund is paid out as store credit on a new gift card that the "
        "server issues from the store's store credit series.",
    )
    retail_credit_card_code = fields.Char(
        string="Store Credit Card Number",
        compute="_compute_retail_credit_card_code",
        help="Number of the gift card a refund credited, for the refund receipt: "
        "sent to the till only in the answer of the sync that credited the card, "
        "never read back (a card's number spends it).",
    )

    def _compute_retail_credit_card_code(self):
        for payment in self:
            payment.retail_credit_card_code = False

    @api.model
    def _retail_till_fields(self):
        return super()._retail_till_fields() | {"retail_credit_new_card"}

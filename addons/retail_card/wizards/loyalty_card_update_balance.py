# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

from ..models.loyalty_card import BALANCE_DIGITS


class LoyaltyCardUpdateBalance(models.TransientModel):
    _inherit = "loyalty.card.update.balance"

    retail_currency_id = fields.Many2one(related="card_id.retail_currency_id")

    def action_update_card_point(self):
        """Odoo's "Update Balance" goes through the card ledger: a manual
        adjustment (store managers and head office only) by the difference,
        with the wizard's description as the reason."""
        self.ensure_one()
        card = self.card_id
        if (
            self.new_balance < 0
            or float_compare(
                self.new_balance, card.points, precision_digits=BALANCE_DIGITS
            )
            == 0
        ):
            raise ValidationError(
                self.env._(
                    "The new balance must be positive and differ from the current one."
                )
            )
        card.action_retail_adjust(
            self.new_balance - card.points, (self.description or "").strip()
        )
        return True

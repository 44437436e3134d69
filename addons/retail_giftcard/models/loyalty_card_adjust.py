# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class LoyaltyCard(models.Model):
    """Manual adjustments of gift cards, booked in accounting."""

    _inherit = "loyalty.card"

    def action_retail_adjust(self, amount, reason, store_id=None):
        """A manual adjustment of gift cards moves money: besides the ledger
        rows, one entry per company and series kind books it between the gift
        card liability (or, for single-purpose vouchers, deferred income and
        VAT) and the breakage account, so that the liability keeps equal to
        the cards' balances."""
        result = super().action_retail_adjust(amount, reason, store_id=store_id)
        # sudo: the adjustment was allowed above; its entry is the system's
        money = self.sudo().filtered("retail_series_id")
        if money:
            money._retail_giftcard_adjust_moves(amount, reason)
        return result

    def _retail_giftcard_adjust_moves(self, amount, reason):
        today = fields.Date.context_today(self)
        groups = self.grouped(
            lambda card: (
                card.company_id,
                card.retail_series_id if card.retail_series_id._is_spv() else False,
            )
        )
        for (company, spv_series), cards in groups.items():
            total = amount * len(cards)
            label = self.env._(
                "Gift card adjustment (%(count)s cards): %(reason)s",
                count=len(cards),
                reason=reason,
            )
            breakage = company._retail_giftcard_breakage_account()
            if spv_series:
                company._retail_giftcard_spv_move(
                    spv_series,
                    total,
                    label,
                    [{"name": label, "account_id": breakage.id, "balance": total}],
                    today,
                )
                continue
            liability = company._retail_giftcard_liability_account()
            debit, credit = (
                (breakage, liability) if total > 0 else (liability, breakage)
            )
            company._retail_giftcard_move(label, abs(total), debit, credit, today)

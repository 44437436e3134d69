# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class LoyaltyCard(models.Model):
    """Expiry of gift cards: the nightly job and the breakage of what they held."""

    _inherit = "loyalty.card"

    @api.model
    def _cron_expire_giftcards(self, batch_size=5000):
        """Expire the gift cards past their expiry date, in chunks committed one
        by one; balances left are written off as breakage (see _retail_expire)."""
        today = fields.Date.context_today(self)
        domain = [
            ("retail_state", "=", "active"),
            ("expiration_date", "<", today),
        ]
        Card = self.sudo()
        while True:
            found = Card.search(domain, limit=batch_size, order="id")
            cards = found.try_lock_for_update()
            if not cards:
                break
            cards._retail_expire(today)
            left = self.env["ir.cron"]._commit_progress(
                len(cards),
                remaining=Card.search_count(domain) if len(found) == batch_size else 0,
            )
            if len(found) < batch_size or not left:
                break

    def _retail_expire(self, today=None):
        """Expire these active gift cards: state expired and, per company, one
        journal entry (Dr gift card liability, Cr breakage income) for the
        balances left, with one "breakage" ledger row per card pointing at it."""
        today = today or fields.Date.context_today(self)
        cards = self.sudo().filtered(
            lambda card: card.retail_state == "active"
            and card.expiration_date
            and card.expiration_date < today
        )
        if not cards:
            return {}
        balances = cards._retail_lock_balances()
        movements = []
        for company, company_cards in cards.grouped("company_id").items():
            currency = company.currency_id
            with_balance = company_cards.filtered(
                lambda card, currency=currency: currency.compare_amounts(
                    balances[card.id], 0
                )
                > 0
            )
            # multi-purpose cards together; single-purpose vouchers per series
            groups = with_balance.grouped(
                lambda card: card.retail_series_id
                if card.retail_series_id._is_spv()
                else False
            )
            for spv_series, group in groups.items():
                amount = sum(balances[card.id] for card in group)
                move = (
                    company._retail_giftcard_spv_breakage_move(
                        spv_series, amount, today
                    )
                    if spv_series
                    else company._retail_giftcard_breakage_move(amount, today)
                )
                movements += [
                    {
                        "card": card,
                        "amount": -balances[card.id],
                        "kind": "breakage",
                        "description": self.env._(
                            "Expired on %(date)s", date=card.expiration_date
                        ),
                        "order_model": "account.move",
                        "order_id": move.id,
                        "key": self._retail_movement_key("breakage", card.id),
                    }
                    for card in group
                ]
        cards.write({"retail_state": "expired"})
        return self._retail_post_movements(movements) if movements else {}

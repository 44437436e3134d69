# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math

from odoo import api, fields, models
from odoo.exceptions import UserError


class LoyaltyCard(models.Model):
    """Loading many gift cards of a series at once from a file."""

    _inherit = "loyalty.card"

    @api.model
    def _retail_giftcard_bulk_load(
        self, series, lines, counterpart, allow_partial=False
    ):
        """Load gift cards of ``series`` from ``lines`` [(line, number, amount)].

        Every line is checked (number, check digit, card of the series, state,
        amount, the series' limits with the loads of the file added up). With a
        refused line nothing is loaded, unless ``allow_partial``. The loads are
        one journal entry (Dr ``counterpart``, Cr gift card liability) and one
        "load" ledger row per line pointing at it.

        :return: (loaded [(line, card, amount)], refused [(line, number, reason)])
        """
        series.ensure_one()
        numbers = {"".join(str(number).split()) for _line, number, _amount in lines}
        cards = {
            card.code: card
            for card in self.sudo().search(
                [("code", "in", list(numbers)), ("retail_series_id", "=", series.id)]
            )
        }
        today = fields.Date.context_today(self)
        loaded, refused = self._retail_giftcard_sort_lines(series, lines, cards, today)
        if refused and not allow_partial:
            raise self._retail_giftcard_refused_error(refused)
        if loaded:
            self._retail_giftcard_bulk_post(series, loaded, counterpart, today)
        return loaded, refused

    @api.model
    def _retail_giftcard_sort_lines(self, series, lines, cards, today):
        """Check the load lines in order, the loads of the lines accepted added
        to the cards' balances.

        :return: (loaded [(line, card, amount)], refused [(line, number, reason)])
        """
        balances = {card.id: card.points for card in cards.values()}
        loaded, refused = [], []
        for line, number, raw_amount in lines:
            try:
                amount = self._retail_giftcard_check_line(
                    number, raw_amount, cards, balances, series, today
                )
            except UserError as error:
                refused.append((line, number, error.args[0]))
                continue
            card = cards[self._retail_giftcard_clean_number(number)]
            balances[card.id] += amount
            loaded.append((line, card, amount))
        return loaded, refused

    @api.model
    def _retail_giftcard_refused_error(self, refused):
        """The error naming every refused line, when nothing is loaded."""
        return UserError(
            "\n".join(
                [self.env._("Nothing was loaded; refused lines:")]
                + [
                    self.env._(
                        "Line %(line)s (%(number)s): %(reason)s",
                        line=line,
                        number=number,
                        reason=reason,
                    )
                    for line, number, reason in refused
                ]
            )
        )

    @api.model
    def _retail_giftcard_bulk_post(self, series, loaded, counterpart, today):
        """One journal entry for the ``loaded`` lines and one "load" ledger row
        per line pointing at it."""
        move = series.company_id._retail_giftcard_load_move(
            sum(amount for _line, _card, amount in loaded),
            counterpart,
            today,
            series=series,
        )
        self._retail_giftcard_load(
            [
                {
                    "card": card,
                    "amount": amount,
                    "description": self.env._("Bulk load (line %(line)s)", line=line),
                    "order_model": "account.move",
                    "order_id": move.id,
                    "key": self._retail_movement_key(
                        "account.move", move.id, "load", line
                    ),
                }
                for line, card, amount in loaded
            ]
        )

    @api.model
    def _retail_giftcard_check_line(
        self, number, raw_amount, cards, balances, series, today
    ):
        """The amount of one load line, or a UserError saying why it is refused."""
        number = self._retail_giftcard_clean_number(number)
        card = cards.get(number)
        if not card:
            raise UserError(
                self.env._(
                    "no gift card of series %(series)s has this number.",
                    series=series.name,
                )
            )
        try:
            amount = float(str(raw_amount).replace(",", "."))
        except (TypeError, ValueError) as error:
            raise UserError(
                self.env._("the amount %(amount)r is not a number.", amount=raw_amount)
            ) from error
        if not math.isfinite(amount):
            raise UserError(
                self.env._("the amount %(amount)r is not a number.", amount=raw_amount)
            )
        if card.retail_state in ("blocked", "expired") or (
            card.expiration_date and card.expiration_date < today
        ):
            raise UserError(
                self.env._(
                    "the card is %(state)s.",
                    state=card._retail_state_label() or self.env._("expired"),
                )
            )
        series._check_load_amount(amount, balances[card.id])
        return amount

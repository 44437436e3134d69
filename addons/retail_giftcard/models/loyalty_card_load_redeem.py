# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare


class LoyaltyCard(models.Model):
    """Money on gift cards: selling or reloading them (inactive cards are
    activated), spending them online or offline, and the idempotency of both."""

    _inherit = "loyalty.card"

    def _retail_check_spendable(self, today=None):
        """Refuse blocked, inactive or expired cards, naming the card."""
        today = today or fields.Date.context_today(self)
        for card in self:
            if card.retail_state == "active" and (
                not card.expiration_date or card.expiration_date >= today
            ):
                continue
            if card.retail_state == "blocked":
                message = self.env._(
                    "Gift card %(code)s is blocked (lost or stolen): it cannot be "
                    "used.",
                    code=card.code,
                )
            elif card.retail_state == "inactive":
                message = self.env._(
                    "Gift card %(code)s was never sold: it has no balance yet.",
                    code=card.code,
                )
            else:
                message = self.env._(
                    "Gift card %(code)s expired on %(date)s.",
                    code=card.code,
                    date=card.expiration_date,
                )
            raise UserError(message)

    def _retail_activate(self):
        """Activate inactive cards: state active, expiry from their series."""
        today = fields.Date.context_today(self)
        for card in self.filtered(lambda card: card.retail_state == "inactive"):
            card.write(
                {
                    "retail_state": "active",
                    "expiration_date": card.expiration_date
                    or card.retail_series_id._expiration_from(today),
                }
            )

    @api.model
    def _retail_giftcard_load(self, loads):
        """Sell or reload gift cards: ``loads`` is a list of dicts with ``card``,
        ``amount`` and the movement's source (``order_model``, ``order_id``,
        ``store_id``, ``key``). Inactive cards are activated; blocked and expired
        cards and amounts outside the series' limits are refused. All or nothing.
        """
        loads = self._retail_skip_posted(loads)
        if not loads:
            return {}
        cards = self.browse(
            {self._retail_record_id(load["card"]) for load in loads}
        ).sudo()
        balances = cards._retail_lock_balances()
        today = fields.Date.context_today(self)
        for load in loads:
            card = cards.browse(self._retail_record_id(load["card"]))
            if not card.retail_series_id:
                raise UserError(
                    self.env._(
                        "Card %(code)s is not a gift card of a series.", code=card.code
                    )
                )
            if card.retail_state == "blocked" or (
                card.retail_state == "expired"
                or (
                    card.retail_state == "active"
                    and card.expiration_date
                    and card.expiration_date < today
                )
            ):
                card._retail_check_spendable(today)
            card.retail_series_id._check_load_amount(load["amount"], balances[card.id])
            balances[card.id] += load["amount"]
        cards._retail_activate()
        return self._retail_post_movements([{"kind": "load", **load} for load in loads])

    @api.model
    def _retail_giftcard_redeem(self, redemptions):
        """Spend gift cards: ``redemptions`` is a list of dicts with ``card``, the
        positive ``amount`` and the source. Cards are locked; an amount above the
        balance is refused with the available balance named. All or nothing."""
        redemptions = self._retail_skip_posted(redemptions, sign=-1)
        if not redemptions:
            return {}
        cards = self.browse(
            {self._retail_record_id(move["card"]) for move in redemptions}
        ).sudo()
        cards._retail_lock_balances()
        cards._retail_check_spendable()
        for move in redemptions:
            if move["amount"] <= 0:
                raise UserError(
                    self.env._("A gift card payment must be a positive amount.")
                )
        return self._retail_post_movements(
            [
                {"kind": "redeem", **move, "amount": -move["amount"]}
                for move in redemptions
            ]
        )

    @api.model
    def _retail_giftcard_redeem_offline(self, redemptions):
        """Redemptions taken while the till was offline: the order has landed
        already, so each card pays what it can (nothing when blocked, expired or
        unsold) and the rest is the shortfall, returned by movement key.

        :return: {key: shortfall} for the redemptions not fully covered
        """
        redemptions = self._retail_skip_posted(redemptions, sign=-1, partial=True)
        if not redemptions:
            return {}
        cards = self.browse(
            {self._retail_record_id(move["card"]) for move in redemptions}
        ).sudo()
        balances = cards._retail_lock_balances()
        today = fields.Date.context_today(self)
        movements, shortfalls = [], {}
        for move in redemptions:
            card = cards.browse(self._retail_record_id(move["card"]))
            # a card with a PIN is never spent without it (see pos.order)
            spendable = (
                not move.get("pin_card")
                and card.retail_state == "active"
                and (not card.expiration_date or card.expiration_date >= today)
            )
            taken = min(move["amount"], max(balances[card.id], 0.0)) if spendable else 0
            if card.currency_id.compare_amounts(taken, 0.0) > 0:
                balances[card.id] -= taken
                movements.append(
                    {
                        "kind": "redeem",
                        **{
                            k: v
                            for k, v in move.items()
                            if k not in ("payment", "pin_card")
                        },
                        "amount": -taken,
                    }
                )
            if card.currency_id.compare_amounts(move["amount"], taken) > 0:
                shortfalls[move["key"]] = move["amount"] - taken
        if movements:
            self._retail_post_movements(movements)
        return shortfalls

    @api.model
    def _retail_skip_posted(self, movements, sign=1, partial=False):
        """Movements whose idempotency key was not posted yet (a replay of the
        same order is not checked again against limits or states).

        A key already posted with another card or another amount is refused,
        not skipped: it is another movement that would otherwise be lost.

        :param sign: 1 when a movement's ``amount`` is posted as is, -1 when it is
            posted negated (redemptions)
        :param partial: the posted amount may be less than the movement's
            (offline redemptions: the card paid what it could)
        """
        keys = [move["key"] for move in movements if move.get("key")]
        if not keys:
            return movements
        posted = {
            row.retail_idempotency_key: row
            for row in self.env["loyalty.history"]
            .sudo()
            .search_fetch(
                [("retail_idempotency_key", "in", keys)],
                ["retail_idempotency_key", "card_id", "issued", "used"],
            )
        }
        if not posted:
            return movements
        for move in movements:
            row = posted.get(move.get("key"))
            if not row:
                continue
            amount = sign * move["amount"]
            moved = row.issued - row.used
            if partial:
                same_amount = (
                    float_compare(abs(moved), abs(amount), precision_digits=6) <= 0
                    and (moved * amount) > 0
                )
            else:
                same_amount = not float_compare(moved, amount, precision_digits=6)
            if (
                row.card_id.id != self._retail_record_id(move["card"])
                or not same_amount
            ):
                raise UserError(
                    self.env._(
                        "This movement was already posted on card %(code)s for "
                        "%(amount)s: it cannot be posted again on another card or "
                        "for another amount.",
                        code=row.card_id.code,
                        amount=row.card_id._format_points(moved),
                    )
                )
        return [move for move in movements if move.get("key") not in posted]

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The native paths that would write a card's balance, number, program, holder,
expiry or PIN, or delete its ledger: refused, or rerouted through the ledger."""

import logging

from odoo import Command, api, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_is_zero

from ..trusted import current_trusted_flow, trusted_flow
from .loyalty_card import BALANCE_DIGITS

_logger = logging.getLogger(__name__)

# Card fields and who writes them outside a trusted server flow (see
# ``retail_card.trusted``): the balance, number and program nobody (the balance
# moves through the ledger only), holder and expiry card managers only.
BALANCE_FIELDS = frozenset({"points"})
FROZEN_FIELDS = frozenset({"program_id"})
# (the numbers of gift cards of a series never change: see retail_giftcard)
HOLDER_FIELDS = frozenset({"partner_id", "expiration_date", "code"})


class LoyaltyCard(models.Model):
    _inherit = "loyalty.card"

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            if any("retail_secret_hash" in vals for vals in vals_list):
                raise AccessError(self._retail_secret_write_message())
            if not current_trusted_flow() and any(
                vals.get("points") for vals in vals_list
            ):
                return self._retail_create_with_balances(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            if "retail_secret_hash" in vals:
                raise AccessError(self._retail_secret_write_message())
            if self:
                if (
                    "points" in vals
                    and not current_trusted_flow()
                    and self._retail_card_manager()
                ):
                    vals = dict(vals)
                    self._retail_set_balances_by_hand(vals.pop("points"))
                self._retail_check_card_write(vals)
        return super().write(vals)

    @api.model
    def _retail_create_with_balances(self, vals_list):
        """Cards created with a balance by a card manager (the back office's
        form, Odoo's own tests): created empty, then their balance posted to the
        ledger as a manual adjustment. Anyone else is refused."""
        if not self._retail_card_manager():
            raise AccessError(
                self.env._(
                    "A card is created empty: its balance moves through the card "
                    "ledger only."
                )
            )
        balances = [vals.get("points") or 0.0 for vals in vals_list]
        # history rows given with the card (Odoo's form and tests) make its
        # opening balance; the rest is a manual adjustment
        opening = [
            self._retail_history_sum(vals.get("history_ids")) for vals in vals_list
        ]
        with trusted_flow("loyalty.card.create"):
            cards = super().create(
                [
                    {**vals, "points": start}
                    for vals, start in zip(vals_list, opening, strict=True)
                ]
            )
        for card, balance in zip(cards, balances, strict=True):
            if not float_is_zero(
                balance - card.points, precision_digits=BALANCE_DIGITS
            ):
                card._retail_set_balances_by_hand(balance)
        return cards

    @api.model
    def _retail_history_sum(self, commands):
        """What the history rows created by x2many ``commands`` add to a card."""
        total = 0.0
        for command in commands if isinstance(commands, list | tuple) else []:
            if (
                isinstance(command, list | tuple)
                and len(command) == 3
                and command[0] == Command.CREATE
                and isinstance(command[2], dict)
            ):
                total += (command[2].get("issued") or 0.0) - (
                    command[2].get("used") or 0.0
                )
        return total

    def _retail_set_balances_by_hand(self, balance):
        """A card manager sets the balance of these cards (the card form, Odoo's
        own code run as a manager): each difference is posted to the ledger as
        a manual adjustment, with the journal entries money cards need."""
        amount = self._retail_check_amount(balance) if balance else 0.0
        reason = self.env._("Balance set by hand by %(user)s", user=self.env.user.name)
        self.check_access("write")
        for card in self:
            delta = amount - card.points
            if not float_is_zero(delta, precision_digits=BALANCE_DIGITS):
                # sudo: a card manager (checked by the caller) may adjust; the
                # ledger engine and money entries are the system's
                card.sudo().action_retail_adjust(delta, reason)

    def _retail_check_card_write(self, vals):
        """Refuse a user's write of a card's balance, number or program, and of
        its holder or expiry by a user who is not a card manager, outside the
        trusted server flows (``retail_card.trusted``)."""
        if current_trusted_flow():
            return
        names = set(vals)
        refused = names & (BALANCE_FIELDS | FROZEN_FIELDS)
        if not refused and names & HOLDER_FIELDS and not self._retail_card_manager():
            refused = names & HOLDER_FIELDS
        if refused:
            _logger.warning(
                "User %s refused writing %s on cards %s",
                self.env.uid,
                sorted(refused),
                self.ids,
            )
            raise AccessError(
                self.env._(
                    "A card's balance moves through the card ledger only (store "
                    "managers adjust it with a reason), its program never changes, "
                    "and only store managers and head office change its number, "
                    "holder or expiry. Refused: %(fields)s",
                    fields=", ".join(sorted(refused)),
                )
            )

    def _retail_secret_write_message(self):
        return self.env._(
            "A card's PIN is set by the system only (it prints the new PIN once)."
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_retail_ledger(self):
        # sudo: the ORM checked the user may delete these cards; only whether
        # they have ledger rows is read, whatever rows the user may see
        if (
            self.env["loyalty.history"]
            .sudo()
            .search_count(
                [("card_id", "in", self.ids), ("retail_kind", "!=", False)], limit=1
            )
        ):
            raise UserError(
                self.env._(
                    "A card with ledger movements cannot be deleted: archive it "
                    "instead."
                )
            )

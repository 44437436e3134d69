# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What one card movement may be: its fields, amount, kind, texts and ids,
checked and normalised before the ledger engine posts it."""

import math

from odoo import api, models
from odoo.exceptions import ValidationError
from odoo.tools import float_is_zero

from .loyalty_card import BALANCE_DIGITS

MOVEMENT_KEYS = frozenset(
    {
        "card",
        "amount",
        "kind",
        "description",
        "reason",
        "order_model",
        "order_id",
        "store_id",
        "key",
        "reversed_id",
        "allow_negative",
    }
)
# Longest reason, description or key of a movement; largest record id (int4).
TEXT_MAX_LENGTH = 2000
MAX_ID = 2**31 - 1
# Amounts of at least this size are never zero at the balance's precision.
MIN_AMOUNT = 10**-BALANCE_DIGITS
# Kinds that may take a balance below zero when the caller asks for it (a return
# after the return window takes back points that were already spent).
KINDS_ALLOWING_NEGATIVE = frozenset({"reverse"})


class LoyaltyCard(models.Model):
    _inherit = "loyalty.card"

    @api.model
    def _retail_check_movements(self, movements):
        """Validate a posting's movements and return them normalised, each by
        ``_retail_check_movement`` with the rules read once for the whole
        posting (``_retail_movement_rules``): the single movement of a till and
        the 200,000 of a campaign's load meet the same checks."""
        if not isinstance(movements, list | tuple):
            raise ValidationError(
                self.env._("Card movements are given as a list of dictionaries.")
            )
        rules = self._retail_movement_rules()
        return [self._retail_check_movement(movement, rules) for movement in movements]

    @api.model
    def _retail_movement_rules(self):
        """What the checks of one movement read, once per posting: the kinds
        with their labels and signs, those that need a reason, those that may
        take a balance below zero, and memos of the order models and
        descriptions already met."""
        History = self.env["loyalty.history"]
        kinds = dict(History._fields["retail_kind"]._description_selection(self.env))
        return {
            "kinds": kinds,
            "signs": {kind: History._retail_kind_sign(kind) for kind in kinds},
            "need_reason": {
                kind for kind in kinds if History._retail_kind_needs_reason(kind)
            },
            "allow_negative": self._retail_kinds_allowing_negative(),
            "order_models": {},
            "descriptions": {},
        }

    @api.model
    def _retail_kinds_allowing_negative(self):
        """Kinds that may take a balance below zero when the movement asks for
        it (``allow_negative``): reversals (``KINDS_ALLOWING_NEGATIVE``)."""
        return set(KINDS_ALLOWING_NEGATIVE)

    @api.model
    def _retail_check_movement(self, movement, rules=None):
        """Validate one movement dict and return it normalised.

        :param rules: ``_retail_movement_rules()``, read once by the caller
            when it checks many movements
        """
        rules = rules or self._retail_movement_rules()
        self._retail_check_movement_fields(movement)
        card_id = self._retail_record_id(movement.get("card"))
        if not card_id:
            raise ValidationError(self.env._("A card movement needs a card."))
        amount = self._retail_check_amount(movement.get("amount"))
        kind, kind_label = self._retail_check_kind(movement.get("kind"), amount, rules)
        self._retail_check_movement_texts(movement)
        reason = self._retail_movement_reason(movement, kind, kind_label, rules)
        order_model, order_id = self._retail_movement_order(movement, rules)
        key = movement.get("key") or False
        if key and not isinstance(key, str):
            raise ValidationError(self.env._("A movement key must be text."))
        allow_negative = self._retail_movement_allow_negative(
            movement, kind, kind_label, rules
        )
        description = self._retail_movement_description(
            movement, kind_label, reason, rules
        )
        return {
            "card_id": card_id,
            "amount": amount,
            "kind": kind,
            "description": description,
            "reason": reason,
            "order_model": order_model,
            "order_id": order_id,
            "store_id": self._retail_record_id(movement.get("store_id")),
            "key": key,
            "reversed_id": self._retail_record_id(movement.get("reversed_id")),
            "allow_negative": allow_negative,
        }

    @api.model
    def _retail_check_movement_fields(self, movement):
        """Refuse what is not a dict of the known movement fields."""
        if not isinstance(movement, dict):
            raise ValidationError(self.env._("A card movement must be a dictionary."))
        unknown = set(movement) - MOVEMENT_KEYS
        if unknown:
            raise ValidationError(
                self.env._(
                    "Unknown movement fields: %(fields)s",
                    fields=", ".join(sorted(map(str, unknown))),
                )
            )

    @api.model
    def _retail_check_movement_texts(self, movement):
        """Refuse a reason that is not text, and a reason, description or key
        longer than ``TEXT_MAX_LENGTH``."""
        reason = movement.get("reason") or False
        if reason and not isinstance(reason, str):
            raise ValidationError(self.env._("The reason must be text."))
        for name in ("reason", "description", "key"):
            value = movement.get(name)
            if isinstance(value, str) and len(value) > TEXT_MAX_LENGTH:
                raise ValidationError(
                    self.env._(
                        "The %(name)s of a card movement has at most %(max)s "
                        "characters.",
                        name=name,
                        max=TEXT_MAX_LENGTH,
                    )
                )

    @api.model
    def _retail_movement_reason(self, movement, kind, kind_label, rules):
        """The reason without surrounding spaces (False when none); required
        for the kinds that need one."""
        reason = movement.get("reason") or False
        reason = reason and reason.strip()
        if not reason and kind in rules["need_reason"]:
            raise ValidationError(
                self.env._("%(kind)s needs a reason.", kind=kind_label)
            )
        return reason

    @api.model
    def _retail_movement_order(self, movement, rules):
        """(order model, order id) of the document that caused the movement;
        the model must exist and an id needs its model."""
        order_model = movement.get("order_model") or False
        order_id = self._retail_record_id(movement.get("order_id"))
        known = rules["order_models"]
        if order_model and order_model not in known:
            known[order_model] = isinstance(order_model, str) and (
                order_model in self.env
            )
        if order_model and not known[order_model]:
            raise ValidationError(
                self.env._("Unknown order model %(model)r.", model=order_model)
            )
        if order_id and not order_model:
            raise ValidationError(
                self.env._("An order id needs the order's model (order_model).")
            )
        return order_model, order_id

    @api.model
    def _retail_movement_allow_negative(self, movement, kind, kind_label, rules):
        """Whether the movement may take the balance below zero: the kinds of
        ``_retail_kinds_allowing_negative`` only."""
        allow_negative = bool(movement.get("allow_negative"))
        if allow_negative and kind not in rules["allow_negative"]:
            raise ValidationError(
                self.env._(
                    "Only a reversal may take a balance below zero, not %(kind)s.",
                    kind=kind_label,
                )
            )
        return allow_negative

    @api.model
    def _retail_movement_description(self, movement, kind_label, reason, rules):
        """The text of the row: the one given, else the kind's label with the
        reason (translated once per posting for the same kind and reason)."""
        description = movement.get("description") or False
        if description and not isinstance(description, str):
            raise ValidationError(self.env._("The description must be text."))
        if not description:
            if not reason:
                return kind_label
            memo = rules["descriptions"]
            description = memo.get((kind_label, reason))
            if description is None:
                description = memo[kind_label, reason] = self.env._(
                    "%(kind)s: %(reason)s", kind=kind_label, reason=reason
                )
        return description

    @api.model
    def _retail_check_amount(self, amount):
        """The amount as a finite, non-zero float."""
        number = math.nan
        if isinstance(amount, int | float) and not isinstance(amount, bool):
            try:
                number = float(amount)
            except OverflowError:
                number = math.nan
        if not math.isfinite(number):
            raise ValidationError(
                self.env._(
                    "The amount of a card movement must be a number, not %(amount)r.",
                    amount=amount,
                )
            )
        # an amount of at least MIN_AMOUNT is not zero: float_is_zero below it
        if abs(number) < MIN_AMOUNT and float_is_zero(
            number, precision_digits=BALANCE_DIGITS
        ):
            raise ValidationError(
                self.env._("A card movement cannot be zero; nothing to post.")
            )
        return number

    @api.model
    def _retail_check_kind(self, kind, amount, rules):
        """The kind, checked against the amount's sign, and its label."""
        kinds = rules["kinds"]
        if not isinstance(kind, str) or kind not in kinds:
            raise ValidationError(
                self.env._(
                    "Unknown kind of card movement %(kind)r; expected one of "
                    "%(kinds)s.",
                    kind=kind,
                    kinds=", ".join(kinds),
                )
            )
        sign = rules["signs"][kind]
        if sign > 0 and amount < 0:
            raise ValidationError(
                self.env._(
                    "%(kind)s must credit the card (a positive amount), not "
                    "%(amount)s.",
                    kind=kinds[kind],
                    amount=amount,
                )
            )
        if sign < 0 and amount > 0:
            raise ValidationError(
                self.env._(
                    "%(kind)s must debit the card (a negative amount), not %(amount)s.",
                    kind=kinds[kind],
                    amount=amount,
                )
            )
        return kind, kinds[kind]

    @api.model
    def _retail_record_id(self, value):
        """Id of a record, or an id given as such; False when empty."""
        if isinstance(value, models.BaseModel):
            if len(value) > 1:
                raise ValidationError(
                    self.env._("Expected one record, got %(records)s.", records=value)
                )
            return value.id or False
        if value is None or value is False or (type(value) is int and value == 0):
            return False
        if (
            isinstance(value, int)
            and not isinstance(value, bool)
            and 0 < value <= MAX_ID
        ):
            return value
        raise ValidationError(
            self.env._("Expected a record or an id, got %(value)r.", value=value)
        )

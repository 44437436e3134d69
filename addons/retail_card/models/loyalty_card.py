# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import hmac
import json
import logging
import math
import secrets

import psycopg2

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.http import request
from odoo.orm.domains import DomainAnd, DomainCondition
from odoo.tools import SQL, float_compare, float_is_zero

from ..trusted import current_trusted_flow, trusted_flow

_logger = logging.getLogger(__name__)

# Balances and amounts are compared to this many decimals (points may be
# fractional, money is rounded by its own module before it is posted).
BALANCE_DIGITS = 6
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
# Lookups: longest card number accepted, throttle defaults (overridden by the
# system parameters retail_card.lookup_window_seconds and
# retail_card.lookup_max_failures).
CODE_MAX_LENGTH = 64
SECRET_MAX_LENGTH = 64
LOOKUP_WINDOW_SECONDS = 60
LOOKUP_MAX_FAILURES = 10
# Longest reason, description or key of a movement; largest record id (int4).
TEXT_MAX_LENGTH = 2000
MAX_ID = 2**31 - 1
# How long logging a failed lookup waits for a lock before giving up on its own
# cursor (it then logs in the request's transaction).
LOG_LOCK_TIMEOUT_MS = 2000
# Kinds that may take a balance below zero when the caller asks for it (a return
# after the return window takes back points that were already spent).
KINDS_ALLOWING_NEGATIVE = frozenset({"reverse"})
# Card fields and who writes them outside a trusted server flow (see
# ``retail_card.trusted``): the balance, number and program nobody (the balance
# moves through the ledger only), holder and expiry card managers only.
BALANCE_FIELDS = frozenset({"points"})
FROZEN_FIELDS = frozenset({"program_id"})
# (the numbers of gift cards of a series never change: see retail_giftcard)
HOLDER_FIELDS = frozenset({"partner_id", "expiration_date", "code"})
# Searching cards: conditions on these fields are lookups by number (throttled
# and logged); a search by a user who is not a card manager must name the cards
# by one of the anchors (the customer, the order, the ids), else it finds none.
CODE_FIELDS = frozenset({"code", "display_name"})
CODE_OPERATORS = frozenset({"=", "in"})
CODE_MAX_VALUES = 5
ANCHOR_FIELDS = frozenset({"id", "partner_id", "source_pos_order_id", "order_id"})
ANCHOR_MAX_VALUES = 500
ANCHOR_OPERATORS = frozenset({"=", "in", "child_of"})


def _keyed_hash(key, card_id, secret):
    """HMAC-SHA256 of a card id and its secret (hexadecimal)."""
    return hmac.new(key, f"{card_id}:{secret}".encode(), hashlib.sha256).hexdigest()


class LoyaltyCard(models.Model):
    _inherit = "loyalty.card"

    # How long a posting waits for a card another transaction is moving (a till
    # redeeming the same gift card) before giving up; the request is then retried
    # by Odoo's standard retry on lock errors.
    _retail_lock_timeout_ms = 5000

    retail_secret_hash = fields.Char(
        string="Secret Hash",
        # "." (models.NO_ACCESS): no group, the superuser only (administrators
        # included do not read it)
        groups=".",
        copy=False,
        readonly=True,
        help="Keyed hash (HMAC-SHA256) of the card's PIN; the PIN itself is never "
        "stored. Set by the card engine only.",
    )
    retail_has_secret = fields.Boolean(
        string="Has PIN",
        compute="_compute_retail_has_secret",
        store=True,
        help="Spending or transferring this card requires its PIN (or scanning "
        "the barcode that holds it).",
    )

    retail_currency_id = fields.Many2one(
        comodel_name="res.currency",
        string="Money Currency",
        compute="_compute_retail_currency_id",
        help="The program's currency when its points are money (gift cards, "
        "eWallets): balances are shown as amounts of it. Empty for points.",
    )

    @api.depends("retail_secret_hash")
    def _compute_retail_has_secret(self):
        for card in self:
            card.retail_has_secret = bool(card.retail_secret_hash)

    @api.depends("program_id.retail_is_money", "program_id.currency_id")
    def _compute_retail_currency_id(self):
        for card in self:
            program = card.program_id
            card.retail_currency_id = program.retail_is_money and program.currency_id

    def _format_points(self, points):
        """Money cards in their program's currency (Odoo does so only when the
        point name is the currency's symbol); points with their name."""
        self.ensure_one()
        if self.program_id.retail_is_money:
            return self.program_id._retail_format_money(points)
        return super()._format_points(points)

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

    @api.model
    def _retail_card_manager(self):
        """Whether the user manages cards: lists and searches them freely and
        changes their holder and expiry (superuser, store managers, head office,
        Point of Sale and Sales administrators)."""
        if self.env.su:
            return True
        user = self.env.user
        return any(
            user.has_group(group)
            for group in (
                "retail_card.group_card_store_manager",
                "point_of_sale.group_pos_manager",
                "sales_team.group_sale_manager",
            )
        )

    @api.model
    def _retail_restricted(self):
        """Whether searches and reads of the user are restricted (cards are
        found, not listed): not a card manager, outside a trusted flow."""
        return not current_trusted_flow() and not self._retail_card_manager()

    # ------------------------------------------------------------------
    # Cards are found, not listed
    # ------------------------------------------------------------------

    @api.model
    def _search(
        self,
        domain,
        offset=0,
        limit=None,
        order=None,
        *,
        active_test=True,
        bypass_access=False,
    ):
        """For users who are not card managers (cashiers, salesmen), outside
        trusted flows: a search by number is a lookup (throttled per user, a
        miss logged); any other search must name the cards by customer, order
        or ids, else it finds nothing. Covers every search entry point
        (search, search_count, search_read, web_search_read, name_search,
        read_group)."""
        lookup = False
        if not (self.env.su or bypass_access) and self._retail_restricted():
            domain = Domain(domain)
            lookup = self._retail_check_search(domain)
            if lookup is None:
                # finds nothing, the ORM's checks of the domain still apply
                domain &= Domain("id", "=", -1)
        query = super()._search(
            domain,
            offset=offset,
            limit=limit,
            order=order,
            active_test=active_test,
            bypass_access=bypass_access,
        )
        if (
            isinstance(lookup, str)
            and not query.get_result_ids()
            and not self._retail_code_exists(lookup)
        ):
            # a promotion code typed where a card may be scanned is no failure
            self._retail_log_failed_lookup("card", lookup)
        return query

    @api.model
    def _retail_check_search(self, domain):
        """Check a restricted user's search domain.

        :return: the number looked up (a search by number, throttle passed),
            True for a search anchored on customers, orders or ids, None for
            any other search (it finds nothing)
        :raise AccessError: a search by number other than equality to at most
            a few numbers (prefixes, patterns, ranges, negations)
        """
        conditions = list(domain.iter_conditions())
        codes = [
            condition
            for condition in conditions
            if condition.field_expr.split(".")[0] in CODE_FIELDS
            # an empty name search (a dropdown opened) names no number
            and not (condition.operator == "ilike" and not condition.value)
        ]
        if codes:
            values = []
            for condition in codes:
                value = condition.value
                value = list(value) if isinstance(value, list | tuple) else [value]
                if (
                    condition.operator not in CODE_OPERATORS
                    or condition.field_expr != "code"
                    or not 0 < len(value) <= CODE_MAX_VALUES
                    or not all(isinstance(item, str) for item in value)
                ):
                    raise AccessError(
                        self.env._(
                            "Cards are found by their whole number (card lookup), "
                            "not listed or searched by part of it."
                        )
                    )
                values += value
            self._retail_check_throttle("card")
            return values[0]
        tops = domain.children if isinstance(domain, DomainAnd) else [domain]
        for condition in tops:
            if not isinstance(condition, DomainCondition):
                continue
            value = condition.value
            if (
                condition.field_expr in ANCHOR_FIELDS
                and condition.operator in ANCHOR_OPERATORS
                and (
                    (type(value) is int and value > 0)
                    or (
                        isinstance(value, list | tuple)
                        and 0 < len(value) <= ANCHOR_MAX_VALUES
                        and all(type(item) is int and item > 0 for item in value)
                    )
                )
            ):
                return True
        _logger.info(
            "Card search by user %s emptied (not anchored): %s", self.env.uid, domain
        )
        return None

    def _read_format(self, fnames, load="_classic_read"):
        """Users who are not card managers read the number of a bearer card
        (no holder, or a gift card) masked, outside trusted flows: the number
        spends it, it is found by typing it, never listed."""
        result = super()._read_format(fnames, load)
        if (
            not self.env.su
            and ("code" in fnames or "display_name" in fnames)
            and self._retail_restricted()
        ):
            Failure = self.env["retail.card.lookup.failure"]
            bearer = {
                card.id: card.code
                for card in self
                if card.code
                and (not card.partner_id or card.program_id.program_type == "gift_card")
            }
            for values in result:
                code = bearer.get(values.get("id"))
                if not code:
                    continue
                masked = Failure._retail_mask(code)
                if values.get("code"):
                    values["code"] = masked
                if isinstance(values.get("display_name"), str):
                    values["display_name"] = values["display_name"].replace(
                        code, masked
                    )
        return result

    @api.model
    def _read_group(
        self,
        domain,
        groupby=(),
        aggregates=(),
        having=(),
        offset=0,
        limit=None,
        order=None,
    ):
        if not self.env.su and self._retail_restricted():
            names = {
                spec.split(":")[0].split(".")[0] for spec in (*groupby, *aggregates)
            }
            if names & CODE_FIELDS:
                raise AccessError(
                    self.env._("Card numbers are found one by one, never listed.")
                )
        return super()._read_group(
            domain,
            groupby=groupby,
            aggregates=aggregates,
            having=having,
            offset=offset,
            limit=limit,
            order=order,
        )

    def export_data(self, fields_to_export):
        if not self.env.su and self._retail_restricted():
            raise AccessError(
                self.env._("Only store managers and head office export cards.")
            )
        return super().export_data(fields_to_export)

    def _retail_secret_write_message(self):
        return self.env._(
            "A card's PIN is set by the system only (it prints the new PIN once)."
        )

    @api.model
    def _generate_code(self):
        """Card codes with 64 random bits (``secrets``), barcode friendly.

        Format: ``044-xxxx-xxxx-xxxx-xxxx`` (23 characters): the native "044"
        prefix, which POS barcode nomenclatures read as a coupon or gift card, then
        16 lowercase hexadecimal digits in groups of four. The native code has 32
        random bits, so that a chain's millions of cards collide (birthday bound
        near 77,000 codes); 64 bits keep the odds of one collision among ten
        million cards below three in a million, and the unique constraint catches
        it.
        """
        return "044-" + secrets.token_bytes(8).hex("-", 2)

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

    def action_retail_adjust(self, amount, reason, store_id=None):
        """Manual adjustment of the cards' balance by ``amount`` (points or money,
        negative to debit), with the reason the store manager gives.

        Public: called over RPC by the back office and the till. Only store
        managers and head office may adjust.

        :return: {card id: new balance}
        """
        if not self.env.su and not self.env.user.has_group(
            "retail_card.group_card_store_manager"
        ):
            raise AccessError(
                self.env._(
                    "Only store managers and head office may adjust a card's balance."
                )
            )
        return self._retail_post_movements(
            [
                {
                    "card": card,
                    "amount": amount,
                    "kind": "adjust",
                    "reason": reason,
                    "store_id": store_id,
                }
                for card in self
            ]
        )

    # ------------------------------------------------------------------
    # Ledger engine
    # ------------------------------------------------------------------

    @api.model
    def _retail_post_movements(self, movements):
        """Post card movements (points or money) to the ledger, all or nothing.

        :param movements: list of dicts with keys

            - ``card``: ``loyalty.card`` record or id (required)
            - ``amount``: float, positive credits the card, negative debits it
            - ``kind``: a ``loyalty.history.retail_kind`` value
            - ``description``: text of the row (default: the kind's label)
            - ``reason``: why (required for adjust and transfer)
            - ``order_model``, ``order_id``: the document that caused it
            - ``store_id``: ``pos.config`` record or id
            - ``key``: idempotency key; a movement whose key was already posted
              with the same card and amount is skipped, so the same order
              synchronised twice changes nothing; the same key with another card
              or amount refuses the whole call (ValidationError)
            - ``reversed_id``: the ``loyalty.history`` row this one reverses (use
              ``_retail_reverse``)
            - ``allow_negative``: a reversal that may take the balance below zero
              (points taken back after they were spent); reversals only

        The cards are locked before their balances are read; a debit that would
        make a balance negative refuses the whole call and nothing is written.
        History rows are created in one batch, balances updated in one query.

        :return: {card id: balance after the call} for every card named
        """
        lines = [self._retail_check_movement(movement) for movement in movements]
        if not lines:
            return {}
        keys = [line["key"] for line in lines if line["key"]]
        if len(keys) != len(set(keys)):
            raise ValidationError(
                self.env._("The same movement key appears twice in one posting.")
            )
        reversed_ids = [line["reversed_id"] for line in lines if line["reversed_id"]]
        if len(reversed_ids) != len(set(reversed_ids)):
            raise ValidationError(
                self.env._("The same movement is reversed twice in one posting.")
            )
        self._retail_check_stores({line["store_id"] for line in lines} - {False})
        cards = self.browse({line["card_id"] for line in lines})
        missing = cards - cards.exists()
        if missing:
            raise ValidationError(
                self.env._(
                    "These cards do not exist: %(ids)s",
                    ids=", ".join(map(str, missing.ids)),
                )
            )
        # The caller must be allowed to see the cards; the ledger itself is written
        # as superuser because only this engine writes it (see loyalty.history).
        cards.check_access("read")
        # sudo: the user may read the cards (checked above); balances and rows
        # are written by this engine only, which users cannot reach over RPC
        cards = cards.sudo()
        History = self.env["loyalty.history"].sudo()

        balances = cards._retail_lock_balances()
        before = dict(balances)

        # Idempotency, checked under the lock: an earlier posting of the same
        # key committed before we got the card is visible now.
        if keys:
            posted = {
                row.retail_idempotency_key: row
                for row in History.search_fetch(
                    [("retail_idempotency_key", "in", keys)],
                    ["retail_idempotency_key", "card_id", "issued", "used"],
                )
            }
            if posted:
                conflicts = [
                    line
                    for line in lines
                    if (row := posted.get(line["key"]))
                    and (
                        row.card_id.id != line["card_id"]
                        or float_compare(
                            row.issued - row.used,
                            line["amount"],
                            precision_digits=BALANCE_DIGITS,
                        )
                    )
                ]
                if conflicts:
                    # A replay posts the same card and amount (a no-op); another
                    # card or amount under a posted key is a forged or broken
                    # posting: refused, whatever else the call carries.
                    _logger.warning(
                        "Movements refused, their keys were posted with another "
                        "card or amount: %s",
                        [
                            (line["key"], line["card_id"], line["amount"])
                            for line in conflicts
                        ],
                    )
                    raise ValidationError(
                        self.env._(
                            "Movement %(key)s was already posted with another card "
                            "or amount; it cannot be posted again as %(amount)s on "
                            "card %(card)s.",
                            key=conflicts[0]["key"],
                            amount=conflicts[0]["amount"],
                            card=conflicts[0]["card_id"],
                        )
                    )
                lines = [line for line in lines if line["key"] not in posted]

        if any(line["reversed_id"] for line in lines):
            cards._retail_check_reversible(lines)

        refused = []
        for line in lines:
            card_id = line["card_id"]
            balance = balances[card_id] + line["amount"]
            if (
                line["amount"] < 0
                and not line["allow_negative"]
                and float_compare(balance, 0.0, precision_digits=BALANCE_DIGITS) < 0
            ):
                refused.append((card_id, balances[card_id], -line["amount"]))
            balances[card_id] = line["balance_after"] = balance
        if refused:
            by_id = {card.id: card for card in cards}
            raise UserError(
                "\n".join(
                    self.env._(
                        "Card %(code)s has %(available)s available: %(amount)s "
                        "cannot be debited.",
                        code=by_id[card_id].code,
                        available=by_id[card_id]._format_points(available).strip(),
                        amount=by_id[card_id]._format_points(amount).strip(),
                    )
                    for card_id, available, amount in refused
                )
            )
        if not lines:
            return balances

        History.create([self._retail_history_vals(line) for line in lines])
        moved = cards.browse({line["card_id"] for line in lines})
        moved._retail_write_balances({card.id: balances[card.id] for card in moved})
        # Native "when reaching" communications, as a write of points sends them.
        gained = moved.filtered(
            lambda card: card.program_id
            and card.partner_id
            and balances[card.id] > before[card.id]
        )
        if gained:
            gained._send_points_reach_communication(
                {
                    card: {"old": before[card.id], "new": balances[card.id]}
                    for card in gained
                }
            )
        return balances

    @api.model
    def _retail_movement_key(self, *parts):
        """Idempotency key of a movement, from structured parts (model names,
        record ids, uuids, amounts), never by joining client strings.

        The parts are encoded as a JSON array and hashed, so that no two
        different tuples give the same key (order ``B`` with payment ``x:y``
        and order ``B:x`` with payment ``y`` differ). The first part, a model
        or source name, is kept in clear to read the ledger.
        """
        if not parts or any(
            isinstance(part, bool) or not isinstance(part, str | int | float)
            for part in parts
        ):
            raise ValidationError(
                self.env._("A movement key is made of texts and numbers.")
            )
        digest = hashlib.sha256(
            json.dumps(list(parts), separators=(",", ":")).encode()
        ).hexdigest()
        return f"{parts[0]}:{digest}"

    @api.model
    def _retail_reverse(
        self,
        history_rows,
        reason,
        order_model=None,
        order_id=None,
        store_id=None,
        key_prefix=None,
    ):
        """Post one reversal row per ledger row of ``history_rows``.

        A reversal moves the card by the opposite of the original row and points at
        it (``retail_reversed_id``); a row can be reversed once only. Reversing a
        credit that was already spent is refused like any overspend.

        :param key_prefix: makes the reversal idempotent: the key of each reversal
            is ``<key_prefix>/<original row id>``, so the same refund synchronised
            twice reverses once and is not refused the second time.
        :return: {card id: new balance}
        """
        if not isinstance(reason, str) or not reason.strip():
            raise ValidationError(self.env._("Say why the movements are reversed."))
        history_rows.check_access("read")
        # sudo: the user may read the rows reversed (checked above)
        history_rows = history_rows.sudo()
        native = history_rows.filtered(lambda row: not row.retail_kind)
        if native:
            raise UserError(
                self.env._(
                    "Only card ledger movements can be reversed, not: %(rows)s",
                    rows=", ".join(native.mapped("description")),
                )
            )
        return self._retail_post_movements(
            [
                {
                    "card": row.card_id,
                    "amount": row.used - row.issued,
                    "kind": "reverse",
                    "description": self.env._(
                        "Reversal of: %(description)s", description=row.description
                    ),
                    "reason": reason,
                    "order_model": order_model or row.order_model,
                    "order_id": order_id or row.order_id,
                    "store_id": store_id or row.retail_store_id,
                    "key": key_prefix and f"{key_prefix}/{row.id}",
                    "reversed_id": row.id,
                }
                for row in history_rows
            ]
        )

    @api.model
    def _retail_report_shortfalls(self, shortfalls):
        """Hook: offline redemptions that the card could not cover at sync.

        A till that lost the server may take a card (gift card money or points)
        within its offline caps; when the order syncs and the balance is no
        longer there, the order still lands and the uncovered part is a
        shortfall. Called once per sync, in its transaction, with every
        shortfall of the synced orders; it does nothing here. The bridge module
        retail_card_incidents raises an incident for the store.

        :param shortfalls: list of dicts with keys ``card`` (loyalty.card),
            ``amount`` (float > 0, in the card's unit: currency for gift cards,
            points for loyalty cards), ``order`` (the pos.order record),
            ``store_id`` (pos.config id or False) and ``description`` (str,
            already translated)
        """
        return True

    def _retail_check_balance_invariant(self):
        """Cards whose balance differs from the sum of their history rows.

        :return: {card id: (points, sum of issued - used)}, empty when all agree
        """
        self.check_access("read")
        self.env["loyalty.history"].flush_model(["card_id", "issued", "used"])
        # sudo: the user may read the cards (checked above); the sums cover all
        # their rows, whatever rows the user may see
        sums = {
            card.id: issued - used
            for card, issued, used in self.env["loyalty.history"]
            .sudo()
            ._read_group(
                [("card_id", "in", self.ids)],
                ["card_id"],
                ["issued:sum", "used:sum"],
            )
        }
        self.invalidate_recordset(["points"])
        return {
            card.id: (card.points, sums.get(card.id, 0.0))
            for card in self.sudo()
            if float_compare(
                card.points, sums.get(card.id, 0.0), precision_digits=BALANCE_DIGITS
            )
        }

    # ------------------------------------------------------------------
    # Engine internals (small, overridable)
    # ------------------------------------------------------------------

    @api.model
    def _retail_check_movement(self, movement):
        """Validate one movement dict and return it normalised."""
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
        card_id = self._retail_record_id(movement.get("card"))
        if not card_id:
            raise ValidationError(self.env._("A card movement needs a card."))
        amount = self._retail_check_amount(movement.get("amount"))
        kind, kind_label = self._retail_check_kind(movement.get("kind"), amount)
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
        reason = reason and reason.strip()
        if not reason and self.env["loyalty.history"]._retail_kind_needs_reason(kind):
            raise ValidationError(
                self.env._("%(kind)s needs a reason.", kind=kind_label)
            )
        order_model = movement.get("order_model") or False
        order_id = self._retail_record_id(movement.get("order_id"))
        if order_model and order_model not in self.env:
            raise ValidationError(
                self.env._("Unknown order model %(model)r.", model=order_model)
            )
        if order_id and not order_model:
            raise ValidationError(
                self.env._("An order id needs the order's model (order_model).")
            )
        key = movement.get("key") or False
        if key and not isinstance(key, str):
            raise ValidationError(self.env._("A movement key must be text."))
        allow_negative = bool(movement.get("allow_negative"))
        if allow_negative and kind not in KINDS_ALLOWING_NEGATIVE:
            raise ValidationError(
                self.env._(
                    "Only a reversal may take a balance below zero, not %(kind)s.",
                    kind=kind_label,
                )
            )
        description = movement.get("description") or False
        if description and not isinstance(description, str):
            raise ValidationError(self.env._("The description must be text."))
        if not description:
            description = (
                self.env._("%(kind)s: %(reason)s", kind=kind_label, reason=reason)
                if reason
                else kind_label
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
    def _retail_check_stores(self, store_ids):
        """Refuse stores (tills) that do not exist, in one query."""
        stores = self.env["pos.config"].browse(store_ids)
        missing = stores - stores.exists()
        if missing:
            raise ValidationError(
                self.env._(
                    "These stores do not exist: %(ids)s",
                    ids=", ".join(map(str, missing.ids)),
                )
            )

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
        if float_is_zero(number, precision_digits=BALANCE_DIGITS):
            raise ValidationError(
                self.env._("A card movement cannot be zero; nothing to post.")
            )
        return number

    @api.model
    def _retail_check_kind(self, kind, amount):
        """The kind, checked against the amount's sign, and its label."""
        History = self.env["loyalty.history"]
        kinds = dict(History._fields["retail_kind"]._description_selection(self.env))
        if kind not in kinds:
            raise ValidationError(
                self.env._(
                    "Unknown kind of card movement %(kind)r; expected one of "
                    "%(kinds)s.",
                    kind=kind,
                    kinds=", ".join(kinds),
                )
            )
        sign = History._retail_kind_sign(kind)
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

    def _retail_lock_balances(self):
        """Lock the cards (waiting for a concurrent posting to finish) and return
        their committed balances {card id: points}.

        ``lock_for_update()`` is not used: it locks with SKIP LOCKED and so fails at
        once with a LockError shown to the cashier when another till holds the
        card. Here the second till waits (bounded by ``_retail_lock_timeout_ms``);
        if the first one changed the card meanwhile, PostgreSQL raises a
        serialization failure and Odoo retries the request, which then reads the
        new balance. Cards are locked in id order so that postings on several
        cards cannot deadlock.
        """
        self.flush_model(["points"])
        cr = self.env.cr
        [[previous_timeout]] = self.env.execute_query(
            SQL("SELECT current_setting('lock_timeout')")
        )
        cr.execute(
            SQL(
                "SELECT set_config('lock_timeout', %s, true)",
                str(self._retail_lock_timeout_ms),
            )
        )
        rows = self.env.execute_query(
            SQL(
                "SELECT id, points FROM loyalty_card WHERE id IN %s "
                "ORDER BY id FOR NO KEY UPDATE",
                tuple(self.ids),
            )
        )
        cr.execute(SQL("SELECT set_config('lock_timeout', %s, true)", previous_timeout))
        if len(rows) != len(self):
            raise UserError(self.env._("A card was deleted while it was being moved."))
        return {card_id: points or 0.0 for card_id, points in rows}

    def _retail_check_reversible(self, lines):
        """Refuse reversals of rows that are not ledger movements of the same card,
        are reversals themselves, or were already reversed (under the lock)."""
        # sudo: called by the engine under its lock, after its checks
        History = self.env["loyalty.history"].sudo()
        card_of = {line["reversed_id"]: line["card_id"] for line in lines}
        originals = History.browse(card_of).exists()
        wrong = History.browse(card_of) - originals
        wrong |= originals.filtered(
            lambda row: not row.retail_kind or row.card_id.id != card_of[row.id]
        )
        if wrong:
            raise UserError(
                self.env._(
                    "Only ledger movements of the same card can be reversed: %(rows)s",
                    rows=", ".join(str(row_id) for row_id in wrong.ids),
                )
            )
        reversals = originals.filtered(lambda row: row.retail_kind == "reverse")
        if reversals:
            raise UserError(
                self.env._(
                    "A reversal cannot be reversed; post a new movement instead: "
                    "%(rows)s",
                    rows=", ".join(reversals.mapped("description")),
                )
            )
        done = History.search([("retail_reversed_id", "in", originals.ids)])
        if done:
            raise UserError(
                self.env._(
                    "Already reversed, a movement cannot be reversed twice: %(rows)s",
                    rows=", ".join(
                        f"{row.card_id.code}: {row.description}"
                        for row in done.retail_reversed_id
                    ),
                )
            )

    @api.model
    def _retail_history_vals(self, line):
        amount = line["amount"]
        return {
            "card_id": line["card_id"],
            "description": line["description"],
            "issued": amount if amount > 0 else 0.0,
            "used": -amount if amount < 0 else 0.0,
            "order_model": line["order_model"],
            "order_id": line["order_id"],
            "retail_kind": line["kind"],
            "retail_balance_after": line["balance_after"],
            "retail_reversed_id": line["reversed_id"],
            "retail_reason": line["reason"],
            "retail_idempotency_key": line["key"],
            "retail_store_id": line["store_id"],
        }

    def _retail_write_balances(self, balances):
        """Write the cards' new balances {card id: points} in one query."""
        ids = list(balances)
        self.invalidate_recordset(["points", "write_uid", "write_date"])
        self.env.cr.execute(
            SQL(
                """
                UPDATE loyalty_card AS card
                   SET points = new.points, write_uid = %s, write_date = %s
                  FROM unnest(%s::int[], %s::float8[]) AS new(id, points)
                 WHERE card.id = new.id
                """,
                self.env.uid,
                self.env.cr.now(),
                ids,
                [balances[card_id] for card_id in ids],
            )
        )
        self.browse(ids).modified(["points"])

    # ------------------------------------------------------------------
    # Secrets (PIN) of cards
    # ------------------------------------------------------------------

    def _retail_set_secret(self):
        """Give each card a fresh 6-digit PIN and store only its keyed hash.

        :return: {card id: PIN in clear}, the only time the PIN exists in clear
            (to print it on the card or the receipt)
        """
        if not self:
            return {}
        self.check_access("read")
        key = self._retail_secret_key()
        pins = {card_id: f"{secrets.randbelow(10**6):06d}" for card_id in self.ids}
        hashes = {
            card_id: _keyed_hash(key, card_id, pin) for card_id, pin in pins.items()
        }
        self.flush_recordset(["retail_secret_hash", "retail_has_secret"])
        # One statement for both columns (the stored flag is set here rather than
        # recomputed card by card: generation gives PINs to 100,000 cards at once).
        self.env.cr.execute(
            SQL(
                """
                UPDATE loyalty_card AS card
                   SET retail_secret_hash = new.hash, retail_has_secret = TRUE,
                       write_uid = %s, write_date = %s
                  FROM unnest(%s::int[], %s::varchar[]) AS new(id, hash)
                 WHERE card.id = new.id
                """,
                self.env.uid,
                self.env.cr.now(),
                list(hashes),
                list(hashes.values()),
            )
        )
        self.invalidate_recordset(
            ["retail_secret_hash", "retail_has_secret", "write_uid", "write_date"]
        )
        return pins

    def _retail_check_secret(self, secret, config_id=False):
        """Check the PIN of one card; raise a UserError when it does not match.

        A card without a PIN passes. A wrong PIN is a failed lookup: it is logged
        and counts toward the throttle of the user, the till and the card (wrong
        PINs on one card from several users or tills lock its PIN checks for
        the window).
        """
        self.ensure_one()
        self.check_access("read")
        # sudo: the hash is readable by the superuser only; the user may read
        # the card (checked above) and gets only whether the PIN matches
        stored = self.sudo().retail_secret_hash
        if not stored:
            return True
        if not isinstance(secret, str) or len(secret) > SECRET_MAX_LENGTH:
            raise ValidationError(
                self.env._(
                    "The PIN must be text of at most %(max)s characters.",
                    max=SECRET_MAX_LENGTH,
                )
            )
        config_id = self._retail_lookup_config_id(config_id)
        self._retail_check_throttle("pin", config_id, card_id=self.id)
        if not hmac.compare_digest(
            self._retail_hash_secret("".join(secret.split())), stored
        ):
            self._retail_log_failed_lookup("pin", self.code, config_id, card_id=self.id)
            raise UserError(self.env._("Wrong PIN for this card."))
        return True

    def _retail_hash_secret(self, secret):
        """HMAC-SHA256 of the card id and the secret, keyed by the database
        secret: a copy of the table alone does not give the PINs away."""
        self.ensure_one()
        return _keyed_hash(self._retail_secret_key(), self.id, secret)

    @api.model
    def _retail_secret_key(self):
        # sudo: the database secret keys the PIN hashes; it is never returned
        key = self.env["ir.config_parameter"].sudo().get_param("database.secret")
        if not key:
            raise UserError(self.env._("This database has no secret to key PINs."))
        return key.encode()

    # ------------------------------------------------------------------
    # Lookups by number (POS, back office): throttled and logged
    # ------------------------------------------------------------------

    @api.model
    def retail_lookup(self, code, config_id=False, secret=None, program_types=None):
        """Find a card by its number, as the till or the back office does.

        Public (RPC). The card is searched among the cards the user may read,
        optionally only in programs of ``program_types``. ``secret=None`` is a
        balance check; any other value is checked as the card's PIN. Unknown
        numbers and wrong PINs are logged and throttled per user and per till.

        :return: dict of the card's non-personal values
            (see ``_retail_lookup_values``)
        """
        code = self._retail_clean_code(code)
        program_types = self._retail_check_program_types(program_types)
        config_id = self._retail_lookup_config_id(config_id)
        if secret is not None and not isinstance(secret, str):
            raise ValidationError(self.env._("The PIN must be text."))
        self._retail_check_throttle("card", config_id)
        card = self._retail_find_card(code, program_types)
        if not card:
            self._retail_log_failed_lookup("card", code, config_id)
            raise UserError(self.env._("No card with this number."))
        if secret is not None:
            card._retail_check_secret(secret, config_id=config_id)
        return card._retail_lookup_values()

    def _retail_lookup_values(self):
        """What a lookup returns: never the owner's name, phone or email.

        Meant to be extended (gift card state, tier...) with ``super()``.
        """
        self.ensure_one()
        # sudo: the balance as the user reads it, on a card the lookup found among
        # the user's cards (formatting reads the program's currency, which cashiers
        # without back-office rights may not read)
        balance_display = self.sudo()._format_points(self.points)
        return {
            "id": self.id,
            "code": self.code,
            "program_id": self.program_id.id,
            "program_type": self.program_id.program_type,
            "points": self.points,
            "balance_display": balance_display,
            "currency_id": self.currency_id.id,
            "expiration_date": self.expiration_date
            and fields.Date.to_string(self.expiration_date),
            "has_secret": self.retail_has_secret,
            "partner_known": bool(self.partner_id),
        }

    @api.model
    def _retail_clean_code(self, code):
        """The number without spaces; refuse what cannot be a card number."""
        if not isinstance(code, str):
            raise ValidationError(self.env._("The card number must be text."))
        code = "".join(code[: CODE_MAX_LENGTH * 4].split())
        if not code:
            raise ValidationError(self.env._("Enter a card number."))
        if len(code) > CODE_MAX_LENGTH:
            raise ValidationError(
                self.env._(
                    "A card number has at most %(max)s characters.",
                    max=CODE_MAX_LENGTH,
                )
            )
        if not code.isprintable():
            raise ValidationError(self.env._("This is not a card number."))
        return code

    @api.model
    def _retail_check_program_types(self, program_types):
        if program_types is None or program_types is False:
            return []
        valid = dict(
            self.env["loyalty.program"]
            ._fields["program_type"]
            ._description_selection(self.env)
        )
        if not isinstance(program_types, list | tuple) or not all(
            isinstance(program_type, str) and program_type in valid
            for program_type in program_types
        ):
            raise ValidationError(
                self.env._(
                    "Program types must be a list of: %(types)s",
                    types=", ".join(valid),
                )
            )
        return list(program_types)

    @api.model
    def _retail_lookup_config_id(self, config_id):
        """The id of a till the user may see, or False."""
        if config_id is None or config_id is False:
            return False
        if isinstance(config_id, models.BaseModel):
            config_id = config_id.id
        return self.env["pos.config"]._retail_till(config_id).id

    @api.model
    def _retail_find_card(self, code, program_types):
        """The card of this number among those the user may read (record rules
        apply), in one indexed search: the unique index of ``code`` with ``=``
        on the number as typed, in lowercase and in uppercase (generated codes
        are lowercase; printed or imported ones may be uppercase)."""
        variants = list(dict.fromkeys((code, code.lower(), code.upper())))
        domain = Domain("code", "in", variants)
        if program_types:
            domain &= Domain("program_id.program_type", "in", program_types)
        # The caller (retail_lookup) throttles and logs the lookup itself.
        with trusted_flow("loyalty.card.retail_lookup"):
            cards = self.search(domain, limit=len(variants))
        return cards.filtered(lambda card: card.code == code)[:1] or cards[:1]

    @api.model
    def _retail_throttle_settings(self):
        """(window in seconds, failures allowed in the window)"""
        # sudo: system parameters of the throttle, read only
        params = self.env["ir.config_parameter"].sudo()

        def positive(name, default):
            try:
                value = int(params.get_param(name, default))
            except (TypeError, ValueError):
                return default
            return value if value > 0 else default

        return (
            positive("retail_card.lookup_window_seconds", LOOKUP_WINDOW_SECONDS),
            positive("retail_card.lookup_max_failures", LOOKUP_MAX_FAILURES),
        )

    @api.model
    def _retail_check_throttle(self, kind, config_id=False, card_id=False):
        """Refuse when the user, the till or (PIN checks) the card failed too
        many lookups within the window. Index range scans, each stopped at the
        limit."""
        if isinstance(config_id, models.BaseModel):
            config_id = config_id.id
        window, limit = self._retail_throttle_settings()
        since = SQL(
            "(clock_timestamp() AT TIME ZONE 'UTC') - make_interval(secs => %s)",
            window,
        )
        [[by_user, by_till, by_card]] = self.env.execute_query(
            SQL(
                """
                SELECT (SELECT count(*) FROM (
                            SELECT 1 FROM retail_card_lookup_failure
                             WHERE user_id = %(uid)s AND create_date >= %(since)s
                             LIMIT %(limit)s) AS by_user),
                       (SELECT count(*) FROM (
                            SELECT 1 FROM retail_card_lookup_failure
                             WHERE pos_config_id = %(config)s
                               AND create_date >= %(since)s
                             LIMIT %(limit)s) AS by_till),
                       (SELECT count(*) FROM (
                            SELECT 1 FROM retail_card_lookup_failure
                             WHERE card_id = %(card)s
                               AND create_date >= %(since)s
                             LIMIT %(limit)s) AS by_card)
                """,
                uid=self.env.uid,
                config=config_id or None,
                card=card_id or None,
                since=since,
                limit=limit,
            )
        )
        if by_user >= limit or by_till >= limit or by_card >= limit:
            _logger.warning(
                "Lookup of a %s refused: user %s / till %s / card %s failed "
                "%s / %s / %s times in %s s",
                kind,
                self.env.uid,
                config_id,
                card_id,
                by_user,
                by_till,
                by_card,
                window,
            )
            raise UserError(
                self.env._(
                    "Too many failed lookups: wait a minute before trying again."
                )
            )

    @api.model
    def _retail_log_failed_lookup(self, kind, query, config_id=False, card_id=False):
        """Log a failed lookup (masked) in a cursor of its own, committed at once,
        so that the row survives the rollback of the request that fails.
        ``card_id``: the card whose PIN was wrong."""
        if isinstance(config_id, models.BaseModel):
            config_id = config_id.id
        Failure = self.env["retail.card.lookup.failure"]
        masked = Failure._retail_mask(query)
        ip = False
        if request:
            ip = request.httprequest.remote_addr or False
        now = SQL("clock_timestamp() AT TIME ZONE 'UTC'")
        insert = SQL(
            """
            INSERT INTO retail_card_lookup_failure
                   (user_id, pos_config_id, card_id, company_id, kind, query, ip,
                    create_uid, write_uid, create_date, write_date)
            VALUES (%(uid)s, %(config)s, %(card)s, %(company)s, %(kind)s,
                    %(query)s, %(ip)s, %(uid)s, %(uid)s, %(now)s, %(now)s)
            """,
            uid=self.env.uid,
            config=config_id or None,
            card=card_id or None,
            company=self.env.company.id,
            kind=str(kind)[:32],
            query=masked,
            ip=ip or None,
            now=now,
        )
        _logger.warning(
            "Failed %s lookup by user %s (till %s, ip %s): %s",
            kind,
            self.env.uid,
            config_id,
            ip,
            masked,
        )
        try:
            with self.env.registry.cursor() as cr:
                cr.execute(
                    SQL(
                        "SELECT set_config('lock_timeout', %s, true)",
                        str(LOG_LOCK_TIMEOUT_MS),
                    )
                )
                cr.execute(insert, log_exceptions=False)
        except psycopg2.Error as error:
            # The user or the till exists only in the current transaction (created
            # by this very request, or by a test): log in it instead.
            _logger.info("Failed lookup logged in the request's transaction: %s", error)
            try:
                with self.env.cr.savepoint():
                    self.env.cr.execute(insert, log_exceptions=False)
            except psycopg2.Error as second_error:
                # e.g. a till that does not exist: the warning above is the trace
                _logger.warning("Failed lookup not stored: %s", second_error)
        except Exception as error:  # noqa: BLE001
            # A test's read-only cursor (a read-only request such as search_read)
            # forbids opening a read/write one, which production opens: the
            # warning above is the trace.
            _logger.warning("Failed lookup not stored: %s", error)

    # ------------------------------------------------------------------
    # Native till lookups by number (pos_loyalty): throttled and logged
    # ------------------------------------------------------------------

    @api.model
    def get_gift_card_status(self, gift_code, config_id):
        """pos_loyalty's check of a gift card number being sold: throttled per
        user and till. An unknown number is a new card (not a failure); a
        known card that cannot be sold is answered without its data and
        logged (the answer tells that the number exists)."""
        code = self._retail_clean_code(gift_code)
        config_id = self._retail_lookup_config_id(config_id)
        self._retail_check_throttle("card", config_id)
        with trusted_flow("loyalty.card.get_gift_card_status"):
            result = super().get_gift_card_status(code, config_id)
        if not result.get("status"):
            self._retail_log_failed_lookup("card", code, config_id)
            result = {"status": False, "data": {"loyalty.card": []}}
        return result

    @api.model
    def get_loyalty_card_partner_by_code(self, code):
        """pos_loyalty's "which customer has this loyalty card number":
        throttled per user; a number that is neither a card nor a promotion
        code is logged as a failed lookup."""
        code = self._retail_clean_code(code)
        self._retail_check_throttle("card")
        with trusted_flow("loyalty.card.get_loyalty_card_partner_by_code"):
            partner = super().get_loyalty_card_partner_by_code(code)
        if not partner and not self._retail_code_exists(code):
            self._retail_log_failed_lookup("card", code)
        return partner

    @api.model
    def _retail_code_exists(self, code):
        """Whether ``code`` is a card number or a promotion code of the user's
        companies (to tell a typing mistake from a number tried)."""
        # sudo: existence only, for the failure log; never returned
        return bool(
            self.sudo().search_count(
                [
                    ("code", "=", code),
                    ("company_id", "in", [False, *self.env.companies.ids]),
                ],
                limit=1,
            )
            or self.env["loyalty.rule"]
            .sudo()
            .search_count(
                [
                    ("mode", "=", "with_code"),
                    "|",
                    ("code", "=", code),
                    ("promo_barcode", "=", code),
                ],
                limit=1,
            )
        )

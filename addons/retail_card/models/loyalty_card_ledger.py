# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The ledger engine: every movement of a card's balance is posted here, all or
nothing, under row locks, idempotent by key; reversals, the adjustment of store
managers and the balance invariant."""

import hashlib
import json
import logging

from odoo import api, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, float_compare

from odoo.addons.retail_customer.tools import bulk_statements

from .loyalty_card import BALANCE_DIGITS
from .loyalty_card_ledger_write import BULK_MIN_LINES

_logger = logging.getLogger(__name__)


class LoyaltyCard(models.Model):
    _inherit = "loyalty.card"

    # How long a posting waits for a card another transaction is moving (a till
    # redeeming the same gift card) before giving up; the request is then retried
    # by Odoo's standard retry on lock errors.
    _retail_lock_timeout_ms = 5000

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
    def _retail_post_movements(self, movements, card_values=None):
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

        :param card_values: {card id: {field: value}}, other stored fields of
            the cards that the posting writes with their balances, in the same
            statement, for the cards it moves: fields the ledger keeps from the
            movements (``_retail_ledger_card_fields``), computed by a caller
            that knows them (the expiry job knows each card's next expiry)

        The cards are locked before their balances are read; a debit that would
        make a balance negative refuses the whole call and nothing is written.
        History rows are created in one batch, balances updated in one query.

        :return: {card id: balance after the call} for every card named
        """
        lines = self._retail_check_movements(movements)
        if not lines:
            return {}
        self._retail_check_posting(lines)
        card_values = self._retail_check_card_values(lines, card_values)
        if len(lines) >= BULK_MIN_LINES:
            with bulk_statements(self.env):
                return self._retail_post_lines(lines, card_values)
        return self._retail_post_lines(lines, card_values)

    @api.model
    def _retail_post_lines(self, lines, card_values):
        """The posting of ``_retail_post_movements`` once its lines and
        ``card_values`` are checked: lock, skip what was posted, refuse an
        overdraft, write.

        :return: {card id: balance after the call}
        """
        cards = self._retail_posting_cards(lines)
        balances = cards._retail_lock_balances()
        before = dict(balances)
        lines = cards._retail_unposted_lines(lines)
        if any(line["reversed_id"] for line in lines):
            cards._retail_check_reversible(lines)
        cards._retail_balances_after(lines, balances)
        if not lines:
            return balances
        moved = cards._retail_record_movements(lines, balances, card_values)
        moved._retail_send_reach_communications(before, balances)
        return balances

    @api.model
    def _retail_check_posting(self, lines):
        """Refuse a posting that names the same key or the same reversed row
        twice, or a store that does not exist."""
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

    @api.model
    def _retail_posting_cards(self, lines):
        """The cards the lines move, as superuser, once they are known to exist
        and the caller may read them."""
        cards = self.browse({line["card_id"] for line in lines})
        found = {
            card_id
            for (card_id,) in self.env.execute_query(
                SQL(
                    "SELECT id FROM loyalty_card WHERE id = ANY(%s)",
                    self._retail_sql_array(cards.ids, "int"),
                )
            )
        }
        missing = [card_id for card_id in cards.ids if card_id not in found]
        if missing:
            raise ValidationError(
                self.env._(
                    "These cards do not exist: %(ids)s",
                    ids=", ".join(map(str, missing)),
                )
            )
        # The caller must be allowed to see the cards; the ledger itself is written
        # as superuser because only this engine writes it (see loyalty.history).
        cards.check_access("read")
        # sudo: the user may read the cards (checked above); balances and rows
        # are written by this engine only, which users cannot reach over RPC
        return cards.sudo()

    def _retail_unposted_lines(self, lines):
        """The lines whose key was not posted yet (a replay of a posted key with
        the same card and amount is skipped). Idempotency is checked under the
        cards' lock: an earlier posting of the same key committed before we got
        the card is visible now. One query for the whole posting."""
        keys = [line["key"] for line in lines if line["key"]]
        if not keys:
            return lines
        self.env["loyalty.history"].flush_model(
            ["retail_idempotency_key", "card_id", "issued", "used"]
        )
        posted = {
            key: (card_id, amount)
            for key, card_id, amount in self.env.execute_query(
                SQL(
                    """
                    SELECT retail_idempotency_key, card_id,
                           COALESCE(issued, 0) - COALESCE(used, 0)
                      FROM loyalty_history
                     WHERE retail_idempotency_key = ANY(%s)
                    """,
                    self._retail_sql_array(keys, "varchar"),
                )
            )
        }
        if not posted:
            return lines
        self._retail_check_replays(lines, posted)
        return [line for line in lines if line["key"] not in posted]

    @api.model
    def _retail_check_replays(self, lines, posted):
        """Refuse the whole posting when a line reuses a posted key (``posted``:
        {key: (card id, amount posted)}) with another card or amount."""
        conflicts = [
            line
            for line in lines
            if (row := posted.get(line["key"]))
            and (
                row[0] != line["card_id"]
                or float_compare(
                    row[1], line["amount"], precision_digits=BALANCE_DIGITS
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
                [(line["key"], line["card_id"], line["amount"]) for line in conflicts],
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

    def _retail_balances_after(self, lines, balances):
        """Move ``balances`` ({card id: points}, the locked balances of these
        cards) by the lines in order, noting each line's balance after it;
        refuse the whole posting when a debit takes a balance below zero
        (unless the line allows it)."""
        refused = []
        for line in lines:
            card_id = line["card_id"]
            balance = balances[card_id] + line["amount"]
            if (
                balance < 0
                and line["amount"] < 0
                and not line["allow_negative"]
                and float_compare(balance, 0.0, precision_digits=BALANCE_DIGITS) < 0
            ):
                refused.append((card_id, balances[card_id], -line["amount"]))
            balances[card_id] = line["balance_after"] = balance
        if refused:
            by_id = {card.id: card for card in self}
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
        # the setting in force is read (in the subquery, OFFSET 0 keeps it a
        # step of its own) before the posting's is set, in one statement
        [[previous_timeout, _set]] = self.env.execute_query(
            SQL(
                "SELECT setting.previous, set_config('lock_timeout', %s, true) "
                "FROM (SELECT current_setting('lock_timeout') AS previous "
                "OFFSET 0) AS setting",
                str(self._retail_lock_timeout_ms),
            )
        )
        rows = self.env.execute_query(
            SQL(
                "SELECT id, points FROM loyalty_card WHERE id = ANY(%s) "
                "ORDER BY id FOR NO KEY UPDATE",
                self._retail_sql_array(self.ids, "int"),
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

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import time
from unittest.mock import patch

from psycopg2 import errors

from odoo import api
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL, mute_logger

from .concurrency import TwoTillsMixin


@tagged("post_install", "-at_install", "retail_money")
class TestCardConcurrency(TwoTillsMixin, TransactionCase):
    """Two tills redeem the same gift card at the same time, each in its own
    database connection and transaction, as two Odoo workers would.

    The data lives in committed transactions (the test's own transaction cannot be
    seen by other connections), so it is removed at the end by ``_drop_card``.
    """

    def _committed_card(self, balance):
        with self.registry.cursor() as cr:  # commits when the block ends
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            program = env["loyalty.program"].create(
                {"name": "Concurrent gift cards", "program_type": "gift_card"}
            )
            card = env["loyalty.card"].create({"program_id": program.id})
            env["loyalty.card"]._retail_post_movements(
                [{"card": card, "amount": balance, "kind": "load"}]
            )
            card_id, code = card.id, card.code
        self.addCleanup(self._drop_card, card_id)
        return card_id, code

    def _drop_card(self, card_id):
        with self.registry.cursor() as cr:
            # ledger rows are immutable for the ORM: test data goes by SQL
            cr.execute(SQL("DELETE FROM loyalty_history WHERE card_id = %s", card_id))
            card = api.Environment(cr, api.SUPERUSER_ID, {})["loyalty.card"].browse(
                card_id
            )
            program = card.program_id
            products = program.reward_ids.discount_line_product_id
            card.unlink()
            program.active = False
            program.unlink()
            products.unlink()

    def _redeem(self, env, card_id, amount, key):
        return env["loyalty.card"]._retail_post_movements(
            [{"card": card_id, "amount": -amount, "kind": "redeem", "key": key}]
        )

    def _committed_state(self, card_id):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            card = env["loyalty.card"].browse(card_id)
            debits = card.history_ids.filtered(lambda row: row.used)
            return (
                card.points,
                sorted(debits.mapped("retail_idempotency_key")),
                card._retail_check_balance_invariant(),
            )

    def test_two_tills_cannot_overspend(self):
        card_id, code = self._committed_card(100)
        outcome = self._two_tills(card_id, 60, 60)
        error = outcome.get("error")
        self.assertIsInstance(error, UserError, outcome)
        self.assertIn(code, str(error))
        self.assertIn("40", str(error), "the refusal names the available balance")
        self.assertEqual(
            self._committed_state(card_id),
            (40, ["till-1"], {}),
            "balance minus one debit, exactly one debit row",
        )

    def test_two_tills_both_served_when_balance_suffices(self):
        """Waiting (rather than failing at once on a locked card) lets the second
        till through when the card can pay both."""
        card_id, _code = self._committed_card(100)
        outcome = self._two_tills(card_id, 30, 30)
        self.assertEqual(outcome.get("result"), {card_id: 40}, outcome)
        self.assertEqual(self._committed_state(card_id), (40, ["till-1", "till-2"], {}))

    def test_posting_waits_for_a_held_card_at_most_the_lock_timeout(self):
        """A card another till holds past the ledger's lock timeout: the
        posting gives up (Odoo's retry on lock errors sends it again)."""
        card_id, _code = self._committed_card(30)
        Card = type(self.env["loyalty.card"])
        with (
            self.registry.cursor() as holder,
            self.registry.cursor() as cr,
            patch.object(Card, "_retail_lock_timeout_ms", 200),
        ):
            self._redeem(api.Environment(holder, api.SUPERUSER_ID, {}), card_id, 5, "a")
            started = time.monotonic()
            with (
                self.assertRaises(errors.LockNotAvailable),
                mute_logger("odoo.sql_db"),
            ):
                self._redeem(api.Environment(cr, api.SUPERUSER_ID, {}), card_id, 5, "b")
            self.assertLess(time.monotonic() - started, 5)
            cr.rollback()
            holder.rollback()

    def test_lock_released_by_rollback(self):
        """A till whose transaction fails leaves the card as it was."""
        card_id, _code = self._committed_card(30)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            self._redeem(env, card_id, 30, "rolled-back")
            cr.rollback()
            self.assertEqual(self._redeem(env, card_id, 10, "after"), {card_id: 20})
        with self.registry.cursor() as cr:
            card = api.Environment(cr, api.SUPERUSER_ID, {})["loyalty.card"].browse(
                card_id
            )
            self.assertEqual(card.points, 20)
            self.assertEqual(
                card.history_ids.mapped("retail_idempotency_key"), ["after", False]
            )

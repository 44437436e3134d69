# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import threading
import time

from odoo import api
from odoo.exceptions import UserError
from odoo.service.model import retrying
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL


@tagged("post_install", "-at_install", "retail_money")
class TestCardConcurrency(TransactionCase):
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

    def _wait_until_waiting_for_lock(self, pid, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            # pg_locks is live (pg_stat_activity would be a per-transaction snapshot)
            self.env.cr.execute(
                SQL("SELECT 1 FROM pg_locks WHERE pid = %s AND NOT granted", pid)
            )
            if self.env.cr.fetchone():
                return True
            time.sleep(0.02)
        return False

    def _two_tills(self, card_id, amount_1, amount_2):
        """Till 1 redeems ``amount_1`` and holds the card; till 2, whose
        transaction started before till 1 commits, redeems ``amount_2`` through
        Odoo's RPC retry loop (``retrying``) in a thread. Returns till 2's
        outcome: {"attempts", "result" or "error"}."""
        till_1 = self.registry.cursor()
        till_2 = self.registry.cursor()
        outcome = {"attempts": 0}
        try:
            env_1 = api.Environment(till_1, api.SUPERUSER_ID, {})
            env_2 = api.Environment(till_2, api.SUPERUSER_ID, {})
            self._redeem(env_1, card_id, amount_1, "till-1")
            till_2.execute(SQL("SELECT pg_backend_pid()"))  # transaction started
            [pid_2] = till_2.fetchone()

            def post_from_till_2():
                outcome["attempts"] += 1
                return self._redeem(env_2, card_id, amount_2, "till-2")

            def run_till_2():
                try:
                    outcome["result"] = retrying(post_from_till_2, env_2)
                except Exception as error:  # noqa: BLE001 - reported to the test
                    outcome["error"] = error

            thread = threading.Thread(target=run_till_2, daemon=True)
            thread.start()
            self.assertTrue(
                self._wait_until_waiting_for_lock(pid_2),
                "till 2 must wait for the card locked by till 1",
            )
            self.assertEqual(outcome, {"attempts": 1}, "till 2 is still waiting")
            till_1.commit()  # pylint: disable=invalid-commit
            thread.join(30)
            self.assertFalse(thread.is_alive())
        finally:
            till_1.close()
            till_2.close()
        # till 2 read the card before till 1 committed: PostgreSQL refuses its
        # stale view once the lock is granted, and Odoo retries it on new data
        self.assertEqual(outcome["attempts"], 2, outcome)
        return outcome

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

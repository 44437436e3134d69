# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Two tills redeeming the same card on two real database connections: the
harness shared by the concurrency tests of retail_card and of the modules that
spend cards through it (they define ``_redeem`` and may rename the keys)."""

import threading
import time

from odoo import api
from odoo.service.model import retrying
from odoo.tools import SQL


class TwoTillsMixin:
    def _till_key(self, till):
        """Idempotency key of till ``till``'s redemption."""
        return f"till-{till}"

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
            self._redeem(env_1, card_id, amount_1, self._till_key(1))
            till_2.execute(SQL("SELECT pg_backend_pid()"))  # transaction started
            [pid_2] = till_2.fetchone()

            def post_from_till_2():
                outcome["attempts"] += 1
                return self._redeem(env_2, card_id, amount_2, self._till_key(2))

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

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

from odoo.addons.retail_card.tests.concurrency import TwoTillsMixin


@tagged("post_install", "-at_install", "retail_money")
class TestGiftcardConcurrency(TwoTillsMixin, TransactionCase):
    """Two tills redeem the same gift card at the same moment, each in its own
    connection and transaction, through the gift card redemption of the order
    sync. Committed data is removed at the end by ``_drop_series``."""

    def _committed_card(self, balance):
        with self.registry.cursor() as cr:  # commits when the block ends
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            series = env["retail.giftcard.series"].create(
                {"name": "Concurrent cards", "prefix": "4409", "number_length": 12}
            )
            card = env["loyalty.card"].browse(series._generate_cards(1))
            env["loyalty.card"]._retail_giftcard_load(
                [{"card": card, "amount": balance}]
            )
            series_id, card_id, code = series.id, card.id, card.code
        self.addCleanup(self._drop_series, series_id)
        return card_id, code

    def _drop_series(self, series_id):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            series = env["retail.giftcard.series"].browse(series_id)
            program, product = series.program_id, series.product_id
            # ledger rows are immutable for the ORM: test data goes by SQL
            cr.execute(
                SQL(
                    "DELETE FROM loyalty_history WHERE card_id IN "
                    "(SELECT id FROM loyalty_card WHERE retail_series_id = %s)",
                    series_id,
                )
            )
            cr.execute(
                SQL("DELETE FROM loyalty_card WHERE retail_series_id = %s", series_id)
            )
            env.invalidate_all()
            series.unlink()
            program.active = False
            program.unlink()
            product.unlink()

    def _redeem(self, env, card_id, amount, key):
        return env["loyalty.card"]._retail_giftcard_redeem(
            [{"card": card_id, "amount": amount, "key": key}]
        )

    def _till_key(self, till):
        return f"pos.order:till-{till}:payment:1"

    def _committed_state(self, card_id):
        with self.registry.cursor() as cr:
            card = api.Environment(cr, api.SUPERUSER_ID, {})["loyalty.card"].browse(
                card_id
            )
            redeems = card.history_ids.filtered(lambda row: row.retail_kind == "redeem")
            return card.points, len(redeems), card._retail_check_balance_invariant()

    def test_two_tills_cannot_overspend(self):
        card_id, code = self._committed_card(100)
        outcome = self._two_tills(card_id, 70, 70)
        error = outcome.get("error")
        self.assertIsInstance(error, UserError, outcome)
        self.assertIn(code, str(error), "the cashier sees which card")
        self.assertIn("30", str(error), "and what is left on it")
        self.assertEqual(self._committed_state(card_id), (30, 1, {}))

    def test_two_tills_served_when_balance_suffices(self):
        card_id, _code = self._committed_card(100)
        outcome = self._two_tills(card_id, 40, 50)
        self.assertEqual(outcome.get("result"), {card_id: 10}, outcome)
        self.assertEqual(self._committed_state(card_id), (10, 2, {}))

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import Command, api
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

from odoo.addons.retail_card.tests.concurrency import TwoTillsMixin


@tagged("post_install", "-at_install", "retail_money")
class TestGiftcardSaleConcurrency(TwoTillsMixin, TransactionCase):
    """Two sale orders paid with the same gift card at the same moment, each in
    its own connection and transaction, through the sale order payment. The
    committed data is removed at the end by ``_drop_data``."""

    def _committed_data(self, balance):
        with self.registry.cursor() as cr:  # commits when the block ends
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            series = env["retail.giftcard.series"].create(
                {
                    "name": "Concurrent order cards",
                    "prefix": "4408",
                    "number_length": 12,
                }
            )
            card = env["loyalty.card"].browse(series._generate_cards(1))
            env["loyalty.card"]._retail_giftcard_load(
                [{"card": card, "amount": balance}]
            )
            pin = card._retail_set_secret()[card.id]
            partner = env["res.partner"].create({"name": "Two orders customer"})
            product = env["product.product"].create(
                {
                    "name": "Alteration",
                    "type": "service",
                    "invoice_policy": "order",
                    "list_price": 100,
                    "taxes_id": False,
                }
            )
            orders = env["sale.order"].create(
                [
                    {
                        "partner_id": partner.id,
                        "order_line": [
                            Command.create(
                                {"product_id": product.id, "price_unit": 100}
                            )
                        ],
                    }
                    for _till in range(2)
                ]
            )
            orders.action_confirm()
            ids = {
                "series": series.id,
                "partner": partner.id,
                "product": product.id,
                "orders": orders.ids,
            }
            self.orders, self.code, self.pin = orders.ids, card.code, pin
            card_id = card.id
        self.addCleanup(self._drop_data, ids)
        return card_id

    def _drop_data(self, ids):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            series = env["retail.giftcard.series"].browse(ids["series"])
            program, product = series.program_id, series.product_id
            # posted entries and ledger rows are immutable for the ORM: test
            # data goes by SQL
            cr.execute(
                SQL(
                    "SELECT id, move_id FROM account_payment "
                    "WHERE retail_sale_order_id = ANY(%s)",
                    ids["orders"],
                )
            )
            payments = cr.fetchall()
            move_ids = [move_id for _id, move_id in payments if move_id]
            cr.execute(
                SQL(
                    "DELETE FROM account_payment WHERE id = ANY(%s)",
                    [payment_id for payment_id, _move in payments],
                )
            )
            cr.execute(
                SQL("DELETE FROM account_move_line WHERE move_id = ANY(%s)", move_ids)
            )
            cr.execute(SQL("DELETE FROM account_move WHERE id = ANY(%s)", move_ids))
            cr.execute(SQL("DELETE FROM sale_order WHERE id = ANY(%s)", ids["orders"]))
            cr.execute(
                SQL(
                    "DELETE FROM loyalty_history WHERE card_id IN "
                    "(SELECT id FROM loyalty_card WHERE retail_series_id = %s)",
                    ids["series"],
                )
            )
            cr.execute(
                SQL(
                    "DELETE FROM loyalty_card WHERE retail_series_id = %s",
                    ids["series"],
                )
            )
            env.invalidate_all()
            series.unlink()
            program.active = False
            program.unlink()
            product.unlink()
            env["product.product"].browse(ids["product"]).unlink()
            env["res.partner"].browse(ids["partner"]).unlink()

    def _redeem(self, env, card_id, amount, key):
        till = int(key[-1])
        order = env["sale.order"].browse(self.orders[till - 1])
        code, pin = getattr(self, "cards_by_till", {}).get(till, (self.code, self.pin))
        payment = order._retail_giftcard_pay(code, pin, amount, request_key=key)
        return {
            card_id: env["loyalty.card"].browse(card_id).points,
            "payment": payment.id,
        }

    def _committed_state(self, card_id):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            card = env["loyalty.card"].browse(card_id)
            redeems = card.history_ids.filtered(lambda row: row.retail_kind == "redeem")
            payments = env["account.payment"].search(
                [("retail_sale_order_id", "in", self.orders)]
            )
            return (
                card.points,
                len(redeems),
                len(payments),
                sum(payments.mapped("amount")),
                card._retail_check_balance_invariant(),
            )

    def test_two_orders_cannot_overspend(self):
        card_id = self._committed_data(100)
        outcome = self._two_tills(card_id, 70, 70)
        error = outcome.get("error")
        self.assertIsInstance(error, UserError, outcome)
        self.assertIn(self.code, str(error), "the user sees which card")
        self.assertIn("30", str(error), "and what is left on it")
        self.assertEqual(self._committed_state(card_id), (30, 1, 1, 70, {}))

    def test_two_orders_served_when_balance_suffices(self):
        card_id = self._committed_data(100)
        outcome = self._two_tills(card_id, 40, 50)
        self.assertEqual(outcome.get("result", {}).get(card_id), 10, outcome)
        self.assertEqual(self._committed_state(card_id), (10, 2, 2, 90, {}))

    def test_two_cards_cannot_overpay_one_order(self):
        """Two cards pay the same order of 100 at once, 70 each: the second
        waits for the first (the order is locked) and is refused on the 30 left."""
        card_id = self._committed_data(100)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            series = env["loyalty.card"].browse(card_id).retail_series_id
            other = env["loyalty.card"].browse(series._generate_cards(1))
            env["loyalty.card"]._retail_giftcard_load([{"card": other, "amount": 100}])
            other_pin = other._retail_set_secret()[other.id]
            other_id, other_code = other.id, other.code
        self.orders = [self.orders[0], self.orders[0]]
        self.cards_by_till = {2: (other_code, other_pin)}
        outcome = self._two_tills(card_id, 70, 70)
        error = outcome.get("error")
        self.assertIsInstance(error, UserError, outcome)
        self.assertIn("30", str(error), "what is left to pay")
        self.assertEqual(self._committed_state(card_id)[:2], (30, 1))
        self.assertEqual(self._committed_state(other_id)[:2], (100, 0))

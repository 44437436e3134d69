# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import RetailLoyaltyCommon


@tagged("post_install", "-at_install", "retail_money")
class TestOfflinePoints(RetailLoyaltyCommon):
    """Rewards a till took while it could not reach the server: capped per card
    and per till, checked again at sync; when the points are gone the order
    lands, the card goes negative and the shortfall is reported once."""

    def setUp(self):
        super().setUp()
        self.config.write(
            {
                "retail_loyalty_offline_card_cap": 100,
                "retail_loyalty_offline_till_cap": 150,
            }
        )
        self.open_new_session()

    def _offline_reward(self, card, points_cost=100):
        return {**self._reward_line(card, points_cost), "retail_loyalty_offline": True}

    def _watch_hook(self):
        """Observe retail_card's shortfall hook (the real one still runs)."""
        Card = type(self.env["loyalty.card"])
        original = Card._retail_report_shortfalls
        return patch.object(
            Card,
            "_retail_report_shortfalls",
            autospec=True,
            side_effect=lambda card, shortfalls: original(card, shortfalls),
        )

    def _refused(self, lines, message):
        card = self._card()
        points, rows = card.points, len(self._ledger(card))
        with self.assertRaises(UserError) as error:
            self._sell(lines)
        self.assertIn(message, str(error.exception))
        self.assertEqual(card.points, points, "nothing moved")
        self.assertEqual(len(self._ledger(card)), rows, "no ledger row written")

    def test_offline_within_caps_debits_at_sync(self):
        card = self._give_points(150)
        with self._watch_hook() as hook:
            order, _data = self._sell([(self.shoes, 1), self._offline_reward(card)])
        self.assertEqual(order.state, "paid")
        self.assertEqual(card.points, 150, "150 - 100 spent offline + 100 earned")
        spend = self._ledger(card).filtered(lambda row: row.retail_kind == "spend")
        self.assertRecordValues(
            spend, [{"used": 100, "retail_balance_after": 50, "order_id": order.id}]
        )
        self.assertIn("offline", spend.description)
        self.assertRecordValues(
            self.OrderPoints._retail_rows_of(order),
            [{"points_spent": 100, "points_spent_offline": 100, "points_shortfall": 0}],
        )
        hook.assert_not_called()
        self.assertBalanceInvariant(card)

    def test_offline_over_card_cap_refused(self):
        card = self._give_points(500)
        self._refused(
            [(self.shoes, 1), self._offline_reward(card, points_cost=200)],
            "above the store's offline cap of 100.0 points per card",
        )
        self.assertFalse(self.OrderPoints.search([("card_id", "=", card.id)]))
        self.assertBalanceInvariant(card)

    def test_forged_offline_cost_is_charged_and_capped(self):
        # a till claiming 0 points for two 100-point rewards is charged 200
        card = self._give_points(500)
        line = self._offline_reward(card, points_cost=0)
        self._refused(
            [
                (self.shoes, 1),
                line,
                {**line, "reward_identifier_code": "retail-test-reward-2"},
            ],
            f"Card {card.code} spent 200.0 points offline",
        )

    def test_offline_over_till_cap_refused(self):
        card = self._give_points(500)
        self._sell([(self.shoes, 1), self._offline_reward(card)])
        # 100 taken offline in this session; 100 more exceeds the till's 150
        self._refused(
            [(self.shoes, 1), self._offline_reward(card)],
            "This till took 200.0 points offline in this session, above its "
            "offline cap of 150.0 points.",
        )
        # online rewards do not count against the offline caps
        order, _data = self._sell([(self.shoes, 1), self._reward_line(card)])
        self.assertEqual(order.state, "paid")
        self.assertBalanceInvariant(card)

    def test_offline_disabled_by_default(self):
        self.config.write(
            {"retail_loyalty_offline_card_cap": 0, "retail_loyalty_offline_till_cap": 0}
        )
        card = self._give_points(500)
        self._refused(
            [(self.shoes, 1), self._offline_reward(card)],
            "offline cap of 0.0 points per card",
        )

    def test_shortfall_lands_goes_negative_reported_once_then_recovered(self):
        # earned points stay pending 14 days, so the card's debt shows
        self.program.retail_return_days = 14
        card = self._give_points(30)
        with self._watch_hook() as hook:
            order, data = self._sell([(self.shoes, 1), self._offline_reward(card)])
            self.assertEqual(order.state, "paid", "the order lands")
            self.assertEqual(card.points, -70, "30 held, 100 spent offline")
            spend = self._ledger(card).filtered(lambda row: row.retail_kind == "spend")
            self.assertRecordValues(spend, [{"used": 100, "retail_balance_after": -70}])
            row = self.OrderPoints._retail_rows_of(order)
            self.assertRecordValues(
                row,
                [
                    {
                        "points_spent_offline": 100,
                        "points_shortfall": 70,
                        "shortfall_reported": True,
                        "state": "pending",
                    }
                ],
            )
            hook.assert_called_once()
            [shortfall] = hook.call_args.args[1]
            self.assertEqual(shortfall["card"], card)
            self.assertEqual(shortfall["amount"], 70)
            self.assertEqual(shortfall["order"], order)
            self.assertEqual(shortfall["store_id"], self.config.id)
            self.assertIn(card.code, shortfall["description"])
            self.assertBalanceInvariant(card)

            # the till retries the same order: nothing moves, nothing reported
            ledger = self._ledger(card)
            self.env["pos.order"].sync_from_ui([data])
            self.assertEqual(self._ledger(card), ledger)
            self.assertEqual(card.points, -70)
            hook.assert_called_once()

        # later earnings pay the debt back
        self.program.retail_return_days = 0
        self._sell([(self.socks, 10)])
        self.assertEqual(card.points, -20)
        self._sell([(self.shoes, 1)])
        self.assertEqual(card.points, 80)
        # and the first order's pending points arrive when its window closes
        row._retail_release()
        self.assertEqual(card.points, 180)
        self.assertBalanceInvariant(card)

    def test_refund_of_shortfall_order_gives_points_back_once(self):
        card = self._give_points(30)
        order, _data = self._sell([(self.shoes, 1), self._offline_reward(card)])
        self.assertEqual(card.points, 30, "-70 after the spending, +100 earned")
        self._refund(order)
        self.assertEqual(card.points, 30, "100 spent given back, 100 earned taken")
        # the same sale refunded again: refused (nothing left to refund)
        with (
            self.assertRaisesRegex(UserError, "left to refund"),
            self.env.cr.savepoint(),
        ):
            self._refund(order)
        self.assertEqual(card.points, 30)
        self.assertBalanceInvariant(card)

    def test_offline_spend_kind_guarded(self):
        """Only the loyalty engine's offline spending may go below zero."""
        card = self._give_points(10)
        movement = {
            "card": card,
            "amount": -50,
            "kind": "spend",
            "allow_negative": True,
        }
        with self.assertRaises(Exception) as error:
            self.Card._retail_post_movements([movement])
        self.assertIn(
            "Only a reversal may take a balance below zero", str(error.exception)
        )
        self.assertEqual(card.points, 10)

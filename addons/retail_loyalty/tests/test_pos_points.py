# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import RetailLoyaltyCommon


@tagged("post_install", "-at_install", "retail_security")
class TestPosPointsSecurity(RetailLoyaltyCommon):
    def test_forged_confirm_payload_gets_rule_points_only(self):
        self.open_new_session()
        order, _data = self._sell([(self.shoes, 1)])
        card = self._card()
        self.assertEqual(card.points, 100, "the server computed 1 point per euro")
        res = order.confirm_coupon_programs(
            {
                str(card.id): {
                    "points": 10000,
                    "program_id": self.program.id,
                    "coupon_id": card.id,
                    "partner_id": self.buyer.id,
                }
            }
        )
        self.assertEqual(card.points, 100, "the till's 10,000 points are ignored")
        self.assertEqual(
            res["coupon_updates"],
            [
                {
                    "old_id": card.id,
                    "id": card.id,
                    "points": 100.0,
                    "code": card.code,
                    "program_id": self.program.id,
                    "partner_id": self.buyer.id,
                }
            ],
            "the till is answered with the server's balance",
        )
        row = self.OrderPoints._retail_rows_of(order)
        self.assertRecordValues(row, [{"points_earned": 100, "points_browser": 10000}])
        self.assertEqual(len(self._ledger(card)), 1)
        self.assertBalanceInvariant(card)

    def test_new_card_of_the_till_is_mapped_to_the_server_card(self):
        self.open_new_session()
        order, _data = self._sell([(self.socks, 2)])
        card = self._card()
        self.assertEqual(card.points, 10)
        res = order.confirm_coupon_programs(
            {
                "-1": {
                    "points": 10,
                    "program_id": self.program.id,
                    "coupon_id": -1,
                    "partner_id": self.buyer.id,
                }
            }
        )
        self.assertEqual(res["coupon_updates"][0]["old_id"], -1)
        self.assertEqual(res["coupon_updates"][0]["id"], card.id)
        self.assertEqual(len(self._card()), 1, "no second card for the customer")

    def test_overspend_refused_and_nothing_written(self):
        card = self._give_points(50)
        self.open_new_session()
        with self.assertRaises(UserError) as error:
            self._sell([(self.shoes, 1), self._reward_line(card)])
        self.assertIn("cannot be debited", str(error.exception))
        self.assertEqual(card.points, 50)
        self.assertEqual(len(self._ledger(card)), 1, "only the initial earning")
        self.assertFalse(self.OrderPoints.search([("card_id", "=", card.id)]))
        self.assertBalanceInvariant(card)

    def test_forged_reward_cost_is_charged_in_full(self):
        card = self._give_points(150)
        self.open_new_session()
        self._sell([(self.shoes, 1), self._reward_line(card, points_cost=0)])
        # 100 points for the reward whatever the till said, 100 earned
        self.assertEqual(card.points, 150)
        kinds = self._ledger(card).mapped(lambda row: (row.retail_kind, row.used))
        self.assertIn(("spend", 100.0), kinds)
        self.assertBalanceInvariant(card)

    def test_same_order_synced_twice_moves_points_once(self):
        card = self._give_points(100)
        self.open_new_session()
        order, data = self._sell([(self.shoes, 1), self._reward_line(card)])
        self.assertEqual(card.points, 100, "100 spent, 100 earned")
        self.env["pos.order"].sync_from_ui([data])
        order._retail_loyalty_settle()
        payload = {str(card.id): {"points": 0, "program_id": self.program.id}}
        order.confirm_coupon_programs(payload)
        order.confirm_coupon_programs(payload)
        self.assertEqual(card.points, 100)
        self.assertEqual(len(self._ledger(card)), 3, "initial, spend, earn")
        self.assertEqual(len(self.OrderPoints._retail_rows_of(order)), 1)
        self.assertBalanceInvariant(card)

    def test_native_loyalty_program_keeps_native_behaviour(self):
        native = self.env["loyalty.program"].create(
            {
                "name": "Native points",
                "program_type": "loyalty",
                "applies_on": "both",
                "trigger": "auto",
                "rule_ids": [
                    Command.create(
                        {"reward_point_mode": "money", "reward_point_amount": 1}
                    )
                ],
            }
        )
        self.open_new_session()
        order, _data = self._sell([(self.shoes, 1)])
        native_card = self.Card.search([("program_id", "=", native.id)])
        self.assertFalse(native_card, "no server-side earning for native programs")
        order.confirm_coupon_programs(
            {
                "-1": {
                    "points": 42,
                    "program_id": native.id,
                    "coupon_id": -1,
                    "partner_id": self.buyer.id,
                }
            }
        )
        native_card = self.Card.search([("program_id", "=", native.id)])
        self.assertEqual(native_card.points, 42, "native: the till's points")

    def test_program_shared_by_all_companies_earns_at_the_till(self):
        """A program whose company is cleared in its form (shared by every
        company) still earns at a company's till: the ledger row names the
        till, whatever the card's company."""
        self.env.user.group_ids |= self.env.ref("base.group_multi_company")
        with Form(self.program) as program:
            program.company_id = self.env["res.company"]
        self.assertFalse(self.program.company_id)
        self.open_new_session()
        order, _data = self._sell([(self.shoes, 1)])
        card = self._card()
        self.assertEqual(card.points, 100)
        self.assertFalse(card.company_id)
        self.assertRecordValues(
            self._ledger(card), [{"issued": 100, "retail_store_id": self.config.id}]
        )
        self.assertEqual(order.state, "paid")
        self.assertBalanceInvariant(card)

    def test_card_of_another_company_never_moves_at_this_till(self):
        other = self.env["res.company"].create({"name": "Franchise B"})
        self.program.company_id = other
        card = self.Card.create(
            {"program_id": self.program.id, "partner_id": self.buyer.id}
        )
        with self.assertRaises(ValidationError) as refused:
            self.Card._retail_post_movements(
                [
                    {
                        "card": card,
                        "amount": 5,
                        "kind": "earn",
                        "store_id": self.config.id,
                    }
                ]
            )
        self.assertIn("cannot move at the till", str(refused.exception))
        self.assertFalse(self._ledger(card), "nothing written")
        self.assertEqual(card.points, 0)


@tagged("post_install", "-at_install", "retail_money")
class TestPosPointsMoney(RetailLoyaltyCommon):
    def test_earn_with_tier_multiplier(self):
        card = self._give_points(10)
        card.sudo().retail_tier_id = self.gold
        self.open_new_session()
        order, _data = self._sell([(self.shoes, 1)])
        self.assertEqual(card.points, 210, "Gold doubles the 100 points")
        row = self.OrderPoints._retail_rows_of(order)
        self.assertRecordValues(
            row, [{"tier_id": self.gold.id, "multiplier": 2.0, "state": "posted"}]
        )
        earn = self._ledger(card)[-1]
        self.assertRecordValues(
            earn,
            [
                {
                    "retail_kind": "earn",
                    "issued": 200,
                    "order_model": "pos.order",
                    "order_id": order.id,
                    "retail_store_id": self.config.id,
                }
            ],
        )
        self.assertBalanceInvariant(card)

    def test_refund_gives_back_spent_and_takes_earned_once(self):
        card = self._give_points(100)
        self.open_new_session()
        order, _data = self._sell([(self.shoes, 1), self._reward_line(card)])
        self.assertEqual(card.points, 100, "100 spent, then 100 earned")
        refund = self._refund(order)
        self.assertEqual(card.points, 100, "earned taken back, spent given back")
        reversals = self._ledger(card).filtered(
            lambda row: row.retail_kind == "reverse"
        )
        self.assertEqual(sorted(reversals.mapped("issued")), [0, 100])
        self.assertEqual(sorted(reversals.mapped("used")), [0, 100])
        self.assertEqual(set(reversals.mapped("order_id")), {refund.id})
        # the refund handled again changes nothing
        refund.retail_loyalty_done = False
        refund._retail_loyalty_settle()
        self.assertEqual(card.points, 100)
        self.assertEqual(len(self._ledger(card)), 5)
        self.assertBalanceInvariant(card)

    def test_partial_refunds_in_proportion(self):
        self.open_new_session()
        order, _data = self._sell([(self.shoes, 2), (self.socks, 4)])
        card = self._card()
        self.assertEqual(card.points, 220)
        self._refund(order, {self.shoes: 1, self.socks: 0})
        self.assertEqual(card.points, 120, "100 of 220 euros returned")
        self._refund(order, {self.shoes: 1, self.socks: 4})
        self.assertEqual(card.points, 0)
        row = self.OrderPoints._retail_rows_of(order)
        self.assertEqual(row.points_earned_reversed, 220)
        self.assertBalanceInvariant(card)

    def test_buy_refund_buy_refund_earns_nothing(self):
        self.open_new_session()
        for __ in range(2):
            order, _data = self._sell([(self.shoes, 1)])
            self.assertEqual(self._card().points, 100)
            self._refund(order)
            self.assertEqual(self._card().points, 0)
        self.assertBalanceInvariant(self._card())

    def test_return_window_pending_then_released(self):
        self.program.retail_return_days = 14
        self.open_new_session()
        order, _data = self._sell([(self.shoes, 1)])
        card = self._card()
        self.assertEqual(card.points, 0, "pending points are not spendable")
        self.assertEqual(card.retail_points_pending, 100)
        self.assertFalse(self._ledger(card))
        # a return inside the window cancels the pending points, no ledger row
        self._refund(order)
        row = self.OrderPoints._retail_rows_of(order)
        self.assertEqual(row.state, "cancelled")
        card.invalidate_recordset()
        self.assertEqual(card.retail_points_pending, 0)
        self.assertFalse(self._ledger(card))
        # a new order whose window is over is released by the job
        order2, _data = self._sell([(self.shoes, 1)])
        row2 = self.OrderPoints._retail_rows_of(order2)
        self.assertEqual(row2.state, "pending")
        row2.sudo().release_date = fields.Datetime.now() - timedelta(days=1)
        self.OrderPoints.search(
            [("state", "=", "pending"), ("release_date", "<=", fields.Datetime.now())]
        )._retail_release()
        self.assertEqual(row2.state, "posted")
        self.assertEqual(card.points, 100)
        self.assertBalanceInvariant(card)

    def test_return_after_window_may_go_negative_and_is_recovered(self):
        self.program.retail_return_days = 0
        self.open_new_session()
        order, _data = self._sell([(self.shoes, 1)])
        card = self._card()
        self.assertEqual(card.points, 100)
        # the points are spent at once on another order
        self._sell([(self.socks, 1), self._reward_line(card)])
        self.assertEqual(card.points, 5, "100 spent, 5 earned on the socks")
        self._refund(order)
        self.assertEqual(card.points, -95, "shown negative")
        with self.assertRaises(UserError):
            self._sell([(self.socks, 1), self._reward_line(card)])
        self._sell([(self.shoes, 1)])
        self.assertEqual(card.points, 5, "recovered from the next earnings")
        self.assertBalanceInvariant(card)

    def test_refund_in_another_store(self):
        self.open_new_session()
        order, _data = self._sell([(self.shoes, 1)])
        card = self._card()
        other = self.config.copy(
            {
                "name": "Store Diagonal",
                "payment_method_ids": [Command.set(self.bank_pm1.ids)],
            }
        )
        self.config = other
        self.open_new_session()
        refund = self._refund(order, payments=[(self.bank_pm1, -100.0)])
        self.assertEqual(refund.config_id, other)
        self.assertEqual(card.points, 0)
        reversal = self._ledger(card)[-1]
        self.assertRecordValues(
            reversal,
            [{"retail_kind": "reverse", "used": 100, "retail_store_id": other.id}],
        )
        self.assertBalanceInvariant(card)

    def test_backoffice_refund_reverses(self):
        self.open_new_session()
        order, _data = self._sell([(self.shoes, 1)])
        refund = self.env["pos.order"].browse(order.refund()["res_id"])
        payment = (
            self.env["pos.make.payment"]
            .with_context(active_ids=refund.ids, active_id=refund.id)
            .create(
                {"payment_method_id": self.cash_pm1.id, "amount": refund.amount_total}
            )
        )
        payment.check()
        self.assertEqual(self._card().points, 0)
        self.assertBalanceInvariant(self._card())

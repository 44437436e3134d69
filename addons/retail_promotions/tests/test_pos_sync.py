# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.point_of_sale.tests.common import TestPoSCommon

# Monday 23 November 2026 in UTC; Madrid is UTC+1 in November.
MONDAY_1030_UTC = "2026-11-23 10:30:00"  # 11:30 in Madrid
MONDAY_1230_UTC = "2026-11-23 12:30:00"  # 13:30 in Madrid


class RetailPromotionPosCommon(TestPoSCommon):
    """A store in Madrid with a 3 for 2 on socks, Monday 09:00-13:00 (Madrid)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["loyalty.program"].search([]).write({"active": False})
        cls.company.partner_id.tz = "Europe/Madrid"
        cls.config = cls.basic_config
        cls.socks = cls.create_product("Sync Socks", cls.categ_basic, 6.0)
        cls.fancy_socks = cls.create_product("Sync Fancy Socks", cls.categ_basic, 8.0)
        cls.shirt = cls.create_product("Sync Shirt", cls.categ_basic, 20.0)
        cls.promotion = cls.env["loyalty.program"].create(
            {
                "name": "Socks 3 for 2, Monday morning",
                "retail_promotion_type": "n_for_m",
                "retail_product_ids": [Command.set((cls.socks | cls.fancy_socks).ids)],
                "retail_buy_qty": 3,
                "retail_pay_qty": 2,
                "pos_ok": True,
                "pos_config_ids": [Command.set(cls.config.ids)],
                "retail_hour_from": 9.0,
                "retail_hour_to": 13.0,
                **{
                    f"retail_{day}": day == "monday"
                    for day in (
                        "monday",
                        "tuesday",
                        "wednesday",
                        "thursday",
                        "friday",
                        "saturday",
                        "sunday",
                    )
                },
            }
        )
        cls.reward = cls.promotion.reward_ids

    def setUp(self):
        super().setUp()
        self.open_new_session()

    def _reward_line(self, amount):
        return {
            "product": self.reward.discount_line_product_id,
            "quantity": 1,
            "price_unit": amount,
            "price_subtotal": amount,
            "price_subtotal_incl": amount,
            "is_reward_line": True,
            "reward_id": self.reward.id,
            "reward_identifier_code": "retail-sync-test",
        }

    def _order_data(self, lines, date_order=MONDAY_1030_UTC, **values):
        data = self.create_ui_order_data(lines)
        data.update(date_order=date_order, **values)
        return data

    def _sync(self, data):
        self.env["pos.order"].sync_from_ui([data])
        return self.env["pos.order"].search([("uuid", "=", data["uuid"])])

    def _promoted_basket(self):
        """2 fancy socks (16), 1 sock (6), 1 shirt (20), the 3 for 2: -6."""
        return [
            (self.fancy_socks, 2),
            (self.socks, 1),
            (self.shirt, 1),
            self._reward_line(-6.0),
        ]


@tagged("post_install", "-at_install", "retail_money")
class TestRetailPromotionPosSync(RetailPromotionPosCommon):
    """The server re-checks, at the order's date in the company's time zone and at
    its store, the promotions the till applied."""

    def test_promotion_within_its_hours_is_accepted(self):
        order = self._sync(self._order_data(self._promoted_basket()))
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.amount_total, 36.0)
        self.assertFalse(order.retail_promotion_flagged)
        self.assertFalse(order.retail_promotion_issue)

    def test_paid_order_outside_its_hours_is_kept_and_flagged(self):
        """12:30 UTC is within 09:00-13:00, but it is 13:30 in Madrid: the order is
        paid, so it is kept as paid and flagged for the back office."""
        order = self._sync(
            self._order_data(self._promoted_basket(), date_order=MONDAY_1230_UTC)
        )
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.amount_total, 36.0)
        self.assertTrue(order.retail_promotion_flagged)
        self.assertIn("Socks 3 for 2, Monday morning", order.retail_promotion_issue)
        self.assertIn("outside its days and hours", order.retail_promotion_issue)
        self.assertIn("09:00-13:00", order.retail_promotion_issue)
        self.assertIn("Promotions not applicable", order.message_ids[0].body)
        flagged = self.env["pos.order"].search(
            [("retail_promotion_flagged", "=", True)]
        )
        self.assertEqual(flagged, order)
        order.action_retail_clear_till_flag("Checked with the store")
        self.assertFalse(order.retail_promotion_flagged)
        self.assertTrue(order.retail_promotion_issue, "the reason stays on the order")

    def test_draft_order_outside_its_week_days_is_refused(self):
        """A draft order loses nothing when refused: nothing is written."""
        data = self._order_data(
            self._promoted_basket(), date_order="2026-11-24 10:30:00", state="draft"
        )
        with (
            self.assertRaisesRegex(UserError, "do not apply at this store"),
            self.env.cr.savepoint(),
        ):
            self._sync(data)
        self.assertFalse(
            self.env["pos.order"].search([("uuid", "=", data["uuid"])]),
            "nothing is written",
        )

    def test_promotion_of_another_store_is_flagged(self):
        other_store = self.config.copy({"name": "Other Store"})
        self.promotion.pos_config_ids = other_store
        order = self._sync(self._order_data(self._promoted_basket()))
        self.assertTrue(order.retail_promotion_flagged)
        self.assertIn("not valid in store PoS Shop Test", order.retail_promotion_issue)

    def test_promotion_past_its_dates_is_flagged(self):
        """An order made offline on the last day and synchronised later is fine;
        one dated after the end is flagged."""
        self.promotion.date_to = "2026-11-22"
        order = self._sync(self._order_data(self._promoted_basket()))
        self.assertTrue(order.retail_promotion_flagged)
        self.assertIn("valid from", order.retail_promotion_issue)
        self.promotion.date_to = "2026-11-23"
        order = self._sync(self._order_data(self._promoted_basket()))
        self.assertFalse(order.retail_promotion_flagged)

    def test_orders_without_promotion_are_not_checked(self):
        order = self._sync(
            self._order_data([(self.shirt, 1)], date_order=MONDAY_1230_UTC)
        )
        self.assertFalse(order.retail_promotion_flagged)

    def test_same_order_sent_twice_is_flagged_once(self):
        data = self._order_data(self._promoted_basket(), date_order=MONDAY_1230_UTC)
        order = self._sync(data)
        messages = len(order.message_ids)
        self._sync(dict(data))
        self.assertEqual(len(order.message_ids), messages)


@tagged("post_install", "-at_install", "retail_money")
class TestRetailPromotionPosShares(RetailPromotionPosCommon):
    """Each promotion reward line is spread over the lines it discounts, in
    proportion to their value: what a refund of their units gives back."""

    def test_shares_of_a_3_for_2(self):
        order = self._sync(self._order_data(self._promoted_basket()))
        reward_line = order.lines.filtered("reward_id")
        key = str(reward_line.id)
        shares = {
            line.product_id: (line.retail_promotion_shares or {}).get(key)
            for line in order.lines - reward_line
        }
        # 16 and 6 of the 22 of socks take -6: -4.36 and the rest, -1.64
        self.assertEqual(shares[self.fancy_socks], -4.36)
        self.assertEqual(shares[self.socks], -1.64)
        self.assertIsNone(shares[self.shirt], "the shirt is not in the group")
        self.assertAlmostEqual(
            shares[self.fancy_socks] + shares[self.socks],
            reward_line.price_subtotal_incl,
        )

    def test_refund_of_the_till_gives_back_the_price_paid(self):
        """The refund the till builds (one fancy sock and its share of the 3 for
        2, tests/test_frontend.py runs it in Chromium) is accepted as such; two
        partial refunds of the same line give back the whole share exactly."""
        order = self._sync(self._order_data(self._promoted_basket()))
        reward_line = order.lines.filtered("reward_id")
        fancy = order.lines.filtered(lambda line: line.product_id == self.fancy_socks)
        for share in (-2.18, -2.18):
            data = self._order_data(
                [
                    {
                        "product": self.fancy_socks,
                        "quantity": -1,
                        "refunded_orderline_id": fancy.id,
                    },
                    {
                        "product": reward_line.product_id,
                        "quantity": -1,
                        "price_unit": share,
                        "price_subtotal": -share,
                        "price_subtotal_incl": -share,
                        "retail_refunded_reward_line_id": reward_line.id,
                    },
                ],
                is_refund=True,
            )
            refund = self._sync(data)
            self.assertAlmostEqual(refund.amount_total, -5.82)
        self.assertEqual(fancy.refunded_qty, 2)
        given_back = self.env["pos.order.line"].search(
            [("retail_refunded_reward_line_id", "=", reward_line.id)]
        )
        self.assertAlmostEqual(
            sum(line.qty * line.price_unit for line in given_back),
            -fancy.retail_promotion_shares[str(reward_line.id)],
        )

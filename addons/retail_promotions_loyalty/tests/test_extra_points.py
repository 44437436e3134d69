# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import freeze_time, tagged

from odoo.addons.retail_loyalty.tests.common import RetailLoyaltyCommon

from .common import RetailExtraPointsCaseMixin, load_extra_points_case

# Wednesday 4 March 2026: 09:30 in Madrid (UTC+1) is 08:30 UTC.
WEDNESDAY_MORNING_UTC = "2026-03-04 08:30:00"
WEDNESDAY_AFTERNOON_UTC = "2026-03-04 13:30:00"
SATURDAY_MORNING_UTC = "2026-03-07 08:30:00"


class RetailExtraPointsCommon(RetailLoyaltyCommon):
    """The retail loyalty program of RetailLoyaltyCommon (1 point per euro, no tax)
    fed by an extra point promotion: +2 points per unit of socks, on week days
    from 9:00 to 13:00 in the company's time zone (Madrid)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["loyalty.program"].search(
            [("id", "!=", cls.program.id), ("program_type", "!=", "loyalty")]
        ).write({"active": False})
        cls.config.company_id.partner_id.tz = "Europe/Madrid"
        cls.promotion = cls.env["loyalty.program"].create(
            {
                "name": "Socks +2 points",
                "retail_promotion_type": "loyalty_points",
                "retail_product_ids": [Command.set(cls.socks.ids)],
                "retail_points_program_id": cls.program.id,
                "retail_points_mode": "unit",
                "retail_extra_points": 2,
                "retail_saturday": False,
                "retail_sunday": False,
                "retail_hour_from": 9,
                "retail_hour_to": 13,
                "pos_ok": True,
                "sale_ok": True,
            }
        )

    def _sale_order(self, lines, team=None):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.buyer.id,
                "team_id": team and team.id,
                "order_line": [
                    Command.create({"product_id": product.id, "product_uom_qty": qty})
                    for product, qty in lines
                ],
            }
        )
        order.action_confirm()
        return order


@tagged("post_install", "-at_install", "retail_money")
class TestRetailExtraPoints(RetailExtraPointsCommon):
    @freeze_time(WEDNESDAY_MORNING_UTC)
    def test_pos_order_earns_extra_points_in_one_ledger_row(self):
        self.open_new_session()
        order, _data = self._sell([(self.shoes, 1), (self.socks, 3)])
        card = self._card()
        # 115 points for 115 euros, 6 extra for 3 socks
        self.assertEqual(card.points, 121)
        self.assertRecordValues(
            self._ledger(card),
            [{"retail_kind": "earn", "issued": 121, "retail_balance_after": 121}],
        )
        self.assertRecordValues(
            self.OrderPoints._retail_rows_of(order), [{"points_earned": 121}]
        )
        self.assertBalanceInvariant(card)

    @freeze_time(WEDNESDAY_MORNING_UTC)
    def test_refund_takes_back_every_point_exactly(self):
        self.open_new_session()
        order, _data = self._sell([(self.shoes, 1), (self.socks, 3)])
        card = self._card()
        self._refund(order)
        self.assertEqual(card.points, 0)
        self.assertRecordValues(
            self._ledger(card),
            [
                {"retail_kind": "earn", "issued": 121, "used": 0},
                {"retail_kind": "reverse", "issued": 0, "used": 121},
            ],
        )
        self.assertBalanceInvariant(card)

    @freeze_time(WEDNESDAY_MORNING_UTC)
    def test_gold_tier_multiplies_the_rules_not_the_extra_points(self):
        self.open_new_session()
        card = self.Card.sudo().create(
            {
                "program_id": self.program.id,
                "partner_id": self.buyer.id,
                "retail_tier_id": self.gold.id,
            }
        )
        self._sell([(self.socks, 3)])
        # 15 points doubled by the tier, then 6 extra points
        self.assertEqual(card.points, 36)

    @freeze_time(WEDNESDAY_MORNING_UTC)
    def test_multiplier_and_amount_modes(self):
        self.open_new_session()
        self.promotion.write({"retail_points_mode": "multiplier"})
        self.promotion.retail_extra_points = 3
        self._sell([(self.shoes, 1), (self.socks, 2)])
        # 110 points, the 10 points of the socks tripled: 20 extra
        self.assertEqual(self._card().points, 130)
        self.promotion.write(
            {"retail_points_mode": "amount", "retail_extra_points": 0.5}
        )
        self._sell([(self.socks, 4)])
        # 20 points and 0.5 per euro of socks: 10 extra
        self.assertEqual(self._card().points, 160)

    @freeze_time(WEDNESDAY_MORNING_UTC)
    def test_sale_order_earns_extra_points_for_its_team_only(self):
        team, other_team = self.env["crm.team"].create(
            [{"name": "Phone sales"}, {"name": "Web sales"}]
        )
        self.promotion.retail_team_ids = team
        self._sale_order([(self.socks, 3)], team)
        self.assertEqual(self._card().points, 21)
        self._sale_order([(self.socks, 3)], other_team)
        self.assertEqual(self._card().points, 36, "no extra points for another team")
        self.assertBalanceInvariant(self._card())

    def test_sale_order_cancel_reverses_extra_points(self):
        with freeze_time(WEDNESDAY_MORNING_UTC):
            order = self._sale_order([(self.socks, 3)])
        card = self._card()
        self.assertEqual(card.points, 21)
        order._action_cancel()
        self.assertEqual(card.points, 0)
        self.assertEqual(self._ledger(card).mapped("retail_kind"), ["earn", "reverse"])


@tagged("post_install", "-at_install", "retail_money")
class TestRetailExtraPointsSchedule(RetailExtraPointsCommon):
    """Outside its hours, week days, dates or store, the promotion adds nothing;
    hours are in the company's time zone, not in UTC."""

    def _earned_at(self, moment, **promotion_vals):
        self.promotion.write(promotion_vals)
        with freeze_time(moment):
            self.open_new_session()
            self._sell([(self.socks, 3)])
            self.config.current_session_id.action_pos_session_closing_control()
        return self._card().points

    def test_morning_in_madrid_is_in_its_hours_though_before_9_in_utc(self):
        self.assertEqual(self._earned_at(WEDNESDAY_MORNING_UTC), 21)

    def test_afternoon_is_outside_its_hours(self):
        self.assertEqual(self._earned_at(WEDNESDAY_AFTERNOON_UTC), 15)

    def test_saturday_is_outside_its_week_days(self):
        self.assertEqual(self._earned_at(SATURDAY_MORNING_UTC), 15)

    def test_outside_its_dates(self):
        self.assertEqual(
            self._earned_at(
                WEDNESDAY_MORNING_UTC, date_from="2026-03-05", date_to="2026-03-31"
            ),
            15,
        )

    def test_another_store(self):
        other = self.config.copy({"name": "Other store"})
        self.assertEqual(
            self._earned_at(
                WEDNESDAY_MORNING_UTC, pos_config_ids=[Command.set(other.ids)]
            ),
            15,
        )

    def test_its_store(self):
        self.assertEqual(
            self._earned_at(
                WEDNESDAY_MORNING_UTC, pos_config_ids=[Command.set(self.config.ids)]
            ),
            21,
        )


@tagged("post_install", "-at_install")
class TestRetailExtraPointsConfiguration(RetailExtraPointsCommon):
    def test_not_a_program_of_the_till_nor_of_sale_orders(self):
        self.assertNotIn(self.promotion, self.config._get_program_ids())
        self.assertIn(self.program, self.config._get_program_ids())
        with freeze_time(WEDNESDAY_MORNING_UTC):
            order = self._sale_order([(self.socks, 3)])
        self.assertFalse(order.order_line.filtered("reward_id"))
        self.assertFalse(
            self.env["loyalty.card"].search([("program_id", "=", self.promotion.id)])
        )
        self.assertFalse(self.promotion.reward_ids)
        self.assertEqual(self.promotion.rule_ids.product_ids, self.socks)

    def test_till_table_of_the_fed_program(self):
        [spec] = self.program.retail_extra_points_table
        self.assertEqual(spec["id"], self.promotion.id)
        self.assertEqual(spec["product_ids"], self.socks.ids)
        self.assertEqual((spec["mode"], spec["points"]), ("unit", 2))
        self.assertFalse(spec["retail_saturday"])
        self.assertEqual((spec["retail_hour_from"], spec["retail_hour_to"]), (9, 13))

    def test_bad_configurations_are_refused(self):
        cases = [
            ({"retail_points_program_id": False}, "choose the loyalty program"),
            ({"retail_extra_points": 0}, "must be positive"),
            (
                {"retail_points_mode": "multiplier", "retail_extra_points": 1},
                "greater than 1",
            ),
            ({"retail_product_ids": [Command.clear()]}, "product group is empty"),
        ]
        for vals, message in cases:
            with self.subTest(vals=vals):
                # assertRaises rolls the write back (a savepoint)
                with self.assertRaises(ValidationError) as caught:
                    self.promotion.write(vals)
                self.assertIn(message, str(caught.exception))
        promotion_program = self.env["loyalty.program"].create(
            {
                "name": "Not a loyalty program",
                "retail_promotion_type": "spend_discount",
                "retail_product_ids": [Command.set(self.socks.ids)],
                "retail_min_amount": 10,
                "retail_discount": 10,
            }
        )
        with self.assertRaises(ValidationError) as caught:
            self.promotion.retail_points_program_id = promotion_program
        self.assertIn("retail points ledger", str(caught.exception))


@tagged("post_install", "-at_install", "retail_money")
class TestRetailExtraPointsBasketCase(RetailExtraPointsCaseMixin, RetailLoyaltyCommon):
    """The shared basket case on a sale order (the tour runs it in the till)."""

    def test_basket_case_on_a_sale_order(self):
        case = load_extra_points_case()
        products, loyalty, _promotion, customer = self._retail_setup_points_case(case)
        order = self.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "order_line": [
                    Command.create(
                        {"product_id": products[key].id, "product_uom_qty": qty}
                    )
                    for key, qty in case["basket"]
                ],
            }
        )
        order.action_confirm()
        self.assertAlmostEqual(order.amount_total, case["expected"]["total"])
        card = self.env["loyalty.card"].search(
            [("partner_id", "=", customer.id), ("program_id", "=", loyalty.id)]
        )
        self.assertEqual(card.points, case["expected"]["points"])
        self.assertEqual(card.history_ids.retail_kind, "earn")

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import freeze_time, tagged

from odoo.addons.retail_customer.models.retail_schedule_mixin import WEEKDAYS
from odoo.addons.sale.tests.common import SaleCommon

from .common import RetailPromotionCaseMixin


@tagged("post_install", "-at_install", "retail_money")
class TestRetailPromotionSchedule(RetailPromotionCaseMixin, SaleCommon):
    """Week days, hours (company time zone), dates and stores decide which
    promotions a sale order or a till gets; exclusivity and priority decide which
    of the satisfied ones apply."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._retail_archive_other_programs()
        cls.env.company.partner_id.tz = "Europe/Madrid"
        cls.socks = cls.env["product.product"].create(
            {"name": "Schedule Socks", "list_price": 6.0, "taxes_id": [Command.clear()]}
        )
        cls.products = {"socks": cls.socks}
        # Monday to Friday, 09:00 to 13:00 Madrid time
        cls.weekday_mornings = cls.env["loyalty.program"].create(
            {
                "name": "Weekday mornings 3 for 2",
                "retail_promotion_type": "n_for_m",
                "retail_product_ids": [Command.set(cls.socks.ids)],
                "retail_buy_qty": 3,
                "retail_pay_qty": 2,
                "retail_saturday": False,
                "retail_sunday": False,
                "retail_hour_from": 9.0,
                "retail_hour_to": 13.0,
                "sale_ok": True,
                "pos_ok": True,
            }
        )

    def _discount(self, basket=(("socks", 3),)):
        order = self._retail_sale_order(self.partner, self.products, basket)
        self._retail_apply_promotions(order)
        return {
            line.reward_id.program_id.name: line.price_total
            for line in order.order_line.filtered("reward_id")
        }

    def test_weekday_and_hour_in_company_time_zone(self):
        applied = {"Weekday mornings 3 for 2": -6.0}
        cases = [
            # (UTC moment, expected) - Madrid is UTC+1 in January
            ("2026-01-12 09:30:00", applied),  # Monday 10:30 in Madrid
            ("2026-01-12 11:59:00", applied),  # Monday 12:59
            ("2026-01-12 12:00:00", {}),  # Monday 13:00: the end is excluded
            ("2026-01-12 07:30:00", {}),  # Monday 08:30: before opening hours
            ("2026-01-10 09:30:00", {}),  # Saturday 10:30: not a chosen day
            ("2026-01-12 08:30:00", applied),  # 09:30 in Madrid, 08:30 in UTC
            ("2026-01-12 12:30:00", {}),  # 13:30 in Madrid, 12:30 in UTC
        ]
        for moment, expected in cases:
            with self.subTest(moment=moment), freeze_time(moment):
                self.assertEqual(self._discount(), expected)

    @freeze_time("2026-01-12 09:30:00")
    def test_outside_the_dates(self):
        self.weekday_mornings.date_to = "2026-01-11"
        self.assertEqual(self._discount(), {})
        self.weekday_mornings.write({"date_from": "2026-01-13", "date_to": False})
        self.assertEqual(self._discount(), {})
        self.weekday_mornings.date_from = "2026-01-12"
        self.assertEqual(self._discount(), {"Weekday mornings 3 for 2": -6.0})

    @freeze_time("2026-01-12 09:30:00")
    def test_program_removed_when_the_hour_passes(self):
        order = self._retail_sale_order(self.partner, self.products, [("socks", 3)])
        self._retail_apply_promotions(order)
        self.assertEqual(len(order.order_line.filtered("reward_id")), 1)
        with freeze_time("2026-01-12 12:30:00"):  # 13:30 in Madrid
            order._update_programs_and_rewards()
        self.assertFalse(order.order_line.filtered("reward_id"))
        self.assertEqual(order.amount_total, 18.0)

    def test_wrong_store(self):
        store = self.env["pos.config"].create({"name": "Promo Store A"})
        other = self.env["pos.config"].create({"name": "Promo Store B"})
        self.weekday_mornings.pos_config_ids = [Command.set(store.ids)]
        self.assertIn(self.weekday_mornings, store._get_program_ids())
        self.assertNotIn(self.weekday_mornings, other._get_program_ids())

    def test_till_loads_schedule_and_time_zone(self):
        store = self.env["pos.config"].create({"name": "Promo Store TZ"})
        self.assertEqual(store.retail_store_tz, "Europe/Madrid")
        fields = self.env["loyalty.program"]._load_pos_data_fields(store)
        for name in ("retail_hour_from", "retail_monday", "retail_exclusive"):
            self.assertIn(name, fields)


@tagged("post_install", "-at_install", "retail_money")
class TestRetailPromotionCombination(RetailPromotionCaseMixin, SaleCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._retail_archive_other_programs()
        cls.socks = cls.env["product.product"].create(
            {"name": "Combo Socks", "list_price": 10.0, "taxes_id": [Command.clear()]}
        )
        cls.products = {"socks": cls.socks}

    def _promotion(self, name, **vals):
        return self.env["loyalty.program"].create(
            {
                "name": name,
                "retail_promotion_type": "spend_discount",
                "retail_product_ids": [Command.set(self.socks.ids)],
                "retail_min_amount": 10,
                "retail_discount": 10,
                "sale_ok": True,
            }
            | vals
        )

    def _applied(self):
        order = self._retail_sale_order(self.partner, self.products, [("socks", 3)])
        self._retail_apply_promotions(order)
        return set(order.order_line.filtered("reward_id").reward_id.program_id.ids)

    def test_cumulative_promotions_all_apply(self):
        first = self._promotion("Cumulative A")
        second = self._promotion(
            "Cumulative B",
            retail_promotion_type="n_for_m",
            retail_buy_qty=3,
            retail_pay_qty=2,
        )
        self.assertEqual(self._applied(), {first.id, second.id})

    def test_exclusive_of_highest_priority_applies_alone(self):
        cumulative = self._promotion("Cumulative")
        low = self._promotion("Exclusive low", retail_exclusive=True, retail_priority=5)
        high = self._promotion(
            "Exclusive high", retail_exclusive=True, retail_priority=20
        )
        self.assertEqual(self._applied(), {high.id})
        high.action_archive()
        self.assertEqual(self._applied(), {low.id})
        low.action_archive()
        self.assertEqual(self._applied(), {cumulative.id})

    def test_unsatisfied_exclusive_does_not_block(self):
        cumulative = self._promotion("Cumulative")
        self._promotion(
            "Exclusive from 100",
            retail_exclusive=True,
            retail_priority=50,
            retail_min_amount=100,
        )
        self.assertEqual(self._applied(), {cumulative.id})

    def test_overlapping_exclusive_at_equal_priority_refused(self):
        self._promotion("Exclusive A", retail_exclusive=True, retail_priority=10)
        with self.assertRaisesRegex(
            ValidationError, "Exclusive B and Exclusive A have the same priority"
        ):
            self._promotion("Exclusive B", retail_exclusive=True, retail_priority=10)

    def test_equal_priority_allowed_when_they_cannot_meet(self):
        weekdays = self._promotion(
            "Exclusive weekdays",
            retail_exclusive=True,
            **{day: True for day in WEEKDAYS[:5]},
            retail_saturday=False,
            retail_sunday=False,
        )
        weekend = self._promotion(
            "Exclusive weekend",
            retail_exclusive=True,
            **{day: False for day in WEEKDAYS[:5]},
        )
        self.assertTrue(weekend.retail_exclusive)
        with self.assertRaisesRegex(ValidationError, "same priority"):
            weekend.retail_friday = True
        (weekdays | weekend).action_archive()
        self._promotion("Exclusive mornings", retail_exclusive=True, retail_hour_to=14)
        afternoon = self._promotion(
            "Exclusive afternoons", retail_exclusive=True, retail_hour_from=14
        )
        self.assertEqual(afternoon.retail_hour_to, 24)
        with self.assertRaisesRegex(ValidationError, "same priority"):
            self._promotion(
                "Exclusive evenings", retail_exclusive=True, retail_hour_from=18
            )

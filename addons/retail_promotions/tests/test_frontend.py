# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

import pytz

from odoo.tests import tagged

from odoo.addons.point_of_sale.tests.test_frontend import TestPointOfSaleHttpCommon

from .common import RetailPromotionCaseMixin, load_basket_cases

WEEKDAYS = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)


@tagged("post_install", "-at_install", "retail_money")
class TestRetailPromotionsPosUi(RetailPromotionCaseMixin, TestPointOfSaleHttpCommon):
    """Shared basket cases in the till (Chromium): the synchronised order has the
    total and the reward amounts the case expects, the same as a sale order."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._retail_archive_other_programs()
        cls.cases = load_basket_cases()

    def _run_case(self, case_name, tour):
        case = self.cases[case_name]
        products, programs = self._retail_setup_case(case, self.main_pos_config)
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour(tour, timeout=300)
        order = self.env["pos.order"].search(
            [("config_id", "=", self.main_pos_config.id), ("state", "=", "paid")]
        )
        self.assertEqual(len(order), 1)
        return case, products, programs, order

    def _assert_till_order(self, case, products, order):
        """The synchronised till order has the case's total and rewards."""
        self._retail_assert_rewards(
            case,
            products,
            order.amount_total,
            order.lines.filtered("reward_id"),
            "price_subtotal_incl",
        )

    def test_n_for_m_case(self):
        case, products, _programs, order = self._run_case(
            "n_for_m_cheapest_free", "RetailPromotionsNForMTour"
        )
        self._assert_till_order(case, products, order)

    def test_spend_discount_case(self):
        case, products, _programs, order = self._run_case(
            "spend_discount_on_group", "RetailPromotionsSpendDiscountTour"
        )
        self._assert_till_order(case, products, order)

    def test_exclusive_case(self):
        case, products, _programs, order = self._run_case(
            "exclusive_wins", "RetailPromotionsExclusiveTour"
        )
        self._assert_till_order(case, products, order)

    def test_fixed_price_case(self):
        case, products, _programs, order = self._run_case(
            "n_fixed_price", "RetailPromotionsFixedPriceTour"
        )
        self._assert_till_order(case, products, order)

    def test_out_of_its_week_days_the_till_applies_nothing(self):
        tz = self.main_pos_config.retail_promotion_tz
        today = datetime.now(pytz.timezone(tz)).weekday()
        case = self.cases["n_for_m_cheapest_free"]
        spec = case["programs"][0]
        # the same case, its promotion valid every day but today (store time zone)
        spec_today_off = dict(spec, **{f"retail_{WEEKDAYS[today]}": False})
        case = dict(case, programs=[spec_today_off])
        products, _programs = self._retail_setup_case(case, self.main_pos_config)
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailPromotionsOutOfHoursTour", timeout=300)
        order = self.env["pos.order"].search(
            [("config_id", "=", self.main_pos_config.id), ("state", "=", "paid")]
        )
        self.assertEqual(order.amount_total, 42.0)
        self.assertFalse(order.lines.filtered("reward_id"))

    def test_promotion_types_cases(self):
        """The cases of the second block of promotion types, sold one after the
        other in one session: each synchronised order as on a sale order."""
        names = [
            "n_for_m_repeated",
            "n_for_m_five_for_three",
            "unit_discounts",
            "quantity_breaks_till",
            "seasonal",
            "customer_segment",
            "discount_card",
            "employee_ceiling",
        ]
        cases = []
        for name in names:
            case = self.cases[name]
            products, _programs = self._retail_setup_case(case, self.main_pos_config)
            cases.append((name, case, products, self.case_partner))
        self.main_pos_config.with_user(self.pos_user).open_ui()
        # eight baskets in one session: more than the default minute on a loaded
        # machine
        self.start_pos_tour("RetailPromotionsTypesTour", timeout=900)
        orders = self.env["pos.order"].search(
            [("config_id", "=", self.main_pos_config.id), ("state", "=", "paid")],
            order="id",
        )
        self.assertEqual(len(orders), len(cases))
        for order, (name, case, products, partner) in zip(orders, cases, strict=True):
            with self.subTest(case=name):
                self.assertEqual(order.partner_id, partner or order.partner_id.browse())
                self._assert_till_order(case, products, order)

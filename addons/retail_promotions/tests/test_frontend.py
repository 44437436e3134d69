# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

import pytz

from odoo.tests import tagged

from odoo.addons.retail_customer.models.retail_schedule_mixin import WEEKDAYS
from odoo.addons.retail_customer.tests.pos_tour import RetailPosTourCase

from .common import RetailPromotionCaseMixin, load_basket_cases

# Shared cases sold after the typed discount card: with a 21 % tax, then two
# cumulative promotions on the same lines.
TAX_CASES = (
    "tax_n_for_m_excluded",
    "tax_fixed_price_included",
    "tax_unit_discounts_excluded",
    "tax_quantity_breaks_included",
    # two cumulative promotions on the same lines, in the order they apply
    "cumulative_priority_order",
    "cumulative_oldest_first",
    # three, each on what the earlier ones left
    "cumulative_three_on_what_is_left",
)


@tagged("post_install", "-at_install", "retail_money")
class TestRetailPromotionsPosUi(RetailPromotionCaseMixin, RetailPosTourCase):
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
        """The synchronised till order has the case's total, rewards, gift
        articles and vouchers, as a sale order of the same basket.

        The till's gift article differs from the sale order's: on a sale order
        the gift is one reward line of the gift article at a 100 % discount
        (amount 0); in the till the cashier adds the gift article (a line at its
        price) and pos_loyalty's reward is a line of the reward's discount
        product at minus that price. Normalised here: the amount of a till
        product reward line counts the value of the gift units it makes free
        (0, as on the sale order), and its gift is the reward's product."""
        expected = case["expected"]
        self.assertAlmostEqual(order.amount_total, expected["total"], places=2)
        amounts, gifts = {}, {}
        for line in order.lines.filtered("reward_id"):
            name = line.reward_id.program_id.name
            amount = line.price_subtotal_incl
            if line.reward_id.reward_type == "product":
                gift = line.reward_id.reward_product_id
                gift_line = order.lines.filtered(
                    lambda order_line, gift=gift: not order_line.reward_id
                    and order_line.product_id == gift
                )[:1]
                self.assertTrue(gift_line, "the gift article is on the order")
                amount += gift_line.price_subtotal_incl / gift_line.qty * abs(line.qty)
                gifts[name] = gift
            amounts[name] = round(amounts.get(name, 0.0) + amount, 2)
        self.assertEqual(amounts, expected["discounts"])
        self.assertEqual(
            gifts,
            {name: products[key] for name, key in expected.get("gifts", {}).items()},
        )
        self._retail_assert_vouchers(
            case,
            self.env["loyalty.card"].search([("source_pos_order_id", "=", order.id)]),
        )

    def test_n_for_m_case(self):
        case, products, _programs, order = self._run_case(
            "n_for_m_cheapest_free", "RetailPromotionsNForMTour"
        )
        self._assert_till_order(case, products, order)

    def test_n_for_m_case_in_spanish(self):
        """The cashier works in Spanish: the till, the "Promotions" view and the
        receipt in Spanish; the synchronised order as in English."""
        self._retail_till_in_spanish()
        case, products, _programs, order = self._run_case(
            "n_for_m_cheapest_free", "RetailPromotionsNForMTourEs"
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
        tz = self.main_pos_config.retail_store_tz
        today = datetime.now(pytz.timezone(tz)).weekday()
        case = self.cases["n_for_m_cheapest_free"]
        spec = case["programs"][0]
        # the same case, its promotion valid every day but today and tomorrow
        # (store time zone): the tour may run across midnight
        spec_today_off = dict(
            spec, **{WEEKDAYS[today]: False, WEEKDAYS[(today + 1) % 7]: False}
        )
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
        """Every other shared case that a till can sell (the cases with a
        product of the same name as another case's run in their own tours
        above), one after the other in one session: each synchronised order as
        on a sale order."""
        names = [
            "n_for_m_repeated",
            "n_for_m_five_for_three",
            "unit_discounts",
            "quantity_breaks_till",
            "seasonal",
            "customer_segment",
            "discount_card",
            "employee_ceiling",
            "gift_article",
            "spend_gift",
            "spend_voucher",
            "amount_voucher",
            "n_for_m_not_reached",
            "spend_discount_not_reached",
            "customer_named",
            "customer_not_member",
            "discount_card_not_holder",
            "employee_not_employee",
        ]
        cases = []
        for name in names:
            case = self.cases[name]
            products, _programs = self._retail_setup_case(case, self.main_pos_config)
            cases.append((name, case, products, self.case_partner))
        self._run_cases_tour(cases, "RetailPromotionsTypesTour")

    def test_more_promotion_types_cases(self):
        """The shared cases whose products or programs share names with other
        cases (two quantity breaks, the highest one with 60 units typed on the
        numpad; 2nd unit only; two sets at a fixed price), in a session of their
        own: each synchronised order as on a sale order."""
        cases = []
        for name in (
            "quantity_breaks",
            "quantity_breaks_top",
            "unit_discounts_second_only",
            "n_fixed_price_two_sets",
        ):
            case = self.cases[name]
            products, _programs = self._retail_setup_case(case, self.main_pos_config)
            cases.append((name, case, products, None))
        self._run_cases_tour(cases, "RetailPromotionsMoreTypesTour")

    def test_typed_discount_card_and_taxes_cases(self):
        """The discount card's code typed in the till (its holder becomes the
        customer, the order keeps the code); the card typed for another
        customer, the till reloaded before payment: the card still counts; then
        the cases with a 21 % tax and those of cumulative promotions on the same
        lines (two, then three, each on what the earlier ones left): each
        synchronised order as on a sale order (the same split of the discount
        between the promotions)."""
        case = self.cases["discount_card"]
        products, programs = self._retail_setup_case(case, self.main_pos_config)
        # sudo: a card's number is set by the system only (retail_card)
        self.env["loyalty.card"].sudo().search(
            [("program_id", "in", programs.ids)]
        ).code = "RETAIL-TILL-CARD-1"
        # the holder's card typed for another customer, then the till reloads
        # (the order comes back from the browser's storage)
        friend = self.env["res.partner"].create({"name": "Promo Card Friend"})
        cases = [
            ("discount_card typed", case, products, self.case_partner),
            ("discount_card lent typed", case, products, friend),
        ]
        for name in TAX_CASES:
            case = self.cases[name]
            products, _programs = self._retail_setup_case(case, self.main_pos_config)
            cases.append((name, case, products, self.case_partner))
        self._run_cases_tour(cases, "RetailPromotionsCardTaxesTour")

    def _run_cases_tour(self, cases, tour):
        """Run `tour`, which sells the baskets of `cases` ([(name, case, products,
        customer)]) in that order, and check each synchronised order."""
        self.main_pos_config.with_user(self.pos_user).open_ui()
        # many baskets in one session: more than the default minute on a loaded
        # machine
        self.start_pos_tour(tour, timeout=1200)
        orders = self.env["pos.order"].search(
            [("config_id", "=", self.main_pos_config.id), ("state", "=", "paid")],
            order="id",
        )
        self.assertEqual(len(orders), len(cases))
        for order, (name, case, products, partner) in zip(orders, cases, strict=True):
            with self.subTest(case=name):
                self.assertEqual(order.partner_id, partner or order.partner_id.browse())
                self._assert_till_order(case, products, order)
                self.assertEqual(
                    bool(order.retail_discount_card_code), name.endswith("typed")
                )
                self.assertFalse(order.retail_promotion_flagged)

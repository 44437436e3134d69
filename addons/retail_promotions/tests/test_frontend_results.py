# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.point_of_sale.tests.test_frontend import TestPointOfSaleHttpCommon

from .common import RetailPromotionCaseMixin, load_basket_cases


@tagged("post_install", "-at_install", "retail_money")
class TestRetailPromotionsResultsUi(
    RetailPromotionCaseMixin, TestPointOfSaleHttpCommon
):
    """Cashier flows in Chromium: a refund of a promoted unit, and the popup that
    says which promotions applied and why."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._retail_archive_other_programs()
        cls.cases = load_basket_cases()

    def _orders(self):
        return self.env["pos.order"].search(
            [("config_id", "=", self.main_pos_config.id)], order="id"
        )

    def test_refund_gives_back_the_price_paid(self):
        case = self.cases["n_for_m_cheapest_free"]
        products, _programs = self._retail_setup_case(case, self.main_pos_config)
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailPromotionsRefundTour", timeout=400)
        sale, refund = self._orders()
        self.assertEqual(sale.amount_total, 36.0)
        reward_line = sale.lines.filtered("reward_id")
        fancy = sale.lines.filtered(
            lambda line: line.product_id == products["fancy_socks"]
        )
        self.assertEqual(fancy.retail_promotion_shares, {str(reward_line.id): -4.36})
        self.assertEqual(refund.state, "paid")
        self.assertAlmostEqual(refund.amount_total, -5.82)
        share_line = refund.lines.filtered("retail_refunded_reward_line_id")
        self.assertEqual(share_line.retail_refunded_reward_line_id, reward_line)
        # what the customer does not get back: 1 x -2.18 refunded; Odoo stores
        # a refund's line totals with the order's sign (the till's -2.18)
        self.assertAlmostEqual(share_line.qty * share_line.price_unit, 2.18)
        self.assertAlmostEqual(share_line.price_subtotal_incl, -2.18)
        self.assertAlmostEqual(share_line._retail_amount(), 2.18)
        self.assertFalse(refund.retail_sync_flagged, refund.retail_sync_issue)
        self.assertEqual(fancy.refunded_qty, 1)

    def test_popup_shows_applied_and_left_out(self):
        case = self.cases["exclusive_wins"]
        self._retail_setup_case(case, self.main_pos_config)
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailPromotionsWhyTour", timeout=400)
        order = self._orders()
        self.assertAlmostEqual(order.amount_total, 16.2)
        self.assertFalse(order.retail_promotion_flagged)

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.sale.tests.common import SaleCommon

from .common import RetailPromotionCaseMixin, load_basket_cases


@tagged("post_install", "-at_install", "retail_money")
class TestRetailPromotionBaskets(RetailPromotionCaseMixin, SaleCommon):
    """Every shared basket case on a real sale order."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._retail_archive_other_programs()

    def test_basket_cases_on_sale_orders(self):
        cases = load_basket_cases()
        self.assertGreaterEqual(len(cases), 10)
        for name, case in cases.items():
            with self.subTest(case=name):
                products, programs = self._retail_setup_case(case)
                order = self._retail_sale_order(
                    self.case_partner or self.partner, products, case["basket"]
                )
                self._retail_apply_promotions(order)
                reward_lines = order.order_line.filtered("reward_id")
                self._retail_assert_rewards(
                    case, products, order.amount_total, reward_lines, "price_total"
                )
                order.action_confirm()
                self._retail_assert_vouchers(
                    case,
                    self.env["loyalty.card"].search([("order_id", "=", order.id)]),
                )
                programs.action_archive()

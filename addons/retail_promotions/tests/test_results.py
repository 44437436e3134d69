# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .test_pos_sync import RetailPromotionPosCommon


@tagged("post_install", "-at_install", "retail_money")
class TestRetailPromotionResults(RetailPromotionPosCommon):
    """Results of a promotion on real till orders: two promoted baskets and a
    refund of one unit on Monday 23, one basket of the group without the
    promotion the Monday before."""

    def setUp(self):
        super().setUp()
        first = self._sync(self._order_data(self._promoted_basket()))
        self._sync(self._order_data(self._promoted_basket()))
        self._sync(self._order_data([(self.shirt, 1)]))
        reward_line = first.lines.filtered("reward_id")
        fancy = first.lines.filtered(lambda line: line.product_id == self.fancy_socks)
        self.refund = self._sync(
            self._order_data(
                [
                    {
                        "product": self.fancy_socks,
                        "quantity": -1,
                        "refunded_orderline_id": fancy.id,
                    },
                    {
                        "product": reward_line.product_id,
                        "quantity": -1,
                        "price_unit": -2.18,
                        "price_subtotal": 2.18,
                        "price_subtotal_incl": 2.18,
                        "retail_refunded_reward_line_id": reward_line.id,
                    },
                ],
                date_order="2026-11-23 10:45:00",
                is_refund=True,
            )
        )
        self._sync(
            self._order_data([(self.socks, 2)], date_order="2026-11-16 10:30:00")
        )
        self.Report = self.env["retail.promotion.report"]

    def test_pivot_per_promotion_and_store(self):
        [(program, store, orders, units, discount, revenue, basket)] = (
            self.Report._read_group(
                [("program_id", "=", self.promotion.id)],
                ["program_id", "pos_config_id"],
                [
                    "order_count:sum",
                    "units:sum",
                    "discount:sum",
                    "revenue:sum",
                    "basket:avg",
                ],
            )
        )
        self.assertEqual((program, store), (self.promotion, self.config))
        self.assertEqual(orders, 2, "the refund is not an order")
        self.assertEqual(units, 3 + 3 - 1)
        self.assertAlmostEqual(discount, 6 + 6 - 2.18)
        self.assertAlmostEqual(revenue, 36 + 36 - 5.82)
        self.assertAlmostEqual(basket, 36.0, msg="average basket of the sales")
        self.assertEqual(self.Report.search_count([("is_refund", "=", True)]), 1)

    def test_store_against_comparison_period(self):
        wizard = self.env["retail.promotion.results.export"].create(
            {
                "program_ids": self.promotion.ids,
                "date_from": "2026-11-23",
                "date_to": "2026-11-23",
            }
        )
        [row] = wizard._retail_results()
        self.assertEqual((row["program"], row["store"]), (self.promotion, self.config))
        period, before = row["period"], row["comparison"]
        self.assertEqual(period["orders"], 2, "the shirt alone is not in the group")
        self.assertEqual(period["units"], 5)
        self.assertAlmostEqual(period["discount"], 9.82)
        self.assertAlmostEqual(period["revenue"], 66.18)
        self.assertAlmostEqual(period["basket"], 33.09)
        # the period of the same length just before: Sunday 22 only, no order
        self.assertEqual(before["orders"], 0)
        wizard.write({"compare_from": "2026-11-16", "compare_to": "2026-11-16"})
        [row] = wizard._retail_results()
        before = row["comparison"]
        self.assertEqual((before["orders"], before["units"]), (1, 2))
        self.assertAlmostEqual(before["revenue"], 12.0)
        self.assertAlmostEqual(before["discount"], 0.0)

    def test_xlsx_export_side_by_side(self):
        other = self.promotion.copy({"name": "Socks 3 for 2, copy"})
        wizard = self.env["retail.promotion.results.export"].create(
            {
                "program_ids": (self.promotion | other).ids,
                "date_from": "2026-11-23",
                "date_to": "2026-11-23",
                "compare_from": "2026-11-16",
                "compare_to": "2026-11-16",
            }
        )
        wizard.action_export()
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.file)))
        self.assertEqual(book.sheetnames, ["Results", "Side by side"])
        rows = list(book["Results"].iter_rows(values_only=True))
        self.assertEqual(
            rows[0][:8],
            (
                "Promotion",
                "Channel",
                "Store",
                "Orders",
                "Units",
                "Discount",
                "Revenue",
                "Average Basket",
            ),
        )
        mine = next(row for row in rows[1:] if row[0] == self.promotion.name)
        self.assertEqual(mine[1:5], ("Point of Sale", "PoS Shop Test", 2, 5))
        self.assertAlmostEqual(mine[5], 9.82)
        self.assertAlmostEqual(mine[12], 150.0, msg="units +150 % on the Monday before")
        side = list(book["Side by side"].iter_rows(values_only=True))
        self.assertEqual(side[0], (None, self.promotion.name, other.name))
        # the copy has the same product group: the same orders, no discount
        self.assertEqual(side[1][1:], (2, 2))
        self.assertEqual(side[3][0], "Discount")
        self.assertAlmostEqual(side[3][1], 9.82)
        self.assertEqual(side[3][2], 0)

    def test_bad_periods_are_refused(self):
        Wizard = self.env["retail.promotion.results.export"]
        with self.assertRaisesRegex(UserError, "before its start"):
            Wizard.create(
                {
                    "program_ids": self.promotion.ids,
                    "date_from": "2026-11-23",
                    "date_to": "2026-11-01",
                }
            )
        wizard = Wizard.create(
            {
                "program_ids": self.promotion.ids,
                "date_from": "2020-01-01",
                "date_to": "2020-01-31",
                "compare_from": "2019-01-01",
                "compare_to": "2019-01-31",
            }
        )
        with self.assertRaisesRegex(UserError, "No order"):
            wizard.action_export()


@tagged("post_install", "-at_install", "retail_security")
class TestRetailPromotionResultsCompany(RetailPromotionPosCommon):
    def test_other_company_does_not_see_the_results(self):
        self._sync(self._order_data(self._promoted_basket()))
        other_company = self.env["res.company"].create({"name": "Franchise B"})
        user = new_test_user(
            self.env,
            login="promo_results_b",
            groups="point_of_sale.group_pos_manager",
            company_id=other_company.id,
            company_ids=[other_company.id],
        )
        Report = self.env["retail.promotion.report"]
        self.assertTrue(Report.search([("program_id", "=", self.promotion.id)]))
        self.assertFalse(Report.with_user(user).search([]))

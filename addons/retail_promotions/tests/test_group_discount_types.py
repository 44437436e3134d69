# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import freeze_time, tagged

from odoo.addons.sale.tests.common import SaleCommon

from .common import RetailPromotionCaseMixin


@tagged("post_install", "-at_install", "retail_money")
class TestRetailGroupDiscountTypes(RetailPromotionCaseMixin, SaleCommon):
    """N for M repeated, 2nd and 3rd units, quantity breaks, seasonal sales and
    customer discounts: native configuration, computation on sale orders and
    bad configurations refused with the program's name."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._retail_archive_other_programs()
        Product = cls.env["product.product"]
        cls.socks = Product.create(
            {"name": "Group Socks", "list_price": 6.0, "taxes_id": [Command.clear()]}
        )
        cls.shirt = Product.create(
            {"name": "Group Shirt", "list_price": 20.0, "taxes_id": [Command.clear()]}
        )
        cls.products = {"socks": cls.socks, "shirt": cls.shirt}
        cls.segment = cls.env["retail.segment"].create({"name": "Group VIP"})
        cls.vip = cls.env["res.partner"].create(
            {
                "name": "Group VIP Customer",
                "retail_segment_ids": [Command.set(cls.segment.ids)],
            }
        )

    def _program(self, **vals):
        return self.env["loyalty.program"].create(
            {
                "name": "Group Test",
                "retail_product_ids": [Command.set(self.socks.ids)],
                "sale_ok": True,
            }
            | vals
        )

    def _discounts(self, basket, partner=None):
        order = self._retail_sale_order(partner or self.partner, self.products, basket)
        self._retail_apply_promotions(order)
        return order, {
            line.reward_id.program_id.name: round(line.price_total, 2)
            for line in order.order_line.filtered("reward_id")
        }

    def test_n_for_m_free_units_per_group(self):
        program = self._program(
            retail_promotion_type="n_for_m", retail_buy_qty=5, retail_pay_qty=3
        )
        discount = program._retail_group_discount
        self.assertEqual(discount([6, 8, 10, 8, 10]), 14, "two cheapest of 5 free")
        self.assertEqual(discount([10, 8, 6, 10, 8]), 14, "whatever the order")
        self.assertEqual(discount([10] * 4), 0, "fewer than N units")
        self.assertEqual(discount([10] * 10), 40, "two groups: 4 free units")
        program.write({"retail_buy_qty": 3, "retail_pay_qty": 2})
        self.assertEqual(program.rule_ids.minimum_qty, 3)
        # 6 units of a 3 for 2: 2 free, the cheapest unit of each group of 3
        self.assertEqual(discount([8, 8, 8, 6, 6, 6]), 14)
        _order, discounts = self._discounts([("socks", 6)])
        self.assertEqual(discounts, {"Group Test": -12.0})
        _order, discounts = self._discounts([("socks", 5)])
        self.assertEqual(discounts, {"Group Test": -6.0}, "5 units: one group")

    def test_unit_discounts(self):
        program = self._program(
            retail_promotion_type="unit_discounts",
            retail_product_ids=[Command.set((self.socks | self.shirt).ids)],
        )
        self.assertEqual(program.rule_ids.minimum_qty, 2)
        self.assertRecordValues(
            program.reward_ids,
            [{"discount_mode": "per_order", "discount_applicability": "specific"}],
        )
        self.assertEqual(
            (program.retail_second_discount, program.retail_third_discount),
            (50.0, 70.0),
            "2nd at -50 %, 3rd at -70 % by default",
        )
        discount = program._retail_group_discount
        # sorted 20 6 6 | 6: 6 x 50 % + 6 x 70 %
        self.assertAlmostEqual(discount([6, 20, 6, 6]), 7.2)
        program.retail_third_discount = 0
        # series of 2: 20 6 | 6 6: 6 x 50 % twice
        self.assertAlmostEqual(discount([6, 20, 6, 6]), 6.0)
        _order, discounts = self._discounts([("shirt", 1), ("socks", 1)])
        self.assertEqual(discounts, {"Group Test": -3.0})
        _order, discounts = self._discounts([("shirt", 1)])
        self.assertEqual(discounts, {}, "one unit: no 2nd unit")

    def test_quantity_breaks(self):
        program = self._program(
            retail_promotion_type="quantity_breaks",
            retail_break_ids=[
                Command.create({"min_qty": 50, "discount": 10}),
                Command.create({"min_qty": 10, "discount": 5}),
            ],
        )
        self.assertEqual(program.rule_ids.minimum_qty, 10, "the smallest break")
        self.assertEqual(program.retail_break_table, [[10, 5.0], [50, 10.0]])
        _order, discounts = self._discounts([("socks", 9)])
        self.assertEqual(discounts, {})
        _order, discounts = self._discounts([("socks", 10), ("shirt", 1)])
        self.assertEqual(discounts, {"Group Test": -3.0}, "5 % of the socks only")
        _order, discounts = self._discounts([("socks", 50)])
        self.assertEqual(discounts, {"Group Test": -30.0})
        # editing the breaks from the form moves the rule's threshold
        first = program.retail_break_ids.filtered(lambda b: b.min_qty == 10)
        program.write({"retail_break_ids": [Command.update(first.id, {"min_qty": 4})]})
        self.assertEqual(program.rule_ids.minimum_qty, 4)
        _order, discounts = self._discounts([("socks", 4)])
        self.assertEqual(discounts, {"Group Test": -1.2})

    def test_seasonal_sale_within_its_dates(self):
        program = self._program(
            retail_promotion_type="seasonal",
            retail_season="Rebajas de invierno",
            retail_discount=30,
            date_from="2026-01-07",
            date_to="2026-02-28",
        )
        self.assertRecordValues(
            program,
            [{"program_type": "promotion", "applies_on": "current"}],
        )
        self.assertRecordValues(
            program.reward_ids,
            [
                {
                    "discount": 30,
                    "discount_applicability": "specific",
                    "discount_product_ids": self.socks.ids,
                }
            ],
        )
        for moment, expected in (
            ("2026-01-06 12:00:00", {}),
            ("2026-01-07 12:00:00", {"Group Test": -3.6}),
            ("2026-02-28 12:00:00", {"Group Test": -3.6}),
            ("2026-03-01 12:00:00", {}),
        ):
            with self.subTest(moment=moment), freeze_time(moment):
                _order, discounts = self._discounts([("socks", 2), ("shirt", 1)])
                self.assertEqual(discounts, expected)

    def test_customer_and_segment_discounts(self):
        program = self._program(
            retail_promotion_type="customer",
            retail_segment_ids=[Command.set(self.segment.ids)],
            retail_discount=10,
        )
        self.assertEqual(
            program.retail_customer_scope,
            {"partners": [], "segments": self.segment.ids},
        )
        _order, discounts = self._discounts([("socks", 5)], self.vip)
        self.assertEqual(discounts, {"Group Test": -3.0})
        order, discounts = self._discounts([("socks", 5)])
        self.assertEqual(discounts, {}, "not a member of the segment")
        # the customer is named: now the order gets it too
        program.retail_partner_ids = [Command.set(self.partner.ids)]
        self._retail_apply_promotions(order)
        self.assertEqual(order.amount_total, 27.0)
        # the customer changes to one not eligible: the discount goes away
        order.partner_id = self.env["res.partner"].create({"name": "Group Walk-in"})
        self._retail_apply_promotions(order)
        self.assertFalse(order.order_line.filtered("reward_id"))
        self.assertEqual(order.amount_total, 30.0)

    def test_bad_configurations_are_refused_with_the_name(self):
        bad = [
            (
                {
                    "retail_promotion_type": "unit_discounts",
                    "retail_second_discount": 0,
                },
                "2nd unit discount",
            ),
            (
                {
                    "retail_promotion_type": "unit_discounts",
                    "retail_third_discount": 120,
                },
                "2nd unit discount",
            ),
            ({"retail_promotion_type": "quantity_breaks"}, "at least one quantity"),
            (
                {
                    "retail_promotion_type": "quantity_breaks",
                    "retail_break_ids": [
                        Command.create({"min_qty": 10, "discount": 0})
                    ],
                },
                "between 0 and 100",
            ),
            (
                {
                    "retail_promotion_type": "seasonal",
                    "retail_discount": 30,
                    "date_from": "2026-07-01",
                    "date_to": "2026-08-31",
                },
                "give the season a name",
            ),
            (
                {
                    "retail_promotion_type": "seasonal",
                    "retail_season": "Summer",
                    "retail_discount": 30,
                    "date_from": "2026-07-01",
                },
                "start and an end date",
            ),
            (
                {
                    "retail_promotion_type": "seasonal",
                    "retail_season": "Summer",
                    "retail_discount": 0,
                    "date_from": "2026-07-01",
                    "date_to": "2026-08-31",
                },
                "between 0 and 100",
            ),
            (
                {"retail_promotion_type": "customer", "retail_discount": 10},
                "customers or the segments",
            ),
        ]
        for vals, message in bad:
            with self.subTest(vals=vals):
                with self.assertRaisesRegex(ValidationError, f"Group Test.*{message}"):
                    self._program(**vals)
        program = self._program(
            retail_promotion_type="quantity_breaks",
            retail_break_ids=[Command.create({"min_qty": 10, "discount": 5})],
        )
        with self.assertRaisesRegex(ValidationError, "Group Test.*at least one"):
            program.retail_break_ids = [Command.clear()]

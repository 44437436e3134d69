# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import RetailLoyaltyCommon


@tagged("post_install", "-at_install")
class TestPointsEngine(RetailLoyaltyCommon):
    def _lines(self, *pairs):
        return [
            {"product": product, "qty": qty, "amount": product.lst_price * qty}
            for product, qty in pairs
        ]

    def _brackets(self, mode):
        self.rule.write(
            {
                "retail_bracket_mode": mode,
                "retail_bracket_ids": [
                    Command.create({"amount_from": 0, "rate": 1.0}),
                    Command.create({"amount_from": 50, "rate": 1.5}),
                    Command.create({"amount_from": 200, "rate": 2.0}),
                ],
            }
        )

    def test_single_rate(self):
        self.assertEqual(
            self.program._retail_compute_points(self._lines((self.shoes, 2))), 200
        )

    def test_brackets_whole_order(self):
        self._brackets("whole")
        compute = self.program._retail_compute_points
        self.assertEqual(compute(self._lines((self.socks, 8))), 40, "0-50: 1/euro")
        self.assertEqual(compute(self._lines((self.shoes, 1))), 150, "50-200: 1.5")
        self.assertEqual(compute(self._lines((self.shoes, 3))), 600, "above 200: 2")

    def test_brackets_marginal(self):
        self._brackets("marginal")
        compute = self.program._retail_compute_points
        self.assertEqual(compute(self._lines((self.socks, 8))), 40)
        # 50 at 1 + 50 at 1.5
        self.assertEqual(compute(self._lines((self.shoes, 1))), 125)
        # 50 at 1 + 150 at 1.5 + 100 at 2
        self.assertEqual(compute(self._lines((self.shoes, 3))), 475)

    def test_product_and_category_rates_and_tier(self):
        self.env["loyalty.rule"].create(
            {
                "program_id": self.program.id,
                "reward_point_mode": "unit",
                "reward_point_amount": 3,
                "product_category_id": self.categ_socks.id,
            }
        )
        lines = self._lines((self.shoes, 1), (self.socks, 2))
        # 110 euros at 1 point + 2 socks at 3 points each
        self.assertEqual(self.program._retail_compute_points(lines), 116)
        self.assertEqual(
            self.program._retail_compute_points(lines, self.gold.multiplier), 232
        )

    def test_minimum_amount_and_bad_brackets(self):
        self.rule.minimum_amount = 150
        self.assertEqual(
            self.program._retail_compute_points(self._lines((self.shoes, 1))), 0
        )
        with self.assertRaises(ValidationError):
            self.env["retail.loyalty.rule.bracket"].create(
                {"rule_id": self.rule.id, "amount_from": -5, "rate": 1}
            )
        with self.assertRaises(ValidationError):
            self.gold.multiplier = 0

    def test_program_limits(self):
        Program = self.env["loyalty.program"]
        company = self.env.company
        self.assertEqual(
            Program._retail_programs_for(self.buyer, company, "pos", self.config),
            self.program,
        )
        vip = self.env["retail.segment"].create({"name": "VIP"})
        self.program.retail_segment_ids = vip
        self.assertFalse(
            Program._retail_programs_for(self.buyer, company, "pos", self.config),
            "customers outside the program's segments earn nothing",
        )
        self.buyer.retail_segment_ids = vip
        self.assertTrue(
            Program._retail_programs_for(self.buyer, company, "pos", self.config)
        )
        other_store = self.env["pos.config"].create({"name": "Elsewhere"})
        self.program.pos_config_ids = other_store
        self.assertFalse(
            Program._retail_programs_for(self.buyer, company, "pos", self.config)
        )
        self.assertTrue(
            Program._retail_programs_for(self.buyer, company, "sale"),
            "store limits do not apply to sale orders",
        )
        self.program.sale_ok = False
        self.assertFalse(Program._retail_programs_for(self.buyer, company, "sale"))
        with self.assertRaises(ValidationError):
            self.env["loyalty.program"].create(
                {"name": "Gift", "program_type": "gift_card", "retail_ledger": True}
            )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.sale.tests.common import SaleCommon


@tagged("post_install", "-at_install")
class TestRetailPromotionTypes(SaleCommon):
    """Each retail promotion type configures the native rule and reward; bad
    configurations are refused with the program's name."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Product = cls.env["product.product"]
        cls.socks = Product.create({"name": "Type Socks", "list_price": 6.0})
        cls.shoes = Product.create({"name": "Type Shoes", "list_price": 50.0})
        cls.tote = Product.create({"name": "Type Tote", "list_price": 4.0})

    def _program(self, **vals):
        return self.env["loyalty.program"].create(
            {"name": "Type Test", "retail_product_ids": [Command.set(self.socks.ids)]}
            | vals
        )

    def test_n_for_m_configures_group_discount(self):
        program = self._program(
            retail_promotion_type="n_for_m", retail_buy_qty=3, retail_pay_qty=2
        )
        self.assertEqual(program.program_type, "buy_x_get_y")
        self.assertRecordValues(
            program.rule_ids,
            [
                {
                    "product_ids": self.socks.ids,
                    "minimum_qty": 3,
                    "reward_point_mode": "order",
                    "mode": "auto",
                }
            ],
        )
        self.assertRecordValues(
            program.reward_ids,
            [
                {
                    "reward_type": "discount",
                    "discount_mode": "per_order",
                    "discount_applicability": "specific",
                    "discount_product_ids": self.socks.ids,
                    "required_points": 1,
                }
            ],
        )

    def test_spend_types_configure_rule_and_reward(self):
        gift = self._program(
            retail_promotion_type="spend_gift",
            retail_min_amount=100,
            retail_gift_product_id=self.tote.id,
        )
        self.assertEqual(gift.rule_ids.minimum_amount, 100)
        self.assertRecordValues(
            gift.reward_ids,
            [{"reward_type": "product", "reward_product_id": self.tote.id}],
        )
        voucher = self._program(
            retail_promotion_type="spend_voucher",
            retail_min_amount=80,
            retail_discount=15,
        )
        self.assertRecordValues(
            voucher, [{"program_type": "next_order_coupons", "applies_on": "future"}]
        )
        self.assertRecordValues(
            voucher.reward_ids,
            [{"discount": 15, "discount_applicability": "order"}],
        )

    def test_edit_updates_rule_and_reward_in_place(self):
        program = self._program(
            retail_promotion_type="spend_discount",
            retail_min_amount=100,
            retail_discount=10,
        )
        rule, reward = program.rule_ids, program.reward_ids
        program.write(
            {
                "retail_min_amount": 150,
                "retail_discount": 20,
                "retail_product_ids": [Command.set(self.shoes.ids)],
            }
        )
        self.assertEqual(program.rule_ids, rule, "the same rule, updated")
        self.assertEqual(program.reward_ids, reward, "the same reward, updated")
        self.assertEqual(rule.minimum_amount, 150)
        self.assertEqual(rule.product_ids, self.shoes)
        self.assertEqual(reward.discount, 20)
        self.assertEqual(reward.discount_product_ids, self.shoes)

    def test_bad_configurations_are_refused_with_the_name(self):
        bad = [
            ({"retail_buy_qty": 2, "retail_pay_qty": 3}, "must be greater"),
            ({"retail_buy_qty": 3, "retail_pay_qty": 3}, "must be greater"),
            ({"retail_buy_qty": 3, "retail_pay_qty": 0}, "M at least 1"),
            ({"retail_product_ids": [Command.clear()]}, "product group is empty"),
        ]
        for vals, message in bad:
            with self.subTest(vals=vals):
                with self.assertRaisesRegex(ValidationError, f"Type Test.*{message}"):
                    self._program(retail_promotion_type="n_for_m", **vals)
        with self.assertRaisesRegex(ValidationError, "Type Test.*amount to spend"):
            self._program(
                retail_promotion_type="spend_discount",
                retail_min_amount=0,
                retail_discount=10,
            )
        with self.assertRaisesRegex(ValidationError, "Type Test.*between 0 and 100"):
            self._program(
                retail_promotion_type="spend_voucher",
                retail_min_amount=50,
                retail_discount=120,
            )
        with self.assertRaisesRegex(ValidationError, "Type Test.*gift article"):
            self._program(
                retail_promotion_type="spend_gift",
                retail_min_amount=50,
                retail_gift_product_id=self.tote.id,
            ).write({"retail_gift_product_id": False})

    def test_fixed_price_configures_group_discount(self):
        program = self._program(
            retail_promotion_type="n_fixed_price",
            retail_buy_qty=3,
            retail_fixed_price=10,
        )
        self.assertEqual(program.rule_ids.minimum_qty, 3)
        self.assertRecordValues(
            program.reward_ids,
            [
                {
                    "discount_mode": "per_order",
                    "discount_applicability": "specific",
                    "discount_product_ids": self.socks.ids,
                }
            ],
        )
        # the most expensive units make the sets; leftovers pay full price
        self.assertEqual(program._retail_group_discount([6, 8, 8, 6]), 12)
        self.assertEqual(program._retail_group_discount([6, 6]), 0)
        self.assertEqual(program._retail_group_discount([2, 2, 2]), 0, "never more")
        with self.assertRaisesRegex(ValidationError, "Type Test.*at least 2 items"):
            program.retail_fixed_price = 0

    def test_bad_schedule_is_refused(self):
        program = self._program(
            retail_promotion_type="n_for_m", retail_buy_qty=3, retail_pay_qty=2
        )
        with self.assertRaisesRegex(ValidationError, "Type Test.*hours"):
            program.write({"retail_hour_from": 14, "retail_hour_to": 10})
        other = self._program(
            retail_promotion_type="n_for_m", retail_buy_qty=3, retail_pay_qty=2
        )
        with self.assertRaisesRegex(ValidationError, "Type Test.*week day"):
            other.write(
                {
                    f"retail_{day}": False
                    for day in (
                        "monday",
                        "tuesday",
                        "wednesday",
                        "thursday",
                        "friday",
                        "saturday",
                        "sunday",
                    )
                }
            )

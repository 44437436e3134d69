# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

import pytz

from odoo import Command
from odoo.tests import TransactionCase, tagged

from odoo.addons.retail_customer.models.retail_schedule_mixin import WEEKDAYS

from .common import RetailPromotionCaseMixin, load_basket_cases


@tagged("post_install", "-at_install", "retail_money")
class TestRetailPromotionSaleRefund(RetailPromotionCaseMixin, TransactionCase):
    """Credit notes of sale orders give back the price actually paid for the units
    of a promotion."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._retail_archive_other_programs()
        cls.partner = cls.env["res.partner"].create({"name": "Promo Buyer"})
        cls.case = load_basket_cases()["n_for_m_cheapest_free"]

    def _setup(self):
        products, programs = self._retail_setup_case(self.case)
        # delivered quantities typed by hand (no stock moves): a return is a
        # lower delivered quantity, invoiced as a credit note
        for product in products.values():
            product.write({"type": "service", "invoice_policy": "delivery"})
        order = self._retail_sale_order(self.partner, products, self.case["basket"])
        self._retail_apply_promotions(order)
        order.action_confirm()
        return products, programs, order

    def _deliver(self, order, quantities):
        for line in order.order_line.filtered(lambda line: not line.reward_id):
            line.qty_delivered = quantities.get(line.product_id, line.product_uom_qty)

    def test_returned_units_are_credited_at_the_price_paid(self):
        products, _programs, order = self._setup()
        self.assertEqual(order.amount_total, 36.0)
        self._deliver(order, {})
        invoice = order._create_invoices()
        invoice.action_post()
        self.assertEqual(invoice.amount_total, 36.0)
        fancy = products["fancy_socks"]
        credited = 0.0
        for delivered in (1, 0):
            # one fancy sock (8.00) returned, twice: 8.00 less its share of the
            # 3 for 2 (6.00 x 16 / 22 = 4.36, 2.18 a unit)
            self._deliver(order, {fancy: delivered})
            credit_note = order._create_invoices(final=True)
            self.assertEqual(credit_note.move_type, "out_refund")
            self.assertAlmostEqual(credit_note.amount_total, 5.82)
            promotion_line = credit_note.invoice_line_ids.filtered(
                lambda line: line.product_id != fancy
            )
            self.assertAlmostEqual(promotion_line.price_subtotal, -2.18)
            credit_note.action_post()
            credited += credit_note.amount_total
        self.assertAlmostEqual(credited, 16.0 - 4.36, msg="the whole share, exactly")
        reward_line = order.order_line.filtered("reward_id")
        self.assertEqual(reward_line.qty_invoiced, 1, "the reward line stays invoiced")
        self.assertFalse(any(order.order_line.mapped("qty_to_invoice")))

    def test_return_of_a_product_outside_the_group_credits_its_full_price(self):
        products, _programs, order = self._setup()
        self._deliver(order, {})
        order._create_invoices().action_post()
        self._deliver(order, {products["shirt"]: 0})
        credit_note = order._create_invoices(final=True)
        self.assertAlmostEqual(credit_note.amount_total, 20.0)
        self.assertEqual(len(credit_note.invoice_line_ids), 1)


@tagged("post_install", "-at_install", "retail_money")
class TestRetailPromotionSaleExplanation(RetailPromotionCaseMixin, TransactionCase):
    """The sale order says which promotions applied and why the others did not."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._retail_archive_other_programs()
        cls.partner = cls.env["res.partner"].create({"name": "Promo Buyer"})
        cls.cases = load_basket_cases()

    def test_applied_and_left_out_with_reasons(self):
        case = self.cases["exclusive_wins"]
        products, programs = self._retail_setup_case(case)
        tz = pytz.timezone(self.env["sale.order"].new()._get_program_timezone())
        # today and tomorrow off: the test may run across midnight
        weekday = datetime.now(tz).weekday()
        today, tomorrow = WEEKDAYS[weekday], WEEKDAYS[(weekday + 1) % 7]
        self.env["loyalty.program"].create(
            [
                {
                    "name": "Socks 20 % from 100",
                    "retail_promotion_type": "spend_discount",
                    "retail_product_ids": [Command.set(products["socks"].ids)],
                    "retail_min_amount": 100,
                    "retail_discount": 20,
                    "sale_ok": True,
                },
                {
                    "name": "Socks gift, not today",
                    "retail_promotion_type": "gift_article",
                    "retail_product_ids": [Command.set(products["socks"].ids)],
                    "retail_gift_product_id": products["socks"].id,
                    "sale_ok": True,
                    today: False,
                    tomorrow: False,
                },
            ]
        )
        order = self._retail_sale_order(self.partner, products, case["basket"])
        self._retail_apply_promotions(order)
        applied, left_out = order._retail_promotion_report()
        self.assertEqual(
            [(program.name, discount) for program, _rule, _lines, discount in applied],
            [("Socks 10 % from 10, exclusive", -1.8)],
        )
        self.assertEqual(applied[0][2].product_id, products["socks"])
        reasons = {program.name: reason for program, _rule, reason in left_out}
        self.assertIn("exclusive", reasons["Socks 3 for 2"])
        self.assertIn("A minimum of 100", reasons["Socks 20 % from 100"])
        self.assertIn("outside its days and hours", reasons["Socks gift, not today"])
        action = order.action_retail_explain_promotions()
        html = str(self.env[action["res_model"]].browse(action["res_id"]).explanation)
        self.assertIn("Socks 10 % from 10, exclusive", html)
        self.assertIn("Spend", html, "the rule in words")
        self.assertIn("Buy 3, pay 2", html)

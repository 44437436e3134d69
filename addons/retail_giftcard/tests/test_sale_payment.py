# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import GiftcardAccountingCommon


@tagged("post_install", "-at_install", "retail_money")
class TestGiftcardSalePayment(GiftcardAccountingCommon):
    """A gift card pays a confirmed sale order before it is invoiced: a customer
    payment on the liability side, reconciled with the order's invoice."""

    def _pay(self, order, amount, pin=None, number=None, card=None):
        wizard = (
            self.env["retail.giftcard.sale.pay"]
            .with_context(default_order_id=order.id)
            .create(
                {
                    "number": number or (card or self.card).code,
                    "pin": self.pin if pin is None else pin,
                    "amount": amount,
                }
            )
        )
        wizard.action_pay()
        return order.retail_giftcard_payment_ids.sorted("id")[-1:]

    def test_pay_part_of_order_then_invoice(self):
        order = self._order()
        total = order.amount_total
        self.assertGreater(order.amount_tax, 0)
        liability_before = self._balance(self.liability)
        receivable_before = self._balance(self.receivable, self.partner_a)
        payment = self._pay(order, 40)
        self.assertEqual(self.card.points, 60)
        self.assertEqual(payment.state, "paid")
        self.assertEqual(payment.move_id.state, "posted")
        self.assertRecordValues(
            payment.move_id.line_ids.sorted("balance"),
            [
                {"account_id": self.receivable.id, "balance": -40.0},
                {"account_id": self.liability.id, "balance": 40.0},
            ],
        )
        self.assertAlmostEqual(self._balance(self.liability) - liability_before, 40)
        self.assertAlmostEqual(
            self._balance(self.receivable, self.partner_a) - receivable_before, -40
        )
        self.assertRecordValues(
            order, [{"retail_giftcard_amount_paid": 40, "amount_total": total}]
        )
        self.assertAlmostEqual(order.retail_giftcard_amount_due, total - 40)
        redeem = self.card.history_ids.filtered(lambda row: row.retail_kind == "redeem")
        self.assertRecordValues(
            redeem,
            [
                {
                    "used": 40,
                    "order_model": "sale.order",
                    "order_id": order.id,
                    "retail_balance_after": 60,
                }
            ],
        )
        self.assertEqual(payment.move_id.retail_giftcard_history_id, redeem)

        invoice = self._invoice(order)
        self.assertAlmostEqual(invoice.amount_total, total, msg="full price and VAT")
        self.assertEqual(invoice.payment_state, "partial")
        self.assertAlmostEqual(invoice.amount_residual, total - 40)
        payment_receivable = payment.move_id.line_ids.filtered(
            lambda line: line.account_id == self.receivable
        )
        self.assertTrue(payment_receivable.reconciled)
        self.assertEqual(
            payment_receivable.matched_debit_ids.debit_move_id.move_id, invoice
        )
        self.assertAlmostEqual(self._balance(self.liability), -self.card.points)
        self.assertEqual(self.card._retail_check_balance_invariant(), {})

    def test_order_fully_paid_by_card(self):
        order = self._order(price=50)
        self._pay(order, order.amount_total)
        self.assertAlmostEqual(order.retail_giftcard_amount_due, 0)
        invoice = self._invoice(order)
        self.assertEqual(invoice.payment_state, "paid")
        self.assertAlmostEqual(self.card.points, 100 - invoice.amount_total)

    def test_refusals(self):
        order = self._order()
        with self.assertRaisesRegex(UserError, "Give the PIN"):
            self._pay(order, 10, pin="")
        wrong = "000000" if self.pin != "000000" else "111111"
        with self.assertRaisesRegex(UserError, "Wrong PIN"):
            self._pay(order, 10, pin=wrong)
        with self.assertRaisesRegex(UserError, "more than the"):
            self._pay(order, order.amount_total + 1)
        for amount in (-5, 0, math.nan, math.inf, True):
            with self.assertRaisesRegex(UserError, "positive"):
                order._retail_giftcard_pay(self.card.code, self.pin, amount)
        with self.assertRaisesRegex(UserError, "check digit"):
            self._pay(order, 5, number="440200000019")
        big = self._order(price=500)
        with self.assertRaisesRegex(UserError, "100.* available"):
            self._pay(big, 200)
        draft = self._order(confirm=False)
        with self.assertRaisesRegex(UserError, "Confirm order"):
            self._pay(draft, 10)
        self.assertEqual(self.card.points, 100)
        self.assertFalse(
            (order | big | draft).retail_giftcard_payment_ids, "nothing half-written"
        )

    def test_blocked_expired_and_invoiced(self):
        order = self._order()
        blocked, blocked_pin = self._loaded_card(50)
        blocked.action_retail_block("Stolen")
        with self.assertRaisesRegex(UserError, "blocked"):
            self._pay(order, 10, pin=blocked_pin, card=blocked)
        expired, expired_pin = self._loaded_card(50)
        expired.expiration_date = fields.Date.today() - timedelta(days=1)
        with self.assertRaisesRegex(UserError, "expired"):
            self._pay(order, 10, pin=expired_pin, card=expired)
        self._invoice(order)
        with self.assertRaisesRegex(UserError, "is invoiced"):
            self._pay(order, 10)
        self.assertEqual((blocked.points, expired.points), (50, 50))
        self.assertFalse(order.retail_giftcard_payment_ids)

    def test_same_request_twice(self):
        order = self._order()
        first = order._retail_giftcard_pay(
            self.card.code, self.pin, 30, request_key="req-1"
        )
        again = order._retail_giftcard_pay(
            self.card.code, self.pin, 30, request_key="req-1"
        )
        self.assertEqual(first, again)
        self.assertEqual(len(order.retail_giftcard_payment_ids), 1)
        self.assertEqual(self.card.points, 70)
        self.assertEqual(self._kinds(self.card), [("load", 100), ("redeem", -30)])

    def test_cancel_order_gives_back_once(self):
        order = self._order()
        liability_before = self._balance(self.liability)
        payment = self._pay(order, 40)
        order._action_cancel()
        self.assertEqual(order.state, "cancel")
        self.assertEqual(payment.state, "canceled")
        self.assertEqual(payment.move_id.state, "cancel")
        self.assertEqual(self.card.points, 100)
        self.assertEqual(
            self._kinds(self.card), [("load", 100), ("redeem", -40), ("reverse", 40)]
        )
        self.assertAlmostEqual(self._balance(self.liability), liability_before)
        with self.assertRaises(UserError):
            payment.action_cancel()
        self.assertEqual(self.card.points, 100, "given back once")
        self.assertEqual(self.card._retail_check_balance_invariant(), {})

    def test_cancel_payment_then_order(self):
        order = self._order()
        payment = self._pay(order, 25)
        with self.assertRaisesRegex(UserError, "cannot be reset to draft"):
            payment.action_draft()
        with self.assertRaisesRegex(UserError, "cannot be reset to draft"):
            payment.move_id.button_draft()
        payment.action_cancel()
        self.assertEqual(self.card.points, 100)
        self.assertAlmostEqual(order.retail_giftcard_amount_paid, 0)
        order._action_cancel()
        self.assertEqual(self.card.points, 100, "the order's cancel gives nothing more")
        self.assertEqual(
            self._kinds(self.card), [("load", 100), ("redeem", -25), ("reverse", 25)]
        )

    def test_cancel_invoiced_order_refused(self):
        order = self._order()
        self._pay(order, 40)
        self._invoice(order)
        with self.assertRaisesRegex(UserError, "credit note"):
            order._action_cancel()
        self.assertEqual(self.card.points, 60)

    def test_salesman_cancels_own_order_paid_by_card(self):
        """A salesman without invoicing rights cancels their order paid by a
        gift card (the order's Cancel button): the card gets its money back."""
        salesman = new_test_user(
            self.env,
            login="gift_sale_canceller",
            groups="sales_team.group_sale_salesman",
            company_id=self.env.company.id,
            company_ids=[Command.set(self.env.company.ids)],
        )
        order = self._order()
        order.user_id = salesman
        self._pay(order, 40)
        self.assertEqual(self.card.points, 60)
        order.with_user(salesman).action_cancel()
        self.assertEqual(order.state, "cancel")
        self.assertEqual(self.card.points, 100)
        self.assertEqual(
            self._kinds(self.card), [("load", 100), ("redeem", -40), ("reverse", 40)]
        )
        # another salesman's order stays theirs to cancel
        other = self._order()
        self._pay(other, 10)
        with self.assertRaises(AccessError):
            other.with_user(salesman).action_cancel()
        self.assertEqual(other.state, "sale")
        self.assertEqual(self.card.points, 90)


@tagged("post_install", "-at_install", "retail_security")
class TestGiftcardSalePaymentSecurity(GiftcardAccountingCommon):
    """Who may take a gift card payment on a sale order, and whose cards."""

    def test_salesman_cannot_pay(self):
        order = self._order()
        salesman = new_test_user(
            self.env,
            login="gift_sale_salesman",
            groups="sales_team.group_sale_salesman",
            company_id=self.env.company.id,
            company_ids=[Command.set(self.env.company.ids)],
        )
        with self.assertRaises(AccessError):
            self.env["retail.giftcard.sale.pay"].with_user(salesman).create(
                {
                    "order_id": order.id,
                    "number": self.card.code,
                    "pin": self.pin,
                    "amount": 10,
                }
            )
        self.assertEqual(self.card.points, 100)
        # their own order still shows what is due
        order.user_id = salesman
        self.assertAlmostEqual(
            order.with_user(salesman).retail_giftcard_amount_due, order.amount_total
        )

    def test_card_of_another_franchise_refused(self):
        other = self.setup_other_company()["company"]
        series = (
            self.env["retail.giftcard.series"]
            .with_company(other)
            .create(
                {
                    "name": "Franchise cards",
                    "prefix": "4403",
                    "number_length": 12,
                    "company_id": other.id,
                }
            )
        )
        card = self.env["loyalty.card"].browse(series._generate_cards(1))
        self.env["loyalty.card"]._retail_giftcard_load([{"card": card, "amount": 50}])
        pin = card._retail_set_secret()[card.id]
        order = self._order()
        with self.assertRaisesRegex(UserError, "not accepted"):
            order._retail_giftcard_pay(card.code, pin, 10)
        self.assertEqual(card.points, 50)
        # accepted once the franchise allows the group's other company
        series.allowed_company_ids = self.env.company
        order._retail_giftcard_pay(card.code, pin, 10)
        self.assertEqual(card.points, 40)

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math

from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tests import tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon


@tagged("post_install", "-at_install", "retail_money")
class TestGiftcardInvoicePayment(AccountTestInvoicingCommon):
    """A gift card pays part of a customer invoice: a payment, not a discount."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.group_ids |= cls.env.ref("retail_card.group_card_head_office")
        cls.series = cls.env["retail.giftcard.series"].create(
            {"name": "Invoice cards", "prefix": "4401", "number_length": 12}
        )
        cls.card = cls.env["loyalty.card"].browse(cls.series._generate_cards(1))
        cls.liability = cls.env.company.retail_giftcard_liability_account_id
        cls.card_sale = cls.env["retail.giftcard.load"].create(
            {
                "series_id": cls.series.id,
                "source": "cards",
                "card_ids": cls.card.ids,
                "amount": 100,
                "counterpart_account_id": cls.company_data[
                    "default_account_receivable"
                ].id,
            }
        )
        cls.card_sale.action_load()
        cls.pin = cls.card._retail_set_secret()[cls.card.id]
        cls.tax = cls.company_data["default_tax_sale"]
        cls.invoice = cls.init_invoice(
            "out_invoice", amounts=[100], taxes=cls.tax, post=True
        )

    def _balance(self, account):
        lines = self.env["account.move.line"].search(
            Domain("account_id", "=", account.id)
            & Domain("parent_state", "=", "posted")
        )
        return sum(lines.mapped("balance"))

    def _pay(self, amount, pin=None, number=None):
        wizard = self.env["retail.giftcard.invoice.pay"].create(
            {
                "move_id": self.invoice.id,
                "number": number or self.card.code,
                "pin": self.pin if pin is None else pin,
                "amount": amount,
            }
        )
        return wizard.action_pay()

    def test_pay_part_of_invoice(self):
        total = self.invoice.amount_total
        self.assertGreater(self.invoice.amount_tax, 0)
        liability_before = self._balance(self.liability)
        self._pay(40)
        self.assertEqual(self.card.points, 60)
        self.assertEqual(self.invoice.payment_state, "partial")
        self.assertAlmostEqual(self.invoice.amount_residual, total - 40)
        self.assertAlmostEqual(
            self.invoice.amount_tax, total - 100, msg="the VAT stays on the full price"
        )
        self.assertAlmostEqual(self._balance(self.liability) - liability_before, 40)
        self.assertAlmostEqual(self._balance(self.liability), -self.card.points)
        redeem = self.card.history_ids.filtered(lambda row: row.retail_kind == "redeem")
        self.assertRecordValues(
            redeem,
            [{"used": 40, "order_model": "account.move", "order_id": self.invoice.id}],
        )

    def test_refusals(self):
        with self.assertRaisesRegex(UserError, "Give the PIN"):
            self._pay(10, pin="")
        wrong = "000000" if self.pin != "000000" else "111111"
        with self.assertRaisesRegex(UserError, "Wrong PIN"):
            self._pay(10, pin=wrong)
        with self.assertRaisesRegex(UserError, "more than the"):
            self._pay(self.invoice.amount_total + 1)
        with self.assertRaisesRegex(UserError, "positive"):
            self._pay(-5)
        for amount in (math.nan, math.inf):
            with self.assertRaisesRegex(UserError, "positive"):
                self.invoice._retail_giftcard_pay(self.card.code, self.pin, amount)
        with self.assertRaisesRegex(UserError, "check digit"):
            self._pay(5, number="440100000019")
        big = self.init_invoice("out_invoice", amounts=[500], taxes=self.tax, post=True)
        with self.assertRaisesRegex(UserError, "100.* available"):
            self.env["retail.giftcard.invoice.pay"].create(
                {
                    "move_id": big.id,
                    "number": self.card.code,
                    "pin": self.pin,
                    "amount": 200,
                }
            ).action_pay()
        self.assertEqual(self.card.points, 100)
        self.assertEqual(self.invoice.payment_state, "not_paid")

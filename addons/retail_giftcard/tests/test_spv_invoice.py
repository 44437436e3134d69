# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tests import tagged

from .common import GiftcardAccountingCommon


@tagged("post_install", "-at_install", "retail_money")
class TestGiftcardSpvInvoice(GiftcardAccountingCommon):
    """Single-purpose vouchers loaded in the back office and spent on invoices and
    sale orders: VAT at issue, the correction on each payment, credit notes and
    cancellations reversing it once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        tags = cls.env["account.account.tag"].create(
            [
                {
                    "name": name,
                    "applicability": "taxes",
                    "country_id": cls.env.company.account_fiscal_country_id.id,
                }
                for name in ("Base 21", "VAT 21", "Refund base 21", "Refund VAT 21")
            ]
        )
        cls.tag_base, cls.tag_vat, cls.tag_refund_base, cls.tag_refund_vat = tags
        cls.vat_account = cls.company_data["default_account_tax_sale"]

        def repartition(base_tag, tax_tag):
            return [
                Command.create(
                    {"repartition_type": "base", "tag_ids": [Command.set(base_tag.ids)]}
                ),
                Command.create(
                    {
                        "repartition_type": "tax",
                        "account_id": cls.vat_account.id,
                        "tag_ids": [Command.set(tax_tag.ids)],
                    }
                ),
            ]

        cls.tax21 = cls.env["account.tax"].create(
            {
                "name": "VAT 21% included",
                "amount": 21,
                "amount_type": "percent",
                "type_tax_use": "sale",
                "price_include_override": "tax_included",
                "invoice_repartition_line_ids": repartition(cls.tag_base, cls.tag_vat),
                "refund_repartition_line_ids": repartition(
                    cls.tag_refund_base, cls.tag_refund_vat
                ),
            }
        )
        cls.spv_series = cls.env["retail.giftcard.series"].create(
            {
                "name": "Book vouchers",
                "prefix": "4410",
                "number_length": 12,
                "voucher_type": "single",
                "tax_id": cls.tax21.id,
            }
        )
        cls.deferred = cls.spv_series.deferred_income_account_id
        cls.counterpart = cls.company_data["default_account_receivable"]
        cls.voucher = cls.env["loyalty.card"].browse(cls.spv_series._generate_cards(1))
        cls.load = cls.env["retail.giftcard.load"].create(
            {
                "series_id": cls.spv_series.id,
                "source": "cards",
                "card_ids": cls.voucher.ids,
                "amount": 242,
                "counterpart_account_id": cls.counterpart.id,
            }
        )
        cls.load.action_load()
        cls.voucher_pin = cls.voucher._retail_set_secret()[cls.voucher.id]
        cls.books = cls._create_product(
            name="Books",
            type="service",
            invoice_policy="order",
            lst_price=121.0,
            taxes_id=cls.tax21,
        )

    def _tagged(self, tag):
        lines = self.env["account.move.line"].search(
            Domain("tax_tag_ids", "in", tag.ids) & Domain("parent_state", "=", "posted")
        )
        return sum(lines.mapped("balance"))

    def _vat_report(self):
        """Base and VAT of the 21 % rate as the tax report adds them up."""
        return (
            -(self._tagged(self.tag_base) + self._tagged(self.tag_refund_base)),
            -(self._tagged(self.tag_vat) + self._tagged(self.tag_refund_vat)),
        )

    def _invoice_books_and_tailoring(self):
        """Books of 121 (21 % included) and tailoring of 80 (+15 %)."""
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.partner_a.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": self.books.id,
                            "price_unit": 121,
                            "tax_ids": [Command.set(self.tax21.ids)],
                        }
                    ),
                    Command.create(
                        {
                            "product_id": self.service.id,
                            "price_unit": 80,
                            "tax_ids": [Command.set(self.tax.ids)],
                        }
                    ),
                ],
            }
        )
        invoice.action_post()
        return invoice

    def _spend(self, document, amount):
        return document._retail_giftcard_pay(
            self.voucher.code, self.voucher_pin, amount
        )

    def test_bulk_load_books_vat_at_issue(self):
        move = self.env["account.move"].browse(
            self.voucher.history_ids.filtered(
                lambda row: row.retail_kind == "load"
            ).order_id
        )
        self.assertEqual(move.state, "posted")
        self.assertRecordValues(
            move.line_ids.sorted("balance"),
            [
                {"account_id": self.deferred.id, "balance": -200},
                {"account_id": self.vat_account.id, "balance": -42},
                {"account_id": self.counterpart.id, "balance": 242},
            ],
        )
        self.assertEqual(move.line_ids.tax_tag_ids, self.tag_base | self.tag_vat)
        self.assertEqual(self._vat_report(), (200, 42))
        self.assertEqual(self.voucher.points, 242)

    def test_invoice_paid_by_voucher_then_credit_note(self):
        invoice = self._invoice_books_and_tailoring()
        self.assertAlmostEqual(invoice.amount_total, 213)
        liability = self._balance(self.liability)
        with self.assertRaisesRegex(UserError, "pay only goods with VAT 21%.*121"):
            self._spend(invoice, 150)
        self.assertEqual(self.voucher.points, 242, "the refused payment takes nothing")
        entry = self._spend(invoice, 121)
        self.assertEqual(self.voucher.points, 121)
        self.assertEqual(invoice.amount_residual, 92)
        correction = entry.retail_giftcard_spv_move_id
        self.assertEqual(correction.state, "posted")
        self.assertRecordValues(
            correction.line_ids.sorted("balance"),
            [
                {"account_id": self.liability.id, "balance": -121},
                {"account_id": self.vat_account.id, "balance": 21},
                {"account_id": self.deferred.id, "balance": 100},
            ],
        )
        self.assertEqual(
            correction.line_ids.tax_tag_ids, self.tag_refund_base | self.tag_refund_vat
        )
        self.assertAlmostEqual(self._balance(self.liability), liability)
        self.assertAlmostEqual(self._balance(self.deferred), -100)
        # vouchers 200 + 42, books 100 + 21 taken back out: counted once
        self.assertEqual(self._vat_report(), (200, 42))
        with self.assertRaisesRegex(UserError, r"has \$\s0\.00 of them left"):
            self._spend(invoice, 1)
        # the credit note gives the voucher's money back and the VAT correction
        reversal = (
            self.env["account.move.reversal"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"journal_id": invoice.journal_id.id, "reason": "Returned"})
        )
        reversal.refund_moves()
        reversal.new_move_ids.action_post()
        self.assertEqual(self.voucher.points, 242)
        back = self.env["account.move"].search(
            [
                ("retail_giftcard_id", "=", self.voucher.id),
                ("retail_giftcard_history_id.retail_kind", "=", "refund"),
            ]
        )
        self.assertRecordValues(
            back.retail_giftcard_spv_move_id.line_ids.sorted("balance"),
            [
                {"account_id": self.deferred.id, "balance": -100},
                {"account_id": self.vat_account.id, "balance": -21},
                {"account_id": self.liability.id, "balance": 121},
            ],
        )
        self.assertAlmostEqual(self._balance(self.deferred), -200)
        self.assertAlmostEqual(self._balance(self.liability), liability)
        self.assertEqual(self._vat_report(), (200, 42))
        self.assertEqual(self.voucher._retail_check_balance_invariant(), {})

    def test_sale_order_payment_cancelled_once(self):
        order = self._order(price=80.0)
        with self.assertRaisesRegex(UserError, "pay only goods with VAT 21%"):
            self._spend(order, 10)
        order = self.env["sale.order"].create(
            {
                "partner_id": self.partner_a.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.books.id,
                            "product_uom_qty": 2,
                            "tax_ids": [Command.set(self.tax21.ids)],
                        }
                    )
                ],
            }
        )
        order.action_confirm()
        payment = self._spend(order, 60.5)
        correction = payment.move_id.retail_giftcard_spv_move_id
        self.assertRecordValues(
            correction.line_ids.sorted("balance"),
            [
                {"account_id": self.liability.id, "balance": -60.5},
                {"account_id": self.vat_account.id, "balance": 10.5},
                {"account_id": self.deferred.id, "balance": 50},
            ],
        )
        self.assertEqual(self.voucher.points, 181.5)
        self.assertAlmostEqual(self._balance(self.deferred), -150)
        order._action_cancel()
        self.assertEqual(payment.state, "canceled")
        self.assertEqual(correction.state, "cancel")
        self.assertEqual(self.voucher.points, 242, "back onto the voucher once")
        self.assertAlmostEqual(self._balance(self.deferred), -200)
        self.assertEqual(self._vat_report(), (200, 42))
        self.assertEqual(self.voucher._retail_check_balance_invariant(), {})

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.fields import Domain
from odoo.tests import tagged

from .common import GiftcardPosCommon


@tagged("post_install", "-at_install", "retail_money")
class TestGiftcardSpvPos(GiftcardPosCommon):
    """Single-purpose vouchers (VAT of 21 % known at sale) sold and spent at the
    till, down to the posted entries and the tax tags."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tax21 = cls.taxes["tax21"]
        cls.series.write({"voucher_type": "single", "tax_id": cls.tax21.id})
        cls.deferred = cls.series.deferred_income_account_id
        cls.shoes = cls.create_product(
            "Shoes",
            cls.categ_basic,
            121.0,
            tax_ids=cls.tax21.ids,
            sale_account=cls.sales_account,
        )

    # helpers ------------------------------------------------------------

    def _sale_line(self, card, amount, quantity=1, **values):
        net = self.series._spv_split(amount)[0]
        return super()._sale_line(
            card,
            amount,
            quantity,
            **{"price_subtotal": net * quantity, **values},
        )

    def _tagged(self, tag):
        """What the tax report reads on a tag: the balance of posted lines."""
        lines = self.env["account.move.line"].search(
            Domain("tax_tag_ids", "in", tag.ids) & Domain("parent_state", "=", "posted")
        )
        return sum(lines.mapped("balance"))

    def _vat_report(self):
        """Base and VAT of the 21 % rate as the tax report adds them up: invoice
        tags minus refund tags (both carried with their balance's sign)."""
        return (
            -(
                self._tagged(self.tax_tag_invoice_base)
                + self._tagged(self.tax_tag_refund_base)
            ),
            -(
                self._tagged(self.tax_tag_invoice_tax)
                + self._tagged(self.tax_tag_refund_tax)
            ),
        )

    # tests --------------------------------------------------------------

    def test_series_product_carries_vat(self):
        product = self.series.product_id
        self.assertEqual(product.taxes_id, self.tax21)
        self.assertEqual(
            product.with_company(self.company).property_account_income_id, self.deferred
        )
        self.assertEqual(self.deferred.account_type, "liability_current")
        self.assertNotEqual(self.deferred, self.liability)

    def test_sell_then_pay_goods_vat_counted_once(self):
        card = self.cards[0]
        sale = self._sell(card, 121)
        self.assertEqual(card.points, 121)
        self.assertAlmostEqual(sale.amount_tax, 21, msg="VAT charged at issue")
        order = self._sync(
            self._order_data([(self.shoes, 1)], [self._card_payment(card, 121)])
        )
        self.assertEqual(order.state, "paid")
        self.assertEqual(card.points, 0)
        session = self._close_session()
        self.assertEqual(len(session.retail_giftcard_spv_move_ids), 1)
        correction = session.retail_giftcard_spv_move_ids
        self.assertEqual(correction.state, "posted")
        self.assertRecordValues(
            correction.line_ids.sorted("balance"),
            [
                {
                    "account_id": self.liability.id,
                    "balance": -121,
                    "tax_tag_ids": [],
                },
                {
                    "account_id": self.tax_received_account.id,
                    "balance": 21,
                    "tax_tag_ids": self.tax_tag_refund_tax.ids,
                },
                {
                    "account_id": self.deferred.id,
                    "balance": 100,
                    "tax_tag_ids": self.tax_tag_refund_base.ids,
                },
            ],
        )
        # voucher sold (Cr deferred 100, VAT 21), shoes sold (Cr sales 100, VAT
        # 21), correction (Dr deferred 100, VAT 21, Cr liability 121)
        self.assertAlmostEqual(self._balance(self.deferred), 0)
        self.assertAlmostEqual(self._balance(self.liability), 0)
        self.assertAlmostEqual(self._balance(self.sales_account), -100)
        self.assertAlmostEqual(self._balance(self.tax_received_account), -21)
        self.assertEqual(self._vat_report(), (100, 21), "VAT reported once")

    def test_partial_payment_and_refund_reverse_once(self):
        card = self.cards[0]
        self._sell(card, 242)
        order = self._sync(
            self._order_data(
                [(self.shoes, 1)],
                [self._card_payment(card, 60.5), (self.cash_pm1, 60.5, {})],
            )
        )
        self.assertEqual(card.points, 181.5)
        refund = self._sync(
            self._order_data(
                [
                    {
                        "product": self.shoes,
                        "quantity": -1,
                        "refunded_orderline_id": order.lines.id,
                    }
                ],
                [(self.gift_pm, -60.5, {}), (self.cash_pm1, -60.5, {})],
                is_refund=True,
            )
        )
        self.assertEqual(refund.state, "paid")
        self.assertEqual(card.points, 242, "the voucher's part goes back onto it")
        self.assertEqual(card._retail_check_balance_invariant(), {})
        session = self._close_session()
        # paid and given back in the same session: nothing to correct
        self.assertFalse(session.retail_giftcard_spv_move_ids)
        self.assertAlmostEqual(self._balance(self.deferred), -200)
        self.assertAlmostEqual(self._balance(self.tax_received_account), -42)
        self.assertAlmostEqual(self._balance(self.liability), 0)
        self.assertEqual(self._vat_report(), (200, 42))

    def test_refund_in_a_later_session(self):
        card = self.cards[0]
        self._sell(card, 121)
        order = self._sync(
            self._order_data(
                [(self.shoes, 1)],
                [self._card_payment(card, 60.5), (self.cash_pm1, 60.5, {})],
            )
        )
        first = self._close_session()
        self.assertRecordValues(
            first.retail_giftcard_spv_move_ids.line_ids.sorted("balance"),
            [
                {"account_id": self.liability.id, "balance": -60.5},
                {"account_id": self.tax_received_account.id, "balance": 10.5},
                {"account_id": self.deferred.id, "balance": 50},
            ],
        )
        self.assertAlmostEqual(self._balance(self.deferred), -50)
        self.open_new_session()
        data = self._order_data(
            [
                {
                    "product": self.shoes,
                    "quantity": -1,
                    "refunded_orderline_id": order.lines.id,
                }
            ],
            [(self.gift_pm, -60.5, {}), (self.cash_pm1, -60.5, {})],
            is_refund=True,
        )
        self._sync(data)
        self._sync(data)  # the same refund synchronised twice
        self.assertEqual(card.points, 121)
        second = self._close_session()
        self.assertRecordValues(
            second.retail_giftcard_spv_move_ids.line_ids.sorted("balance"),
            [
                {
                    "account_id": self.deferred.id,
                    "balance": -50,
                    "tax_tag_ids": self.tax_tag_invoice_base.ids,
                },
                {
                    "account_id": self.tax_received_account.id,
                    "balance": -10.5,
                    "tax_tag_ids": self.tax_tag_invoice_tax.ids,
                },
                {"account_id": self.liability.id, "balance": 60.5, "tax_tag_ids": []},
            ],
        )
        # back to the voucher just sold: deferred 100, VAT 21. (The liability
        # is not checked here: Odoo 19 books a session whose gift card payments
        # add up to a negative amount on the outstanding account on both sides;
        # see ROADMAP.)
        self.assertAlmostEqual(self._balance(self.deferred), -100)
        self.assertAlmostEqual(self._balance(self.tax_received_account), -21)
        self.assertEqual(self._vat_report(), (100, 21))

    def test_goods_of_another_vat_refused(self):
        card = self.cards[0]
        self._sell(card, 121)
        # a jacket with 7 % VAT: the voucher cannot pay it
        self._refused_sync(
            self._order_data(
                [(self.goods, 1)],
                [self._card_payment(card, 50), (self.cash_pm1, 57, {})],
            ),
            "pay only goods with Tax 21%.*0.00.*not.*50.00",
        )
        # shoes and a jacket: at most the shoes' 121
        self._refused_sync(
            self._order_data(
                [(self.shoes, 1), (self.goods, 1)],
                [self._card_payment(card, 121.01), (self.cash_pm1, 106.99, {})],
            ),
            "has .*121.00.* of them",
        )
        self.assertEqual(card.points, 121)
        order = self._sync(
            self._order_data(
                [(self.shoes, 1), (self.goods, 1)],
                [self._card_payment(card, 121), (self.cash_pm1, 107, {})],
            )
        )
        self.assertEqual(order.state, "paid")
        self.assertEqual(card.points, 0)

    def test_breakage_keeps_vat(self):
        card = self.cards[0]
        self._sell(card, 121)
        self._sync(
            self._order_data(
                [(self.shoes, 1)],
                [self._card_payment(card, 60.5), (self.cash_pm1, 60.5, {})],
            )
        )
        self._close_session()
        today = fields.Date.context_today(self.env.user)
        card.expiration_date = today - timedelta(days=1)
        card._retail_expire(today)
        self.assertEqual((card.retail_state, card.points), ("expired", 0))
        breakage = card.history_ids.filtered(lambda row: row.retail_kind == "breakage")
        self.assertEqual(breakage.used, 60.5)
        move = self.env["account.move"].browse(breakage.order_id)
        breakage_account = self.company.retail_giftcard_breakage_account_id
        self.assertRecordValues(
            move.line_ids.sorted("balance"),
            [
                {"account_id": breakage_account.id, "balance": -50},
                {"account_id": self.deferred.id, "balance": 50},
            ],
        )
        self.assertAlmostEqual(self._balance(self.deferred), 0)
        self.assertAlmostEqual(self._balance(breakage_account), -50)
        # VAT of the voucher (21) and of the half of the shoes paid in cash
        self.assertAlmostEqual(
            self._balance(self.tax_received_account), -31.5, msg="the VAT stays"
        )
        self.assertEqual(self._vat_report(), (150, 31.5))
        # the outstanding report is the multi-purpose cards' liability
        rows = self.env["loyalty.card"]._retail_giftcard_outstanding(
            today, self.company
        )
        self.assertEqual(sum(row["amount"] for row in rows), 0)

    def test_voucher_type_rules(self):
        series = self.series
        with (
            self.assertRaisesRegex(ValidationError, "needs the VAT"),
            self.env.cr.savepoint(),
        ):
            self.env["retail.giftcard.series"].create(
                {"name": "No VAT", "prefix": "6611", "voucher_type": "single"}
            )
        purchase_tax = self.tax21.copy({"type_tax_use": "purchase"})
        excluded = self.taxes["tax7"]
        for prefix, tax, message in (
            ("6612", purchase_tax, "is not a sales tax"),
            ("6613", excluded, "percentage included in the price"),
            ("6614", self.taxes["tax_group_7_10"], "percentage included in the price"),
        ):
            with (
                self.assertRaisesRegex(ValidationError, message),
                self.env.cr.savepoint(),
            ):
                self.env["retail.giftcard.series"].create(
                    {
                        "name": "Bad VAT",
                        "prefix": prefix,
                        "voucher_type": "single",
                        "tax_id": tax.id,
                    }
                )
        with (
            self.assertRaisesRegex(ValidationError, "cannot be the gift card"),
            self.env.cr.savepoint(),
        ):
            series.deferred_income_account_id = self.liability
        # no card holds money yet: the type may change, and the product follows
        series.voucher_type = "multi"
        self.assertFalse(series.product_id.taxes_id)
        self.assertEqual(
            series.product_id.with_company(self.company).property_account_income_id,
            self.liability,
        )
        series.voucher_type = "single"
        self.assertEqual(series.product_id.taxes_id, self.tax21)
        self._sell(self.cards[0], 121)
        with (
            self.assertRaisesRegex(ValidationError, "has cards with a balance"),
            self.env.cr.savepoint(),
        ):
            series.voucher_type = "multi"
        with (
            self.assertRaisesRegex(ValidationError, "has cards with a balance"),
            self.env.cr.savepoint(),
        ):
            series.tax_id = self.taxes["tax10"]
        series.name = "Shoe vouchers"  # other fields still change
        self.assertEqual(series.voucher_type, "single")

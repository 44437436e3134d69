# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Refunds paid out as store credit on the customer's eWallet, as the till
syncs them: the normal cases beside forged amounts, a refund credited twice
and bad input."""

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.retail_giftcard.tests.common import GiftcardPosCommon


@tagged("post_install", "-at_install", "retail_security")
class TestStoreCreditEwallet(GiftcardPosCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ewallet = cls.env["loyalty.program"].create(
            {
                "name": "Store credit eWallet",
                "program_type": "ewallet",
                "company_id": cls.company.id,
            }
        )
        cls.ewallet_liability = (
            cls.env["account.account"]
            .sudo()
            .create(
                {
                    "name": "eWallets outstanding",
                    "code": "419301",
                    "account_type": "liability_current",
                }
            )
        )
        journal = cls.env["account.journal"].create(
            {
                "name": "Store credit",
                "code": "SCRE",
                "type": "bank",
                "company_id": cls.company.id,
            }
        )
        cls.ewallet_pm = cls.env["pos.payment.method"].create(
            {
                "name": "eWallet",
                "journal_id": journal.id,
                "outstanding_account_id": cls.ewallet_liability.id,
                "retail_credit_ewallet_program_id": cls.ewallet.id,
                "company_id": cls.company.id,
            }
        )
        cls.customer = cls.env["res.partner"].create({"name": "Lucía Ortega"})
        cls.other_customer = cls.env["res.partner"].create({"name": "Marc Dubois"})
        cls.coat = cls.create_product("Coat", cls.categ_basic, 30.0)

    def _till_payment_methods(self):
        return self.cash_pm1 | self.bank_pm1 | self.ewallet_pm

    # helpers ------------------------------------------------------------

    def _sold_coats(self, quantity=1):
        return self._sync(
            self._order_data(
                [(self.coat, quantity)],
                [(self.bank_pm1, 30 * quantity, {})],
                partner_id=self.customer.id,
            )
        )

    def _refund_data(self, sale, amount=-30, line=None, **order):
        line = {
            "product": self.coat,
            "quantity": -1,
            "refunded_orderline_id": sale.lines.id,
            **(line or {}),
        }
        order.setdefault("partner_id", self.customer.id)
        return self._order_data(
            [line], [(self.ewallet_pm, amount, {})], is_refund=True, **order
        )

    def _ewallets(self):
        return self.env["loyalty.card"].search([("program_id", "=", self.ewallet.id)])

    def _ledger(self, card):
        return card.history_ids.filtered("retail_kind").sorted("id")

    def _assert_nothing_written(self, data):
        self.assertFalse(self._ewallets(), "no eWallet opened")
        self.assertFalse(
            self.env["pos.order"].search([("uuid", "=", data["uuid"])]),
            "the refused refund is not written",
        )

    # the normal cases ---------------------------------------------------

    def test_refund_to_new_ewallet_writes_ledger_row_and_liability(self):
        sale = self._sold_coats()
        data = self._refund_data(sale)
        answer = self.env["pos.order"].sync_from_ui([data])
        refund = self.env["pos.order"].search([("uuid", "=", data["uuid"])])
        self.assertEqual(refund.state, "paid")
        card = self._ewallets()
        self.assertRecordValues(card, [{"partner_id": self.customer.id, "points": 30}])
        self.assertEqual(refund.payment_ids.retail_giftcard_id, card)
        self.assertRecordValues(
            self._ledger(card),
            [
                {
                    "retail_kind": "refund",
                    "issued": 30,
                    "used": 0,
                    "order_model": "pos.order",
                    "order_id": refund.id,
                    "retail_balance_after": 30,
                }
            ],
        )
        self.assertEqual(card._retail_check_balance_invariant(), {})
        # the till gets the eWallet's number for the receipt in the answer only
        [payment] = [
            values
            for values in answer["pos.payment"]
            if values["pos_order_id"] == refund.id
        ]
        self.assertEqual(payment["retail_credit_card_code"], card.code)
        # the liability entry: the eWallets' liability holds what they hold
        self._close_session()
        lines = self.env["account.move.line"].search(
            [
                ("account_id", "=", self.ewallet_liability.id),
                ("parent_state", "=", "posted"),
            ]
        )
        self.assertEqual(lines.mapped("credit"), [30])
        self.assertAlmostEqual(
            self._balance(self.ewallet_liability),
            -sum(self._ewallets().mapped("points")),
        )

    def test_refund_to_the_customers_existing_ewallet(self):
        card = self.env["loyalty.card"].create(
            {"program_id": self.ewallet.id, "partner_id": self.customer.id}
        )
        other = self.env["loyalty.card"].create(
            {"program_id": self.ewallet.id, "partner_id": self.other_customer.id}
        )
        refund = self._sync(self._refund_data(self._sold_coats()))
        self.assertEqual(refund.state, "paid")
        self.assertEqual(self._ewallets(), card | other, "no new eWallet")
        self.assertEqual((card.points, other.points), (30, 0))
        self._sync(self._refund_data(self._sold_coats()))
        self.assertEqual(card.points, 60)
        self.assertEqual(self._ledger(card).mapped("retail_kind"), ["refund"] * 2)

    # a refund credited twice --------------------------------------------

    def test_refund_credited_twice_is_refused(self):
        sale = self._sold_coats()
        data = self._refund_data(sale)
        first = self._sync(
            dict(data, payment_ids=[list(command) for command in data["payment_ids"]])
        )
        # the same refund synced again: the order it already is, nothing more
        self.assertEqual(self._sync(data), first)
        first._retail_giftcard_post()
        # the same coat refunded again: nothing left to refund
        self._refused_sync(self._refund_data(sale), r"units returned, 0(\.0)? left")
        card = self._ewallets()
        self.assertEqual((len(card), card.points), (1, 30))
        self.assertEqual(len(self._ledger(card)), 1)

    # forged amounts -----------------------------------------------------

    def test_forged_amounts_are_refused(self):
        sale = self._sold_coats()
        more_than_refunded = self._refund_data(
            sale, amount=-80, amount_total=-80, amount_paid=-80
        )
        self._refused_sync(more_than_refunded, r"may give back \S*\s?30\.00")
        self._assert_nothing_written(more_than_refunded)
        above_the_price_paid = self._refund_data(
            sale, amount=-80, line={"price_unit": 80}
        )
        self._refused_sync(above_the_price_paid, r"refunded at \S*\s?80")
        self._assert_nothing_written(above_the_price_paid)

    # bad input ----------------------------------------------------------

    def test_bad_input_is_refused_and_writes_nothing(self):
        sale = self._sold_coats()
        cases = [
            (
                self._order_data([(self.coat, 1)], [(self.ewallet_pm, 30, {})]),
                "pays only a refund out",
            ),
            (
                self._order_data(
                    [{"product": self.coat, "quantity": -1}],
                    [(self.ewallet_pm, -30, {})],
                    partner_id=self.customer.id,
                ),
                "only by a refund of sold goods",
            ),
            (self._refund_data(sale, partner_id=False), "Choose the customer"),
        ]
        for data, message in cases:
            with self.subTest(message=message):
                self._refused_sync(data, message)
                self._assert_nothing_written(data)
        # an eWallet of another company, or no liability account, is refused
        other_company = self.env["res.company"].create({"name": "Franchisee B"})
        program_b = (
            self.env["loyalty.program"]
            .with_company(other_company)
            .create(
                {
                    "name": "B eWallet",
                    "program_type": "ewallet",
                    "company_id": other_company.id,
                }
            )
        )
        values = {
            "name": "Another store credit method",
            "journal_id": self.ewallet_pm.journal_id.id,
            "outstanding_account_id": self.ewallet_liability.id,
            "retail_credit_ewallet_program_id": program_b.id,
        }
        Method = self.env["pos.payment.method"]
        with self.assertRaisesRegex(ValidationError, "eWallet program of its company"):
            Method.create(values)
        income = self.cash_pm1.journal_id.default_account_id
        with self.assertRaisesRegex(ValidationError, "current liability account"):
            Method.create(
                dict(
                    values,
                    retail_credit_ewallet_program_id=self.ewallet.id,
                    outstanding_account_id=income.id,
                )
            )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Refunds paid out as store credit on gift cards, as the till syncs them:
the normal case beside each attack (forged amounts, replays, other companies,
bad input)."""

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.retail_giftcard.tests.common import GiftcardPosCommon


@tagged("post_install", "-at_install", "retail_security")
class TestStoreCredit(GiftcardPosCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.credit_series = cls.env["retail.giftcard.series"].create(
            {"name": "Store credit", "prefix": "6602", "number_length": 12}
        )
        cls.config.retail_credit_series_id = cls.credit_series
        cls.customer = cls.env["res.partner"].create({"name": "Lucía Ortega"})
        cls.other_customer = cls.env["res.partner"].create({"name": "Marc Dubois"})
        cls.coat = cls.create_product("Coat", cls.categ_basic, 30.0)
        cls.cashier = new_test_user(
            cls.env,
            login="credit_cashier",
            groups="base.group_user,point_of_sale.group_pos_user,"
            "retail_card.group_card_cashier",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )

    def _till_payment_methods(self):
        return self.cash_pm1 | self.bank_pm1 | self.gift_pm

    # helpers ------------------------------------------------------------

    def _sold_coats(self, quantity=1):
        return self._sync(
            self._order_data(
                [(self.coat, quantity)],
                [(self.bank_pm1, 30 * quantity, {})],
                partner_id=self.customer.id,
            )
        )

    def _refund_data(self, sale, payment_extra, amount=-30, line=None, **order):
        line = {
            "product": self.coat,
            "quantity": -1,
            "refunded_orderline_id": sale.lines.id,
            **(line or {}),
        }
        return self._order_data(
            [line],
            [(self.gift_pm, amount, payment_extra)],
            partner_id=self.customer.id,
            is_refund=True,
            **order,
        )

    def _new_card(self):
        return {"retail_credit_new_card": True}

    def _credit_cards(self):
        return self.env["loyalty.card"].search(
            [("retail_series_id", "=", self.credit_series.id)]
        )

    def _ledger(self, card):
        return card.history_ids.filtered("retail_kind").sorted("id")

    def _assert_nothing_written(self, data):
        self.assertFalse(self._credit_cards(), "no card issued")
        self.assertFalse(
            self.env["pos.order"].search([("uuid", "=", data["uuid"])]),
            "the refused refund is not written",
        )

    # the normal case ----------------------------------------------------

    def test_refund_to_new_card_writes_ledger_row_and_liability(self):
        sale = self._sold_coats()
        data = self._refund_data(sale, self._new_card())
        answer = self.env["pos.order"].sync_from_ui([data])
        refund = self.env["pos.order"].search([("uuid", "=", data["uuid"])])
        self.assertEqual(refund.state, "paid")
        card = refund.payment_ids.retail_giftcard_id
        self.assertEqual(card, self._credit_cards(), "one new card")
        self.assertRecordValues(
            card,
            [
                {
                    "retail_series_id": self.credit_series.id,
                    "partner_id": self.customer.id,
                    "retail_state": "active",
                    "points": 30,
                }
            ],
        )
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
        # the till gets the number for the receipt in the sync's answer only
        [payment] = [
            values
            for values in answer["pos.payment"]
            if values["pos_order_id"] == refund.id
        ]
        self.assertEqual(payment["retail_credit_card_code"], card.code)
        [read_back] = refund.read_pos_data([], self.config)["pos.payment"]
        self.assertFalse(read_back["retail_credit_card_code"])
        # the liability entry, and the GL equals the outstanding balances
        self._close_session()
        liability_lines = self.env["account.move.line"].search(
            [("account_id", "=", self.liability.id), ("parent_state", "=", "posted")]
        )
        self.assertEqual(liability_lines.mapped("credit"), [30])
        today = fields.Date.context_today(self.env.user)
        outstanding = self.env["loyalty.card"]._retail_giftcard_outstanding(
            today, self.company
        )
        self.assertAlmostEqual(sum(row["amount"] for row in outstanding), 30)
        self.assertAlmostEqual(self._balance(self.liability), -30)

    def test_refund_to_existing_card_of_the_customer(self):
        card = self.env["loyalty.card"].browse(self.credit_series._generate_cards(1))
        card.sudo().partner_id = self.customer
        self.env["loyalty.card"]._retail_giftcard_load([{"card": card, "amount": 10}])
        sale = self._sold_coats()
        refund = self._sync(
            self._refund_data(sale, {"retail_giftcard_code": card.code})
        )
        self.assertEqual(refund.state, "paid")
        self.assertEqual(card.points, 40)
        self.assertEqual(self._ledger(card).mapped("retail_kind"), ["load", "refund"])
        self.assertEqual(len(self._credit_cards()), 1, "no new card")

    # replays ------------------------------------------------------------

    def test_same_refund_synced_twice_credits_once(self):
        sale = self._sold_coats()
        data = self._refund_data(sale, self._new_card())
        first = self._sync(
            dict(data, payment_ids=[list(command) for command in data["payment_ids"]])
        )
        again = self._sync(data)
        self.assertEqual(first, again)
        # the order's movements posted again (the server's own replay)
        first._retail_giftcard_post()
        card = self._credit_cards()
        self.assertEqual(len(card), 1)
        self.assertEqual(card.points, 30)
        self.assertEqual(len(self._ledger(card)), 1)

    # forged amounts -----------------------------------------------------

    def test_forged_amount_is_refused(self):
        sale = self._sold_coats()
        more_than_refunded = self._refund_data(
            sale, self._new_card(), amount=-80, amount_total=-80, amount_paid=-80
        )
        self._refused_sync(more_than_refunded, r"may give back \S*\s?30\.00")
        self._assert_nothing_written(more_than_refunded)
        above_the_price_paid = self._refund_data(
            sale, self._new_card(), amount=-80, line={"price_unit": 80}
        )
        self._refused_sync(above_the_price_paid, r"refunded at \S*\s?80")
        self._assert_nothing_written(above_the_price_paid)
        # the real refund, then the same coat again: nothing left to refund
        self._sync(self._refund_data(sale, self._new_card()))
        again = self._refund_data(sale, self._new_card())
        self._refused_sync(again, r"units returned, 0(\.0)? left")
        self.assertEqual(len(self._credit_cards()), 1)
        self.assertEqual(self._credit_cards().points, 30)

    # companies ----------------------------------------------------------

    def test_cashier_of_the_store_and_of_another_company(self):
        sale = self._sold_coats()
        data = self._refund_data(sale, self._new_card())
        self.env["pos.order"].with_user(self.cashier).sync_from_ui([data])
        self.assertEqual(self._credit_cards().points, 30)
        company_b = self.env["res.company"].create({"name": "Franchisee B"})
        cashier_b = new_test_user(
            self.env,
            login="credit_cashier_b",
            groups="base.group_user,point_of_sale.group_pos_user,"
            "retail_card.group_card_cashier",
            company_id=company_b.id,
            company_ids=[(6, 0, company_b.ids)],
        )
        sale = self._sold_coats()
        data = self._refund_data(sale, self._new_card())
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.env["pos.order"].with_user(cashier_b).sync_from_ui([data])
        self.assertEqual(len(self._credit_cards()), 1)
        # a card of the other company is not credited here
        company_b._retail_giftcard_setup()
        series_b = (
            self.env["retail.giftcard.series"]
            .sudo()
            .create(
                {
                    "name": "Franchisee cards",
                    "prefix": "6603",
                    "number_length": 12,
                    "company_id": company_b.id,
                }
            )
        )
        card_b = self.env["loyalty.card"].browse(series_b._generate_cards(1))
        self._refused_sync(
            self._refund_data(sale, {"retail_giftcard_code": card_b.code}),
            "not accepted in this store|another company",
        )
        self.assertFalse(card_b.points)
        # nor is another company's series this store's store credit series
        with self.assertRaisesRegex(ValidationError, "series of its company"):
            self.config.retail_credit_series_id = series_b

    # bad input ----------------------------------------------------------

    def test_bad_input_is_refused_and_writes_nothing(self):
        sale = self._sold_coats()
        holder_card = self.env["loyalty.card"].browse(
            self.credit_series._generate_cards(1)
        )
        holder_card.sudo().partner_id = self.other_customer
        cases = [
            (
                self._refund_data(
                    sale, {"retail_credit_new_card": True, "retail_giftcard_code": "1"}
                ),
                "either on a new gift card",
            ),
            (
                self._order_data(
                    [(self.coat, 1)], [(self.gift_pm, 30, self._new_card())]
                ),
                "issued only to pay a refund",
            ),
            (
                self._order_data(
                    [{"product": self.coat, "quantity": -1}],
                    [(self.gift_pm, -30, self._new_card())],
                ),
                "only by a refund of sold goods",
            ),
            (
                self._refund_data(sale, {"retail_giftcard_code": holder_card.code}),
                "belongs to another customer",
            ),
        ]
        for data, message in cases:
            with self.subTest(message=message):
                self._refused_sync(data, message)
                self.assertFalse(
                    self.env["pos.order"].search([("uuid", "=", data["uuid"])])
                )
        self.assertEqual(self._credit_cards(), holder_card, "no card issued")
        self.assertFalse(holder_card.points)
        self.config.retail_credit_series_id = False
        data = self._refund_data(sale, self._new_card())
        self._refused_sync(data, "has no store credit series")
        self.assertEqual(self._credit_cards(), holder_card)

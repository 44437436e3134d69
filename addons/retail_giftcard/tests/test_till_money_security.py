# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Gift card money minted or moved through the till's payload:
each attack beside the normal case, through ``pos.order.sync_from_ui`` as the
till sends it, RPC as the user, or the wizards."""

from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.service.model import call_kw
from odoo.tests import new_test_user, tagged

from ..models.retail_giftcard_series import luhn_digit, luhn_valid
from .common import GiftcardAccountingCommon, GiftcardPosCommon


@tagged("post_install", "-at_install", "retail_security")
class TestGiftcardTillMoney(GiftcardPosCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.series.max_balance = 1000
        cls.socks = cls.create_product("Socks", cls.categ_basic, 10.0)
        cls.coat = cls.create_product("Coat", cls.categ_basic, 30.0)
        cls.more_cards = cls.env["loyalty.card"].browse(cls.series._generate_cards(4))

    def _till_payment_methods(self):
        return self.cash_pm1 | self.bank_pm1 | self.gift_pm

    def _refund_line(self, sold_line, quantity=-1, **values):
        return {
            "product": sold_line.product_id,
            "quantity": quantity,
            "refunded_orderline_id": sold_line.id,
            **values,
        }

    def _credit(self, card, amount):
        return (self.gift_pm, amount, {"retail_giftcard_code": card.code})

    def _liability_matches_cards(self):
        cards = self.env["loyalty.card"].search(
            [("retail_series_id", "=", self.series.id)]
        )
        self.assertAlmostEqual(
            self._balance(self.liability), -sum(cards.mapped("points"))
        )

    # item 1 -------------------------------------------------------------

    def test_card_line_loads_the_server_amount(self):
        """A gift card line of price 5 that claims a total of 500 loads 5; the
        order is flagged. A consistent line loads what it says."""
        honest, forged = self.cards[:2]
        self._sell(honest, 50)
        self.assertEqual(honest.points, 50)
        line = self._sale_line(forged, 5, price_subtotal=500, price_subtotal_incl=500)
        order = self._sync(
            self._order_data(
                [line], [(self.cash_pm1, 5, {})], amount_total=5, amount_tax=0
            )
        )
        self.assertEqual(order.state, "paid")
        self.assertEqual(forged.points, 5, "the server's amount is loaded")
        self.assertEqual(order.lines.price_subtotal_incl, 5)
        self.assertTrue(order.retail_sync_flagged)
        self.assertFalse(
            self.env["pos.order"]
            .search([("lines.retail_giftcard_id", "=", honest.id)])
            .retail_sync_flagged
        )

    # item 2 -------------------------------------------------------------

    def test_movement_keys_of_client_strings_do_not_collide(self):
        """Order ``B`` with payment ``x:payment:y`` and order ``B:payment:x``
        with payment ``y`` are two movements: the second (300 on a card holding
        4.99) is refused for its balance, not skipped as already posted."""
        rich, poor = self.cards[:2]
        self._sell(rich, 100)
        self._sell(poor, 50)
        self._sync(
            self._order_data(
                [(self.goods, 1)],
                [self._card_payment(poor, 45.01), (self.cash_pm1, 61.99, {})],
            )
        )
        self.assertAlmostEqual(poor.points, 4.99)
        first = self._order_data(
            [(self.goods, 1)],
            [self._card_payment(rich, 50), (self.cash_pm1, 57, {})],
            uuid="B",
        )
        first["payment_ids"][0][2]["uuid"] = "x:payment:y"
        order = self._sync(first)
        self.assertEqual(order.state, "paid")
        self.assertEqual(rich.points, 50, "the normal payment is debited")
        goods = self.create_product("Sofa", self.categ_basic, 300.0)
        second = self._order_data(
            [(goods, 1)], [self._card_payment(poor, 300)], uuid="B:payment:x"
        )
        second["payment_ids"][0][2]["uuid"] = "y"
        self._refused_sync(second, r"4\.99.* available")
        self.assertAlmostEqual(poor.points, 4.99)

    def test_key_posted_with_another_card_or_amount_is_refused(self):
        card, other = self.cards[:2]
        self._sell(card, 100)
        self._sell(other, 100)
        Card = self.env["loyalty.card"]
        key = Card._retail_movement_key("test", 1)
        move = {"card": card, "amount": 10, "key": key}
        Card._retail_giftcard_redeem([move])
        # the same movement again: skipped (a replay)
        Card._retail_giftcard_redeem([move])
        self.assertEqual(card.points, 90)
        for forged in ({**move, "card": other}, {**move, "amount": 60}):
            with self.assertRaisesRegex(UserError, "already posted"):
                Card._retail_giftcard_redeem([forged])
        self.assertEqual((card.points, other.points), (90, 100))

    # item 3 -------------------------------------------------------------

    def _sold_socks(self):
        return self._sync(
            self._order_data([(self.socks, 1)], [(self.cash_pm1, 10, {})])
        )

    def test_refund_onto_card_bounded_by_what_it_refunds(self):
        card = self.more_cards[0]
        sale = self._sold_socks()
        # the same unit refunded at 400 and an unrelated -300 line, onto a card
        # never sold: refused, nothing credited
        attack = self._order_data(
            [
                self._refund_line(sale.lines, price_unit=400),
                {"product": self.coat, "quantity": -10},
            ],
            [self._credit(card, -700)],
            amount_total=-700,
            amount_tax=0,
        )
        self._refused_sync(attack, r"refunded at \S*\s?400")
        unrelated = self._order_data(
            [self._refund_line(sale.lines), {"product": self.coat, "quantity": -10}],
            [self._credit(card, -310)],
        )
        self._refused_sync(unrelated, r"may give back \S*\s?10\.00")
        self.assertEqual((card.points, card.retail_state), (0, "inactive"))
        # the normal refund of the unit onto the card
        refund = self._sync(
            self._order_data([self._refund_line(sale.lines)], [self._credit(card, -10)])
        )
        self.assertEqual(refund.state, "paid")
        self.assertEqual((card.points, card.retail_state), (10, "active"))
        # the same unit again: nothing left to refund
        again = self._order_data(
            [self._refund_line(sale.lines)], [self._credit(card, -10)]
        )
        self._refused_sync(again, r"1(\.0)? units returned, 0(\.0)? left")
        twice = self._order_data(
            [self._refund_line(sale.lines, quantity=-2)],
            [self._credit(self.more_cards[1], -20)],
        )
        self._refused_sync(twice, "units returned")
        self.assertEqual(card.points, 10)
        self.assertFalse(self.more_cards[1].points)

    def test_refund_credit_needs_a_card_that_may_receive_it(self):
        blocked, full = self.more_cards[:2]
        self._sell(blocked, 20)
        blocked.action_retail_block("Lost")
        self._sell(full, 500)
        self._sell(full, 495)
        sale = self._sold_socks()
        for card, message in ((blocked, "is blocked"), (full, "maximum balance")):
            data = self._order_data(
                [self._refund_line(sale.lines)], [self._credit(card, -10)]
            )
            self._refused_sync(data, message)
        self.assertEqual((blocked.points, full.points), (20, 995))
        # a refund that is not a refund of a sold line funds nothing
        data = self._order_data(
            [{"product": self.socks, "quantity": -1}],
            [self._credit(self.more_cards[2], -10)],
        )
        self._refused_sync(data, "credited only by a refund")

    def test_negative_card_line_without_sale_pays_nothing_out(self):
        card = self.cards[0]
        self._sell(card, 50)
        data = self._order_data(
            [self._sale_line(card, 50, quantity=-1)], [(self.cash_pm1, -50, {})]
        )
        self._refused_sync(data, "paid back only by refunding its sale")
        self.assertEqual(card.points, 50)

    def test_card_sale_refund_at_the_price_sold(self):
        card = self.cards[0]
        sale = self._sell(card, 50)
        data = self._order_data(
            [
                self._sale_line(
                    False, 80, quantity=-1, refunded_orderline_id=sale.lines.id
                )
            ],
            [(self.cash_pm1, -80, {})],
        )
        self._refused_sync(data, r"refunded at \S*\s?80")
        self.assertEqual(card.points, 50)
        refund = self._sync(
            self._order_data(
                [
                    self._sale_line(
                        False, 50, quantity=-1, refunded_orderline_id=sale.lines.id
                    )
                ],
                [(self.cash_pm1, -50, {})],
            )
        )
        self.assertEqual(refund.state, "paid")
        self.assertEqual(card.points, 0)

    # item 4 -------------------------------------------------------------

    def test_server_only_fields_from_the_till_are_dropped(self):
        card, other = self.cards[:2]
        self._sell(card, 100)
        self._sell(other, 100)
        today = fields.Date.context_today(self.env.user)
        Card = self.env["loyalty.card"]
        before = sum(r["amount"] for r in Card._retail_giftcard_outstanding(today))
        payment = self._card_payment(card, 40)
        payment[2].update(retail_giftcard_shortfall=999, retail_giftcard_id=other.id)
        data = self._order_data([(self.goods, 1)], [payment, (self.cash_pm1, 67, {})])
        data["lines"][0][2]["retail_giftcard_id"] = other.id
        order = self._sync(data)
        paid = order.payment_ids.filtered("payment_method_id.retail_giftcard")
        self.assertEqual(paid.retail_giftcard_shortfall, 0)
        self.assertEqual(paid.retail_giftcard_id, card)
        self.assertFalse(order.lines.retail_giftcard_id)
        self.assertEqual((card.points, other.points), (60, 100))
        after = sum(r["amount"] for r in Card._retail_giftcard_outstanding(today))
        self.assertAlmostEqual(after, before - 40, msg="only the real payment")

    # item 9 (accounting) ------------------------------------------------

    def test_refund_onto_card_credits_the_liability(self):
        card = self.more_cards[0]
        sale = self._sync(self._order_data([(self.coat, 1)], [(self.bank_pm1, 30, {})]))
        refund = self._sync(
            self._order_data([self._refund_line(sale.lines)], [self._credit(card, -30)])
        )
        self.assertEqual(refund.state, "paid")
        self.assertEqual(card.points, 30)
        self._close_session()
        self.assertAlmostEqual(self._balance(self.liability), -30)
        self._liability_matches_cards()

    # item 6 -------------------------------------------------------------

    def test_spend_token_bound_to_order_and_expires(self):
        card = self.cards[0]
        self._sell(card, 100)
        # the normal case: the PIN check made for this order
        order = self._sync(
            self._order_data(
                [(self.goods, 1)],
                [self._card_payment(card, 40), (self.cash_pm1, 67, {})],
            )
        )
        self.assertEqual(order.state, "paid")
        # the token of that order, replayed on another one
        used = card._retail_spend_token(self.config, order.uuid)
        for token, message in (
            (used, "not checked with its PIN"),
            (
                card._retail_spend_token(self.config, "next", expiry=1),
                "too old",
            ),
        ):
            payment = (
                self.gift_pm,
                40,
                {"retail_giftcard_code": card.code, "retail_giftcard_token": token},
            )
            data = self._order_data(
                [(self.goods, 1)], [payment, (self.cash_pm1, 67, {})], uuid="next"
            )
            self._refused_sync(data, message)
        self.assertEqual(card.points, 60)

    def test_lookup_gives_a_token_for_the_order_only(self):
        card = self.cards[0]
        self._sell(card, 100)
        values = self.env["loyalty.card"].retail_giftcard_check(
            card.code, self.config.id, None, "order-1"
        )
        expiry = int(values["spend_token"].split(".")[0])
        now = fields.Datetime.now().timestamp()
        self.assertLessEqual(expiry - now, 4 * 3600 + 5, "a short validity")
        card._retail_check_spend_token(values["spend_token"], self.config, "order-1")
        with self.assertRaisesRegex(UserError, "not checked with its PIN"):
            card._retail_check_spend_token(
                values["spend_token"], self.config, "order-2"
            )
        self.assertFalse(
            self.env["loyalty.card"].retail_giftcard_check(card.code, self.config.id)[
                "spend_token"
            ]
        )

    # item 7 -------------------------------------------------------------

    def test_offline_payment_never_spends_a_pin_card(self):
        self.config.write(
            {
                "retail_giftcard_offline_card_cap": 30,
                "retail_giftcard_offline_till_cap": 100,
            }
        )
        plain, with_pin = self.cards[:2]
        self._sell(plain, 50)
        self._sell(with_pin, 50)
        with_pin._retail_set_secret()
        offline = {"retail_giftcard_offline": True}
        order = self._sync(
            self._order_data(
                [(self.goods, 1)],
                [
                    (self.gift_pm, 20, {"retail_giftcard_code": plain.code, **offline}),
                    (self.cash_pm1, 87, {}),
                ],
            )
        )
        self.assertEqual(plain.points, 30, "a card without PIN pays offline")
        self.assertFalse(order.retail_sync_flagged)
        order = self._sync(
            self._order_data(
                [(self.goods, 1)],
                [
                    (
                        self.gift_pm,
                        20,
                        {"retail_giftcard_code": with_pin.code, **offline},
                    ),
                    (self.cash_pm1, 87, {}),
                ],
            )
        )
        self.assertEqual(order.state, "paid", "the order lands")
        self.assertEqual(with_pin.points, 50, "the PIN card is not debited")
        self.assertEqual(with_pin.retail_giftcard_shortfall, 20)
        self.assertTrue(order.retail_sync_flagged)
        self.assertIn(with_pin.code, order.retail_sync_issue)

    # item 7 of the issue: companies ----------------------------------------

    def test_store_manager_of_another_company(self):
        card, target = self.cards[:2]
        self._sell(card, 40)
        company_b = self.env["res.company"].create({"name": "Franchisee B"})
        manager_b = new_test_user(
            self.env,
            login="gift_mgr_b",
            groups="base.group_user,retail_card.group_card_store_manager",
            company_id=company_b.id,
            company_ids=[(6, 0, company_b.ids)],
        )
        manager_a = new_test_user(
            self.env,
            login="gift_mgr_a",
            groups="base.group_user,retail_card.group_card_store_manager",
            company_id=self.company.id,
            company_ids=[(6, 0, self.company.ids)],
        )
        Card = self.env["loyalty.card"]
        with self.assertRaisesRegex(AccessError, "do not work for"):
            call_kw(
                Card.with_user(manager_b), "action_retail_block", [card.ids, "x"], {}
            )
        self.assertEqual(card.retail_state, "active")
        call_kw(
            Card.with_user(manager_a), "action_retail_block", [card.ids, "Lost"], {}
        )
        self.assertEqual(card.retail_state, "blocked")
        with self.assertRaisesRegex(AccessError, "do not work for"):
            call_kw(
                Card.with_user(manager_b),
                "action_retail_transfer",
                [card.ids, target.id, "Stolen"],
                {},
            )
        self.assertEqual((card.points, target.points), (40, 0))
        call_kw(
            Card.with_user(manager_a),
            "action_retail_transfer",
            [card.ids, target.id, "Stolen"],
            {},
        )
        self.assertEqual((card.points, target.points), (0, 40))

    def test_head_office_of_another_company_loads_nothing(self):
        card = self.cards[0]
        company_b = self.env["res.company"].create({"name": "Franchisee B"})
        office_b = new_test_user(
            self.env,
            login="gift_office_b",
            groups="base.group_user,retail_card.group_card_head_office",
            company_id=company_b.id,
            company_ids=[(6, 0, company_b.ids)],
        )
        wizard = (
            self.env["retail.giftcard.load"]
            .with_user(office_b)
            .sudo()
            .create(
                {
                    "series_id": self.series.id,
                    "source": "cards",
                    "card_ids": card.ids,
                    "amount": 50,
                    "counterpart_account_id": self.sales_account.id,
                }
            )
        )
        with self.assertRaisesRegex(AccessError, "do not work for"):
            wizard.sudo(False).with_user(office_b).action_load()
        self.assertEqual(card.points, 0)
        with self.assertRaisesRegex(AccessError, "do not work for"):
            self.env["retail.giftcard.generate"].with_user(office_b).sudo().create(
                {"series_id": self.series.id, "quantity": 2}
            ).sudo(False).with_user(office_b).action_generate()

    # item 10 ------------------------------------------------------------

    def test_accounts_created_at_setup_not_at_sale(self):
        company = self.env["res.company"].create({"name": "Not set up"})
        with self.assertRaisesRegex(UserError, "not set up"):
            company._retail_giftcard_liability_account()
        with self.assertRaisesRegex(UserError, "not set up"):
            company._retail_giftcard_journal()
        self.assertFalse(company.retail_giftcard_liability_account_id)
        company._retail_giftcard_setup()
        self.assertTrue(company._retail_giftcard_liability_account())
        self.assertTrue(company.retail_giftcard_breakage_account_id)
        # this till's company was set up with its series: the sync books on it
        self.assertTrue(self.company.retail_giftcard_liability_account_id)

    # item 11 ------------------------------------------------------------

    def test_a_number_does_not_give_its_neighbours(self):
        """Numbers are drawn within the prefix: of the numbers next to a card's
        (the same body plus or minus 1 to 4, Luhn digit recomputed), none is a
        card, where a counter made all of them cards."""
        series = self.env["retail.giftcard.series"].create(
            {"name": "Drawn", "prefix": "6602", "number_length": 12}
        )
        cards = self.env["loyalty.card"].browse(series._generate_cards(300))
        codes = set(cards.mapped("code"))
        self.assertEqual(len(codes), 300)
        self.assertTrue(all(luhn_valid(code) and code[:4] == "6602" for code in codes))
        code = cards[150].code
        body = int(code[4:-1])
        neighbours = set()
        for step in (-4, -3, -2, -1, 1, 2, 3, 4):
            near = f"6602{body + step:07d}"
            neighbours.add(near + luhn_digit(near))
        self.assertFalse(neighbours & codes)

    # item 12 ------------------------------------------------------------

    def test_card_of_another_currency_refused_at_the_till(self):
        card = self.cards[0]
        self._sell(card, 50)
        other = self.env.ref("base.EUR")
        if other == self.company.currency_id:
            other = self.env.ref("base.USD")
        self.series.program_id.currency_id = other
        self._refused_sync(
            self._order_data(
                [(self.goods, 1)],
                [self._card_payment(card, 40), (self.cash_pm1, 67, {})],
            ),
            f"holds {other.name}",
        )
        self._refused_sync(
            self._order_data([self._sale_line(card, 20)], [(self.cash_pm1, 20, {})]),
            f"holds {other.name}",
        )
        self.assertEqual(card.points, 50)

    # item 12 (part): past expiry ------------------------------------------

    def test_expired_card_takes_no_refund(self):
        card = self.cards[0]
        self._sell(card, 20)
        card.sudo().expiration_date = fields.Date.today() - timedelta(days=1)
        sale = self._sold_socks()
        data = self._order_data(
            [self._refund_line(sale.lines)], [self._credit(card, -10)]
        )
        self._refused_sync(data, "expired")
        self.assertEqual(card.points, 20)


@tagged("post_install", "-at_install", "retail_security")
class TestGiftcardInvoiceMoney(GiftcardAccountingCommon):
    def _credit_note(self, invoice):
        reversal = (
            self.env["account.move.reversal"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"journal_id": invoice.journal_id.id, "reason": "Returned"})
        )
        reversal.refund_moves()
        reversal.new_move_ids.action_post()
        return reversal.new_move_ids

    def test_credit_note_then_payment_cancelled_credits_once(self):
        invoice = self.init_invoice(
            "out_invoice", amounts=[80], taxes=self.tax, post=True
        )
        entry = invoice._retail_giftcard_pay(self.card.code, self.pin, 40)
        self.assertEqual(self.card.points, 60)
        self._credit_note(invoice)
        self.assertEqual(self.card.points, 100, "the credit note gives it back")
        with self.assertRaisesRegex(UserError, "cancel them before the payment"):
            entry.button_cancel()
        self.assertEqual(self.card.points, 100)
        self.assertEqual(entry.state, "posted")
        # the normal case: a payment cancelled without credit note goes back once
        other = self.init_invoice(
            "out_invoice", amounts=[80], taxes=self.tax, post=True
        )
        entry = other._retail_giftcard_pay(self.card.code, self.pin, 30)
        self.assertEqual(self.card.points, 70)
        entry.button_cancel()
        self.assertEqual(self.card.points, 100)

    def test_manager_adjustment_moves_the_liability(self):
        """An adjustment of a money card books its entry: the liability keeps
        equal to the cards' balances (the outstanding report)."""
        liability_before = self._balance(self.liability)
        self.card.action_retail_adjust(5, "Goodwill")
        self.card.action_retail_adjust(-15, "Till error")
        self.assertEqual(self.card.points, 90)
        self.assertAlmostEqual(self._balance(self.liability) - liability_before, 10)
        breakage = self.env.company.retail_giftcard_breakage_account_id
        self.assertAlmostEqual(self._balance(breakage), -10)
        today = fields.Date.context_today(self.env.user)
        outstanding = sum(
            row["amount"]
            for row in self.env["loyalty.card"]._retail_giftcard_outstanding(
                today, self.env.company
            )
        )
        self.assertAlmostEqual(outstanding, -self._balance(self.liability))

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from ..models.retail_giftcard_series import luhn_digit
from .common import GiftcardPosCommon


@tagged("post_install", "-at_install", "retail_money")
class TestGiftcardPosMoney(GiftcardPosCommon):
    """Gift cards sold and spent at the till, down to the posted journal entries."""

    # tests --------------------------------------------------------------

    def test_sell_pay_part_and_close(self):
        card = self.cards[0]
        sale = self._sell(card, 100)
        self.assertEqual(card.retail_state, "active")
        self.assertEqual(card.points, 100)
        self.assertEqual(sale.lines.retail_giftcard_id, card)
        self.assertEqual(sale.amount_tax, 0, "no VAT on a gift card sale")
        # a jacket of 100 + 7% VAT paid 40 by card and 67 cash
        order = self._sync(
            self._order_data(
                [(self.goods, 1)],
                [self._card_payment(card, 40), (self.cash_pm1, 67, {})],
            )
        )
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.amount_tax, 7, "the goods keep their full price and VAT")
        self.assertFalse(order.lines.filtered(lambda line: line.price_unit < 0))
        self.assertEqual(card.points, 60, "the rest stays on the card")
        self.assertEqual(order.payment_ids.retail_giftcard_id, card)
        self.assertFalse(any(order.payment_ids.mapped("retail_giftcard_token")))
        redeem = card.history_ids.filtered(lambda row: row.retail_kind == "redeem")
        self.assertRecordValues(
            redeem,
            [
                {
                    "used": 40,
                    "order_model": "pos.order",
                    "order_id": order.id,
                    "retail_store_id": self.config.id,
                    "retail_balance_after": 60,
                }
            ],
        )
        self.assertIn(order.pos_reference, redeem.description, "names the receipt")
        self.assertNotIn(" /", redeem.description)
        self.assertIn(
            sale.pos_reference,
            card.history_ids.filtered(lambda r: r.order_id == sale.id).description,
        )
        self._close_session()
        # Cr 100 at the sale, Dr 40 when the card paid: the liability is what the
        # card still holds
        self.assertAlmostEqual(self._balance(self.liability), -60)
        self.assertAlmostEqual(self._balance(self.liability), -card.points)
        self.assertAlmostEqual(self._balance(self.sales_account), -100)
        self.assertAlmostEqual(self._balance(self.tax_received_account), -7)

    def test_payment_without_pin_check_refused(self):
        card = self.cards[0]
        self._sell(card, 50)
        data = self._order_data(
            [(self.goods, 1)],
            [self._card_payment(card, 50, token=False), (self.cash_pm1, 57, {})],
        )
        self._refused_sync(data, "not checked with its PIN")
        forged = self._card_payment(card, 50, token=False)
        forged[2]["retail_giftcard_token"] = self.cards[1]._retail_spend_token(
            self.config
        )
        data = self._order_data([(self.goods, 1)], [forged, (self.cash_pm1, 57, {})])
        self._refused_sync(data, "not checked with its PIN")
        self.assertEqual(card.points, 50)

    def test_negative_card_payment_on_a_sale_refused(self):
        """Only a refund credits a card through its payment: a sale paying -10 by
        card (and 10 more in cash) would load it without a card sale."""
        card = self.cards[0]
        self._sell(card, 50)
        data = self._order_data(
            [(self.goods, 1)],
            [self._card_payment(card, -10), (self.cash_pm1, 117, {})],
        )
        self._refused_sync(data, "credited only by a refund")
        self.assertEqual(card.points, 50)

    def test_overspend_refuses_order(self):
        card = self.cards[0]
        self._sell(card, 30)
        data = self._order_data(
            [(self.goods, 1)],
            [self._card_payment(card, 50), (self.cash_pm1, 57, {})],
        )
        self._refused_sync(data, rf"{card.code} has .*30.* available")
        self.assertEqual(card.points, 30)
        self.assertFalse(
            self.env["pos.order"].search([("uuid", "=", data["uuid"])]),
            "the refused order is not written",
        )

    def test_same_order_synced_twice(self):
        card = self.cards[0]
        self._sell(card, 100)
        data = self._order_data(
            [(self.goods, 1)],
            [self._card_payment(card, 40), (self.cash_pm1, 67, {})],
        )
        first = self._sync(
            dict(data, payment_ids=[list(c) for c in data["payment_ids"]])
        )
        again = self._sync(data)
        self.assertEqual(first, again)
        self.assertEqual(card.points, 60)
        self.assertEqual(
            len(card.history_ids.filtered(lambda row: row.retail_kind == "redeem")), 1
        )

    def test_refund_puts_amount_back_on_card(self):
        card = self.cards[0]
        self._sell(card, 100)
        order = self._sync(
            self._order_data(
                [(self.goods, 1)],
                [self._card_payment(card, 40), (self.cash_pm1, 67, {})],
            )
        )
        refund = self._sync(
            self._order_data(
                [
                    {
                        "product": self.goods,
                        "quantity": -1,
                        "refunded_orderline_id": order.lines.id,
                    }
                ],
                [(self.gift_pm, -40, {}), (self.cash_pm1, -67, {})],
                is_refund=True,
            )
        )
        self.assertEqual(refund.state, "paid")
        self.assertEqual(card.points, 100)
        self.assertRecordValues(
            card.history_ids.filtered(lambda row: row.retail_kind == "refund"),
            [{"issued": 40, "order_id": refund.id, "retail_balance_after": 100}],
        )
        self.assertEqual(card._retail_check_balance_invariant(), {})
        self._close_session()
        self.assertAlmostEqual(self._balance(self.liability), -100)
        self.assertAlmostEqual(self._balance(self.sales_account), 0)
        self.assertAlmostEqual(self._balance(self.tax_received_account), 0)

    def test_refund_of_card_sale(self):
        card, spent = self.cards[:2]
        sale = self._sell(card, 80)
        refund = self._sync(
            self._order_data(
                [
                    self._sale_line(
                        False, 80, quantity=-1, refunded_orderline_id=sale.lines.id
                    )
                ],
                [(self.cash_pm1, -80, {})],
            )
        )
        self.assertEqual(refund.lines.retail_giftcard_id, card)
        self.assertEqual(card.points, 0, "the cash given back leaves the card")
        # a card already spent cannot be refunded in cash
        sale = self._sell(spent, 80)
        self._sync(
            self._order_data(
                [(self.goods, 1)],
                [self._card_payment(spent, 50), (self.cash_pm1, 57, {})],
            )
        )
        data = self._order_data(
            [
                self._sale_line(
                    False, 80, quantity=-1, refunded_orderline_id=sale.lines.id
                )
            ],
            [(self.cash_pm1, -80, {})],
        )
        self._refused_sync(data, "30.* available")
        self.assertEqual(spent.points, 30)
        self._close_session()
        self.assertAlmostEqual(
            self._balance(self.liability), -(card.points + spent.points)
        )

    def test_bad_card_numbers_at_sync(self):
        for code, message in (
            ("660100000019", "check digit is wrong"),
            ("66019999999" + luhn_digit("66019999999"), "No gift card"),
        ):
            line = self._sale_line(False, 20, retail_giftcard_code=code)
            self._refused_sync(
                self._order_data([line], [(self.cash_pm1, 20, {})]), message
            )
        self._refused_sync(
            self._order_data([self._sale_line(False, 20)], [(self.cash_pm1, 20, {})]),
            "Give the number",
        )
        self._refused_sync(
            self._order_data(
                [self._sale_line(self.cards[0], 600)], [(self.cash_pm1, 600, {})]
            ),
            "maximum load",
        )
        self.assertEqual(self.cards[0].retail_state, "inactive")

    def _outstanding(self, date):
        rows = self.env["loyalty.card"]._retail_giftcard_outstanding(date, self.company)
        return sum(row["amount"] for row in rows), rows

    def test_expiry_breakage_and_outstanding_equals_liability(self):
        kept, expiring = self.cards[:2]
        self._sell(kept, 100)
        self._sell(expiring, 50)
        self._sync(
            self._order_data(
                [(self.goods, 1)],
                [self._card_payment(kept, 30), (self.cash_pm1, 77, {})],
            )
        )
        self._close_session()
        today = fields.Date.context_today(self.env.user)
        total, rows = self._outstanding(today)
        self.assertAlmostEqual(total, 120)
        self.assertEqual(
            {row["store_id"] for row in rows}, {self.config.id}, "moved at the till"
        )
        self.assertAlmostEqual(total, -self._balance(self.liability))
        # the card expired yesterday: the job writes its balance off
        expiring.expiration_date = today - timedelta(days=1)
        self.env["loyalty.card"].search(
            [("id", "in", (kept | expiring).ids)]
        )._retail_expire(today)
        self.assertEqual(
            (kept.retail_state, expiring.retail_state), ("active", "expired")
        )
        self.assertEqual(expiring.points, 0)
        breakage = expiring.history_ids.filtered(
            lambda row: row.retail_kind == "breakage"
        )
        self.assertEqual(breakage.used, 50)
        move = self.env["account.move"].browse(breakage.order_id)
        self.assertEqual(breakage.order_model, "account.move")
        self.assertEqual(move.state, "posted")
        self.assertRecordValues(
            move.line_ids.sorted("debit"),
            [
                {
                    "account_id": self.company.retail_giftcard_breakage_account_id.id,
                    "debit": 0,
                    "credit": 50,
                },
                {"account_id": self.liability.id, "debit": 50, "credit": 0},
            ],
        )
        self.assertAlmostEqual(
            self._balance(self.company.retail_giftcard_breakage_account_id), -50
        )
        total, _rows = self._outstanding(today)
        self.assertAlmostEqual(total, 70)
        self.assertAlmostEqual(total, -self._balance(self.liability))
        self.assertAlmostEqual(total, kept.points)
        # before anything was sold: nothing outstanding, nothing on the account
        self.assertEqual(self._outstanding(today - timedelta(days=1))[0], 0)
        # expiring again changes nothing
        self.assertEqual(expiring._retail_expire(today), {})
        self.assertEqual(expiring._retail_check_balance_invariant(), {})

    def _offline_payment(self, card, amount):
        return (
            self.gift_pm,
            amount,
            {"retail_giftcard_code": card.code, "retail_giftcard_offline": True},
        )

    def test_offline_redemption_caps_and_shortfall(self):
        self.config.write(
            {
                "retail_giftcard_offline_card_cap": 30,
                "retail_giftcard_offline_till_cap": 50,
            }
        )
        card, blocked = self.cards[:2]
        self._sell(card, 20)
        self._sell(blocked, 10)
        blocked.action_retail_block("Stolen")
        # the till was offline: 25 taken on a card that holds 20
        order = self._sync(
            self._order_data(
                [(self.goods, 1)],
                [self._offline_payment(card, 25), (self.cash_pm1, 82, {})],
            )
        )
        self.assertEqual(order.state, "paid", "the order lands")
        self.assertEqual(card.points, 0)
        payment = order.payment_ids.filtered("retail_giftcard_offline")
        self.assertEqual(payment.retail_giftcard_shortfall, 5)
        self.assertEqual(card.retail_giftcard_shortfall, 5, "the card shows it")
        self.assertEqual(
            card.history_ids.filtered(lambda row: row.retail_kind == "redeem").used, 20
        )
        # over the per-card cap: refused (the till would not have allowed it)
        self._refused_sync(
            self._order_data(
                [(self.goods, 1)],
                [self._offline_payment(card, 31), (self.cash_pm1, 76, {})],
            ),
            r"paid \$\s31\.00 offline, above the store's offline cap of \$\s30\.00",
        )
        # a blocked card pays nothing: all of it is shortfall
        order = self._sync(
            self._order_data(
                [(self.goods, 1)],
                [self._offline_payment(blocked, 20), (self.cash_pm1, 87, {})],
            )
        )
        self.assertEqual(order.payment_ids.mapped("retail_giftcard_shortfall"), [20, 0])
        self.assertEqual(blocked.points, 10)
        # per till: 25 + 20 taken offline in the session, 10 more exceeds 50
        self._refused_sync(
            self._order_data(
                [(self.goods, 1)],
                [self._offline_payment(blocked, 10), (self.cash_pm1, 97, {})],
            ),
            r"took \$\s55\.00 in gift cards offline .* offline cap of \$\s50\.00",
        )
        self._close_session()
        today = fields.Date.context_today(self.env.user)
        total, _rows = self._outstanding(today)
        self.assertAlmostEqual(total, 10 - 25, msg="cards' balances minus shortfalls")
        self.assertAlmostEqual(total, -self._balance(self.liability))

    def test_offline_disabled_by_default(self):
        card = self.cards[0]
        self._sell(card, 20)
        self._refused_sync(
            self._order_data(
                [(self.goods, 1)],
                [self._offline_payment(card, 5), (self.cash_pm1, 102, {})],
            ),
            r"offline cap of \$\s0\.00",
        )
        self.assertEqual(card.points, 20)

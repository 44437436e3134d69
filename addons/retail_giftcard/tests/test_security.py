# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import math

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.service.model import call_kw
from odoo.tests import new_test_user, tagged

from ..models.retail_giftcard_series import luhn_digit
from .common import RetailGiftcardCommon


@tagged("post_install", "-at_install", "retail_security")
class TestGiftcardSecurity(RetailGiftcardCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls._create_company(name="Franchisee B")
        cls.cashier = new_test_user(
            cls.env, login="gift_sec_cashier", groups="retail_card.group_card_cashier"
        )
        cls.head_office = new_test_user(
            cls.env,
            login="gift_sec_head_office",
            groups="retail_card.group_card_head_office",
        )
        cls.cashier_b = new_test_user(
            cls.env,
            login="gift_sec_cashier_b",
            groups="retail_card.group_card_cashier",
            company_id=cls.company_b.id,
            company_ids=[(6, 0, cls.company_b.ids)],
        )
        cls.store_b = (
            cls.env["pos.config"]
            .with_company(cls.company_b)
            .create({"name": "Franchise store", "payment_method_ids": False})
        )
        cls.card = cls._sold_card(75)
        cls.card.partner_id = cls.env["res.partner"].create(
            {"name": "Maria Secret", "email": "maria@example.com", "phone": "+3460000"}
        )

    def _rpc(self, user, model, method, *args):
        return call_kw(self.env[model].with_user(user), method, list(args), {})

    def test_balance_check_without_personal_data(self):
        values = self._rpc(
            self.cashier,
            "loyalty.card",
            "retail_giftcard_check",
            self.card.code,
            self.store.id,
        )
        self.assertEqual((values["points"], values["state"]), (75, "active"))
        text = repr(values)
        for secret in ("Maria", "maria@example.com", "+3460000"):
            self.assertNotIn(secret, text)
        self.assertNotIn("partner_id", values)

    def test_balance_check_needs_cashier(self):
        user = new_test_user(self.env, login="gift_sec_plain", groups="base.group_user")
        with self.assertRaises(AccessError):
            self._rpc(user, "loyalty.card", "retail_giftcard_check", self.card.code)

    def test_guessed_numbers(self):
        body = self.card.code[:-1]
        wrong_digit = body + str((int(self.card.code[-1]) + 1) % 10)
        with self.assertRaisesRegex(UserError, "check digit is wrong"):
            self._rpc(
                self.cashier, "loyalty.card", "retail_giftcard_check", wrong_digit
            )
        unknown = "77019999999"
        with self.assertRaisesRegex(UserError, "No card"):
            self._rpc(
                self.cashier,
                "loyalty.card",
                "retail_giftcard_check",
                unknown + luhn_digit(unknown),
            )
        for junk in ("", "   ", None, 1234, "7701' OR 1=1"):
            with self.assertRaises(UserError):
                self._rpc(self.cashier, "loyalty.card", "retail_giftcard_check", junk)

    def test_malformed_till_ids(self):
        """A till id of the wrong type gets a ValidationError, not a TypeError."""
        for config_id in (math.nan, "1", -1, 2**63, [1], 1.5):
            with self.assertRaises(ValidationError):
                self._rpc(
                    self.cashier,
                    "loyalty.card",
                    "retail_giftcard_check",
                    self.card.code,
                    config_id,
                )

    def test_franchise_cards_stay_home(self):
        with self.assertRaisesRegex(UserError, "not accepted in this store"):
            self._rpc(
                self.cashier_b,
                "loyalty.card",
                "retail_giftcard_check",
                self.card.code,
                self.store_b.id,
            )
        # the group allows franchisee B to accept them
        self.series.allowed_company_ids = self.company_b
        values = self._rpc(
            self.cashier_b,
            "loyalty.card",
            "retail_giftcard_check",
            self.card.code,
            self.store_b.id,
        )
        self.assertEqual(values["points"], 75)
        # a series limited to some stores
        self.series.allowed_config_ids = self.store
        with self.assertRaisesRegex(UserError, "not accepted in this store"):
            self._rpc(
                self.cashier_b,
                "loyalty.card",
                "retail_giftcard_check",
                self.card.code,
                self.store_b.id,
            )

    def test_spend_token_bound_to_card_and_till(self):
        token = self.card._retail_spend_token(self.store, "order-1")
        self.card._retail_check_spend_token(token, self.store, "order-1")
        with self.assertRaisesRegex(UserError, "not checked with its PIN"):
            self.card._retail_check_spend_token(token, self.store_b, "order-1")
        with self.assertRaisesRegex(UserError, "not checked with its PIN"):
            self.card._retail_check_spend_token(token, self.store, "order-2")
        other = self._sold_card(10)
        with self.assertRaisesRegex(UserError, "not checked with its PIN"):
            other._retail_check_spend_token(token, self.store, "order-1")
        with self.assertRaisesRegex(UserError, "not checked with its PIN"):
            self.card._retail_check_spend_token(None, self.store, "order-1")

    def test_series_company_rule(self):
        series_b = (
            self.Series.with_company(self.company_b)
            .sudo()
            .create(
                {
                    "name": "B cards",
                    "prefix": "5501",
                    "number_length": 12,
                    "company_id": self.company_b.id,
                }
            )
        )
        Series = self.Series.with_user(self.cashier)
        self.assertIn(self.series, Series.search([]))
        self.assertNotIn(series_b, Series.search([]))
        with self.assertRaises(AccessError):
            series_b.with_user(self.cashier).read(["name"])
        series_b.allowed_company_ids = self.env.company
        self.assertIn(series_b, Series.search([]))

    def test_only_head_office_generates(self):
        with self.assertRaises(AccessError):
            self.Series.with_user(self.cashier).create(
                {"name": "Mine", "prefix": "3301", "number_length": 12}
            )
        with self.assertRaises(AccessError):
            self.env["retail.giftcard.generate"].with_user(self.cashier).create(
                {"series_id": self.series.id, "quantity": 5}
            )
        before = self.series.next_number
        wizard = (
            self.env["retail.giftcard.generate"]
            .with_user(self.head_office)
            .create({"series_id": self.series.id, "quantity": 5, "face_value": 20})
        )
        wizard.action_generate()
        self.assertEqual(self.series.next_number, before + 5)
        rows = base64.b64decode(wizard.print_file).decode().splitlines()
        self.assertEqual(rows[0], "number,pin,barcode")
        self.assertEqual(len(rows), 6)
        number, pin, barcode = rows[1].split(",")
        card = self.Card.search([("code", "=", number)])
        self.assertTrue(card.retail_has_secret)
        self.assertNotIn(pin, str(card.sudo().retail_secret_hash), "only a hash")
        self.assertEqual(barcode, number + pin)

    def test_pin_is_what_spends(self):
        card = self.card
        pin = card._retail_set_secret()[card.id]
        check = lambda *args: self._rpc(  # noqa: E731
            self.cashier, "loyalty.card", "retail_giftcard_check", *args
        )
        balance = check(card.code, self.store.id, None, "order-1")
        self.assertEqual(balance["points"], 75, "anyone at the till sees the balance")
        self.assertFalse(balance["spend_token"], "but the number alone cannot spend")
        wrong = "000000" if pin != "000000" else "111111"
        with self.assertRaisesRegex(UserError, "Wrong PIN"):
            check(card.code, self.store.id, wrong, "order-1")
        by_pin = check(card.code, self.store.id, pin, "order-1")
        by_barcode = check(card.code + pin, self.store.id, None, "order-1")
        for values in (by_pin, by_barcode):
            card._retail_check_spend_token(values["spend_token"], self.store, "order-1")
        self.assertFalse(
            check(card.code, self.store.id, pin)["spend_token"],
            "a PIN check for no order spends nothing",
        )

    def test_cashier_cannot_forge_card_state(self):
        card = self._new_cards()
        with self.assertRaises(AccessError):
            card.with_user(self.cashier).write({"retail_state": "active"})
        with self.assertRaises(AccessError):
            self._rpc(
                self.cashier, "loyalty.card", "action_retail_block", [card.id], "x"
            )

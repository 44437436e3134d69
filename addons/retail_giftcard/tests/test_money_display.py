# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io

import openpyxl
from lxml import etree

from odoo.exceptions import UserError
from odoo.service.model import call_kw
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import format_amount

from .common import GiftcardPosCommon, RetailGiftcardCommon


@tagged("post_install", "-at_install")
class TestGiftcardSeriesMoney(RetailGiftcardCommon):
    """A series' cards count money of the series' currency: its program is
    named after the currency, from the form and after a change of currency."""

    def _money(self, amount, currency=None):
        return format_amount(self.env, amount, currency or self.env.company.currency_id)

    def _other_company(self, currency_code):
        currency = self.env.ref(f"base.{currency_code}")
        currency.active = True
        company = self.env["res.company"].create(
            {"name": f"Franchise {currency_code}", "currency_id": currency.id}
        )
        self.env.user.company_ids |= company
        return company

    def test_series_form_names_its_program_after_the_currency(self):
        with Form(self.env["retail.giftcard.series"]) as form:
            form.name = "Form cards"
            form.prefix = "7709"
            form.number_length = 12
        series = form.record
        symbol = self.env.company.currency_id.symbol
        self.assertEqual(series.program_id.portal_point_name, symbol)
        self.assertEqual(series.program_id.currency_id, series.currency_id)
        self.assertTrue(series.program_id.retail_is_money)
        card = self.Card.browse(series._generate_cards(1, face_value=20))
        self.Card._retail_giftcard_load([{"card": card, "amount": 20}])
        self.assertEqual(card.points_display, self._money(20))
        self.assertNotIn("Points", card.points_display)

    def test_series_moved_to_a_company_of_another_currency(self):
        """A series moved (before any card is numbered) to a company of another
        currency takes its program along, named after the new currency; once
        cards are numbered the company no longer changes."""
        franchise = self._other_company("EUR")
        series = self.Series.create({"name": "Moving", "prefix": "7708"})
        with Form(series) as form:
            form.company_id = franchise
        program = series.program_id
        self.assertEqual(program.company_id, franchise)
        self.assertEqual(series.product_id.company_id, franchise)
        self.assertEqual(program.currency_id.name, "EUR")
        self.assertEqual(program.portal_point_name, "€")
        card = self.Card.browse(series._generate_cards(1))
        self.assertEqual(card.points_display, self._money(0, program.currency_id))
        with self.assertRaisesRegex(UserError, "cannot change once cards"):
            with Form(series) as form:
                form.company_id = self.env.company

    def test_company_currency_change_renames_series_points(self):
        franchise = self._other_company("EUR")
        series = self.Series.with_company(franchise).create(
            {"name": "Franchise cards", "prefix": "7707", "company_id": franchise.id}
        )
        self.assertEqual(series.program_id.portal_point_name, "€")
        gbp = self.env.ref("base.GBP")
        gbp.active = True
        franchise.currency_id = gbp
        self.assertEqual(series.program_id.currency_id, gbp)
        self.assertEqual(series.program_id.portal_point_name, "£")

    def test_load_limits_in_currency(self):
        card = self._new_cards()
        with self.assertRaises(UserError) as caught:
            self.Card._retail_giftcard_load([{"card": card, "amount": 301}])
        self.assertIn(
            f"{self._money(301)} is above the maximum load of {self._money(300)}",
            str(caught.exception),
        )

    def test_gift_card_list_shows_balances_in_currency(self):
        """The Gift Cards list: balances as monetary fields of the card's
        currency, as the web client reads them."""
        card = self._sold_card(40)
        view = self.env.ref("retail_giftcard.loyalty_card_view_list_giftcard")
        views = self.Card.get_views([(view.id, "list")])["views"]
        node = etree.fromstring(views["list"]["arch"]).xpath("//field[@name='points']")[
            0
        ]
        self.assertEqual(node.get("widget"), "monetary")
        self.assertIn("retail_currency_id", node.get("options"))
        read = self.Card.web_search_read(
            [("id", "=", card.id)],
            {"points": {}, "retail_currency_id": {"fields": {"display_name": {}}}},
        )["records"][0]
        self.assertEqual(read["points"], 40)
        self.assertEqual(
            read["retail_currency_id"]["id"], self.env.company.currency_id.id
        )

    def test_outstanding_report_in_currency(self):
        self._sold_card(40)
        wizard = self.env["retail.giftcard.outstanding"].create({})
        wizard.action_export()
        sheet = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.file))).active
        currency = self.env.company.currency_id
        self.assertEqual(sheet.cell(1, 4).value, "Currency")
        rows = list(sheet.iter_rows(min_row=2, values_only=True))
        self.assertIn((self.env.company.name, "Back office", 40, currency.name), rows)
        self.assertIn(currency.symbol, sheet.cell(2, 3).number_format)
        self.assertEqual(rows[-1][0], "Total")
        self.assertEqual(rows[-1][3], currency.name)


@tagged("post_install", "-at_install")
class TestGiftcardTillMoneyMessages(GiftcardPosCommon):
    """What a cashier reads when the server refuses a gift card at the till."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cashier = new_test_user(
            cls.env,
            login="money_cashier",
            groups="base.group_user,point_of_sale.group_pos_user,"
            "retail_card.group_card_cashier",
        )

    def _money(self, amount):
        return format_amount(self.env, amount, self.config.currency_id)

    def _cashier_sync(self, data):
        call_kw(
            self.env["pos.order"].with_user(self.cashier), "sync_from_ui", [[data]], {}
        )

    def _refused_as_cashier(self, data):
        with self.assertRaises(UserError) as caught, self.env.cr.savepoint():
            self._cashier_sync(data)
        return str(caught.exception)

    def test_overspent_card_named_in_currency(self):
        card = self.cards[0]
        self._sell(card, 5)
        message = self._refused_as_cashier(
            self._order_data(
                [(self.goods, 1)],
                [self._card_payment(card, 20), (self.cash_pm1, 87, {})],
            )
        )
        self.assertIn(
            f"Card {card.code} has {self._money(5)} available: {self._money(20)} "
            "cannot be debited.",
            message,
        )
        self.assertNotIn("Points", message)

    def test_card_sold_above_the_limit_named_in_currency(self):
        message = self._refused_as_cashier(
            self._order_data(
                [self._sale_line(self.cards[1], 600)], [(self.cash_pm1, 600, {})]
            )
        )
        self.assertIn(
            f"{self._money(600)} is above the maximum load of {self._money(500)}",
            message,
        )

    def test_balance_check_answers_in_currency(self):
        card = self.cards[2]
        self._sell(card, 30)
        values = call_kw(
            self.env["loyalty.card"].with_user(self.cashier),
            "retail_giftcard_check",
            [card.code, self.config.id],
            {},
        )
        self.assertEqual(values["balance_display"], self._money(30))

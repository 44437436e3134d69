# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.exceptions import UserError
from odoo.service.model import call_kw
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import format_amount

from .common import RetailCardCommon


@tagged("post_install", "-at_install")
class TestMoneyCards(RetailCardCommon):
    """Cards whose points are money (gift cards, eWallets) read as amounts of
    their currency wherever a user meets them; points cards keep their points."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.currency = cls.env.company.currency_id
        cls.manager = new_test_user(
            cls.env,
            login="money_head_office",
            groups="base.group_user,retail_card.group_card_head_office",
        )
        cls.ewallet_program = cls.env["loyalty.program"].create(
            {"name": "Retail eWallet", "program_type": "ewallet"}
        )
        cls._post_cls(cls.gift_card, 50, "load")
        cls._post_cls(cls.points_card, 5, "earn")

    @classmethod
    def _post_cls(cls, card, amount, kind):
        cls.Card._retail_post_movements(
            [{"card": card, "amount": amount, "kind": kind}]
        )

    def _money(self, amount):
        return format_amount(self.env, amount, self.currency)

    def _rpc(self, user, model, method, *args, **kwargs):
        return call_kw(self.env[model].with_user(user), method, list(args), kwargs)

    def test_money_programs_created_from_code_count_money(self):
        """Programs created without the form's onchange (code, data, imports):
        gift cards and eWallets are named after the currency, points keep
        their name."""
        symbol = self.currency.symbol
        for program in (self.gift_program, self.ewallet_program):
            self.assertEqual(program.portal_point_name, symbol)
            self.assertTrue(program.retail_is_money)
        self.assertNotEqual(self.points_program.portal_point_name, symbol)
        self.assertFalse(self.points_program.retail_is_money)
        named = self.env["loyalty.program"].create(
            {"name": "Named", "program_type": "gift_card", "portal_point_name": "Euros"}
        )
        self.assertEqual(named.portal_point_name, "Euros", "a name given is kept")
        self.assertTrue(named.retail_is_money, "a gift card is money by its type")

    def test_overdraft_message_in_currency(self):
        """A store manager debiting more than a gift card holds reads amounts of
        money; on a points card, points."""
        with self.assertRaises(UserError) as caught:
            self._rpc(
                self.manager,
                "loyalty.card",
                "action_retail_adjust",
                self.gift_card.ids,
                -80,
                "Damaged goods",
            )
        message = str(caught.exception)
        self.assertIn(
            f"Card {self.gift_card.code} has {self._money(50)} available: "
            f"{self._money(80)} cannot be debited.",
            message,
        )
        self.assertNotIn("Points", message)
        with self.assertRaises(UserError) as caught:
            self._rpc(
                self.manager,
                "loyalty.card",
                "action_retail_adjust",
                self.points_card.ids,
                -8,
                "Mistake",
            )
        name = self.points_program.portal_point_name
        self.assertIn(f"has 5 {name} available: 8 {name} cannot", str(caught.exception))
        self.assertNotIn(self.currency.symbol, str(caught.exception))

    def test_card_form_and_list_read_money(self):
        """What the web client reads for the card form and list: the balance of
        a money card in its currency, its history rows with the currency their
        monetary widgets format with; a points card's in points."""
        Card = self.env["loyalty.card"].with_user(self.manager)
        spec = {
            "points_display": {},
            "retail_currency_id": {"fields": {"display_name": {}}},
            "history_ids": {
                "fields": {
                    "issued": {},
                    "used": {},
                    "retail_balance_after": {},
                    "retail_currency_id": {"fields": {}},
                }
            },
        }
        gift, points = Card.browse((self.gift_card + self.points_card).ids).web_read(
            spec
        )
        self.assertEqual(gift["points_display"], self._money(50))
        self.assertEqual(gift["retail_currency_id"]["id"], self.currency.id)
        self.assertEqual(
            [row["retail_currency_id"] for row in gift["history_ids"]],
            [{"id": self.currency.id}],
        )
        self.assertEqual(
            points["points_display"], f"5 {self.points_program.portal_point_name}"
        )
        self.assertFalse(points["retail_currency_id"])
        self.assertFalse(points["history_ids"][0]["retail_currency_id"])
        listed = Card.web_search_read(
            [("id", "=", self.gift_card.id)], {"points_display": {}}
        )
        self.assertEqual(listed["records"][0]["points_display"], self._money(50))

    def test_history_amounts_are_monetary_fields_of_the_card_currency(self):
        """The card form's history list and the history form show issued, used
        and balance after with the monetary widget of the row's currency."""
        views = self.env["loyalty.card"].get_views([(False, "form")])["views"]
        arch = etree.fromstring(views["form"]["arch"])
        history = arch.xpath("//field[@name='history_ids']/list")[0]
        for name in ("issued", "used", "retail_balance_after"):
            node = history.xpath(f"field[@name='{name}']")[0]
            self.assertEqual(node.get("widget"), "monetary", name)
            self.assertIn("retail_currency_id", node.get("options"), name)
        self.assertTrue(history.xpath("field[@name='retail_currency_id']"))
        views = self.env["loyalty.history"].get_views([(False, "form")])["views"]
        arch = etree.fromstring(views["form"]["arch"])
        for name in ("issued", "used", "retail_balance_after"):
            node = arch.xpath(f"//field[@name='{name}']")[0]
            self.assertEqual(node.get("widget"), "monetary", name)

    def test_pos_loads_whether_points_are_money(self):
        fields = self.env["loyalty.program"]._load_pos_data_fields(self.store)
        self.assertIn("retail_is_money", fields)

    def test_update_balance_wizard_in_currency(self):
        """Odoo's *Update Balance*, opened from the card's balance: a money
        card's balances are amounts of its currency, a points card's numbers."""
        action = self.gift_card.with_user(self.manager).action_loyalty_update_balance()
        Wizard = self.env[action["res_model"]].with_user(self.manager)
        views = Wizard.get_views([(False, "form")])["views"]
        arch = etree.fromstring(views["form"]["arch"])
        for name in ("old_balance", "new_balance"):
            node = arch.xpath(f"//field[@name='{name}']")[0]
            self.assertEqual(node.get("widget"), "monetary", name)
            self.assertIn("retail_currency_id", node.get("options"), name)
        gift = Form(Wizard.with_context(**action["context"]))
        self.assertEqual(gift.old_balance, 50)
        self.assertEqual(gift.retail_currency_id, self.currency)
        context = self.points_card.action_loyalty_update_balance()["context"]
        points = Form(Wizard.with_context(**context))
        self.assertEqual(points.old_balance, 5)
        self.assertFalse(points.retail_currency_id)

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.fields import Command
from odoo.tests import tagged

from .common import ClientelingCommon


@tagged("post_install", "-at_install")
class TestSuggestions(ClientelingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.boots = cls._product("Boots", cls.categ_shoes, 90.0)
        cls.slippers = cls._product("Slippers", cls.categ_shoes, 25.0)
        cls.brush = cls._product("Shoe brush", cls.categ_care, 6.0, storable=True)
        cls.cream = cls._product("Shoe cream", cls.categ_care, 7.0, storable=True)
        cls.scarf = cls._product("Scarf", cls.categ_basic, 30.0)
        cls.adjust_inventory([cls.brush], [10])
        # sold by the sale orders only: not at the till
        cls.scarf.available_in_pos = False
        cls.shoes.pos_optional_product_ids = cls.socks.product_tmpl_id

    def _history(self):
        """Shoes bought with polish, laces, brush, cream and a scarf; boots
        alone (a best seller of the shoes); the customer's own purchase of
        slippers and laces (their favourite categories: shoes, shoe care)."""
        for companion in (self.polish, self.laces, self.brush, self.cream):
            self._sync([self.shoes, companion])
        self._sale([self.shoes, self.scarf])
        self._sync([self.polish, self.brush])
        for __ in range(3):
            self._sync([self.boots])
        self._sync([self.slippers, self.laces], customer=self.buyer)
        self._rebuild()

    def _by_product(self, suggestions):
        return {row["product_id"]: row["source"] for row in suggestions}

    def test_sources_and_exclusions(self):
        self._history()
        suggestions = self._suggest([self.shoes], customer=self.buyer)
        self.assertEqual(
            self._by_product(suggestions),
            {
                self.socks.id: "optional",
                self.polish.id: "pair",
                self.brush.id: "pair",
                self.boots.id: "habit",
            },
            "never the basket (shoes), nothing the customer bought recently "
            "(laces, slippers), nothing not sold at the till (scarf), nothing "
            "out of stock (cream)",
        )
        self.assertEqual(suggestions[0]["product_id"], self.socks.id)
        self.assertEqual(suggestions[0]["name"], "Socks")
        self.assertEqual(suggestions[-1]["product_id"], self.boots.id)

    def test_without_customer_nothing_of_habits(self):
        self._history()
        suggestions = self._suggest([self.shoes])
        self.assertEqual(
            self._by_product(suggestions),
            {
                self.socks.id: "optional",
                self.polish.id: "pair",
                self.laces.id: "pair",
                self.brush.id: "pair",
            },
        )

    def test_old_purchase_is_suggested_again(self):
        self._history()
        self.env["pos.order"].search([("partner_id", "=", self.buyer.id)]).sudo().write(
            {"date_order": fields.Datetime.now() - timedelta(days=120)}
        )
        suggested = self._by_product(self._suggest([self.shoes], customer=self.buyer))
        self.assertEqual(suggested.get(self.laces.id), "pair")
        self.assertEqual(suggested.get(self.slippers.id), "habit")

    def test_whole_basket_and_limit(self):
        self._history()
        suggestions = self._suggest([self.shoes, self.polish, self.socks], limit=2)
        self.assertEqual(len(suggestions), 2)
        ids = {row["product_id"] for row in suggestions}
        self.assertFalse(ids & {self.shoes.id, self.polish.id, self.socks.id})

    def test_products_outside_the_tills_categories(self):
        self._history()
        category = self.env["pos.category"].create({"name": "Care"})
        self.polish.pos_categ_ids = category
        self.shoes.pos_categ_ids = category
        self.config.write(
            {
                "limit_categories": True,
                "iface_available_categ_ids": [Command.set(category.ids)],
            }
        )
        suggested = self._by_product(self._suggest([self.shoes]))
        self.assertEqual(suggested, {self.polish.id: "pair"})

    def test_panel_in_one_call(self):
        self._history()
        self.env["pos.order"].search([("partner_id", "=", self.buyer.id)]).sudo().write(
            {"date_order": fields.Datetime.now() - timedelta(days=1)}
        )
        self._sale([self.scarf], customer=self.buyer)
        self.buyer.retail_consent_email = True
        panel = self.config.with_user(self.cashier).retail_clienteling_panel(
            self.buyer.id, [self.shoes.id]
        )
        self.assertEqual(panel["name"], "Clara Clienteling")
        self.assertEqual(panel["consent"], {"email": True, "sms": False})
        history = panel["history"]
        self.assertEqual(history[0]["origin"], "sale", "the newest first")
        self.assertEqual(history[0]["product_id"], self.scarf.id)
        self.assertFalse(history[0]["can_add"], "the scarf is not sold at the till")
        till_lines = {row["product_id"]: row for row in history[1:]}
        self.assertEqual(set(till_lines), {self.slippers.id, self.laces.id})
        self.assertTrue(all(row["can_add"] for row in till_lines.values()))
        self.assertEqual(till_lines[self.laces.id]["store"], self.config.name)
        self.assertEqual(
            [row["name"] for row in panel["favourite_categories"]],
            [
                self.categ_basic.complete_name,  # the scarf, 30.00
                self.categ_shoes.complete_name,  # the slippers, 25.00
                self.categ_care.complete_name,  # the laces, 3.00
            ],
        )
        self.assertEqual(panel["sections"], [])
        self.assertIn(self.boots.id, self._by_product(panel["suggestions"]))

    def test_suggested_line_marked_and_shown_kept(self):
        order = self._sync(
            [self.polish],
            customer=self.buyer,
            line_values={"retail_suggested": True, "retail_suggestion_source": "pair"},
            retail_suggestions_shown=[self.polish.id, self.laces.id, self.laces.id],
        )
        self.assertTrue(order.lines.retail_suggested)
        self.assertEqual(order.lines.retail_suggestion_source, "pair")
        self.assertEqual(
            order.retail_suggestions_shown, [self.polish.id, self.laces.id]
        )

    def test_malformed_suggestion_data_of_a_till(self):
        order = self._sync(
            [self.polish],
            line_values={"retail_suggested": "yes", "retail_suggestion_source": "x"},
            retail_suggestions_shown=["1", -4, True, self.laces.id, {"a": 1}],
        )
        self.assertEqual(order.state, "paid")
        self.assertFalse(order.lines.retail_suggested)
        self.assertFalse(order.lines.retail_suggestion_source)
        self.assertEqual(order.retail_suggestions_shown, [self.laces.id])
        unmarked = self._sync(
            [self.polish],
            line_values={"retail_suggestion_source": "pair"},
            retail_suggestions_shown={"not": "a list"},
        )
        self.assertFalse(unmarked.lines.retail_suggestion_source)
        self.assertFalse(unmarked.retail_suggestions_shown)

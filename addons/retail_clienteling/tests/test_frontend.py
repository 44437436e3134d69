# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.fields import Command
from odoo.tests import tagged

from odoo.addons.retail_customer.tests.pos_tour import RetailPosTourCase


@tagged("post_install", "-at_install")
class TestRetailClientelingPosUi(RetailPosTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.group_ids |= cls.env.ref("sales_team.group_sale_manager")
        Product = cls.env["product.product"]
        values = {
            "available_in_pos": True,
            "is_storable": False,
            "taxes_id": [Command.clear()],
            "pos_categ_ids": [Command.set(cls.pos_desk_misc_test.ids)],
        }
        cls.shoes, cls.spray, cls.socks = Product.create(
            [
                dict(values, name="Trail shoes", list_price=80.0),
                dict(values, name="Waterproof spray", list_price=9.0),
                dict(values, name="Wool socks", list_price=12.0),
            ]
        )
        cls.clara = cls.env["res.partner"].create({"name": "Clara Clienteling"})
        other = cls.env["res.partner"].create({"name": "Bruno Basket"})
        orders = cls.env["sale.order"].create(
            [
                {
                    "partner_id": partner.id,
                    "order_line": [
                        Command.create({"product_id": product.id})
                        for product in products
                    ],
                }
                for partner, products in (
                    (other, cls.shoes | cls.spray),
                    (other, cls.shoes | cls.spray),
                    (cls.clara, cls.socks),
                )
            ]
        )
        orders.action_confirm()
        Pair = cls.env["retail.product.pair"]
        for scope, companies in Pair._retail_scopes():
            Pair._retail_rebuild(scope, companies)

    def test_panel_history_and_suggestion_marked(self):
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailClientelingPanelTour", login="pos_user")
        order = self.env["pos.order"].search(
            [("partner_id", "=", self.clara.id)], limit=1
        )
        self.assertEqual(order.state, "paid")
        spray_line = order.lines.filtered(lambda line: line.product_id == self.spray)
        self.assertTrue(spray_line.retail_suggested)
        self.assertEqual(spray_line.retail_suggestion_source, "pair")
        self.assertFalse(
            order.lines.filtered(
                lambda line: line.product_id == self.shoes
            ).retail_suggested
        )
        self.assertIn(self.spray.id, order.retail_suggestions_shown)

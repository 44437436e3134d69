# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import tagged

from odoo.addons.retail_customer.tests.pos_tour import RetailPosTourCase


@tagged("post_install", "-at_install")
class TestRetailClientelingGiftListsPosUi(RetailPosTourCase):
    def test_panel_opens_the_customers_gift_list(self):
        vase = self.env["product.product"].create(
            {
                "name": "Panel Vase",
                "list_price": 40.0,
                "available_in_pos": True,
                "taxes_id": [Command.clear()],
            }
        )
        ana = self.env["res.partner"].create({"name": "Ana Panelist"})
        gift_list = self.env["retail.gift.registry"].create(
            {
                "title": "Wedding of Ana and Luis",
                "type_id": self.env.ref(
                    "retail_gift_registry.retail_gift_registry_type_wedding"
                ).id,
                "owner_id": ana.id,
                "event_date": "2026-06-20",
                "company_id": self.main_pos_config.company_id.id,
                "item_ids": [Command.create({"product_id": vase.id, "qty_wanted": 2})],
            }
        )
        gift_list.action_open()
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour(
            "RetailClientelingGiftListsTour", login="pos_user", timeout=300
        )
        self.env.invalidate_all()
        self.assertEqual(gift_list.item_ids.qty_bought, 1)
        self.assertEqual(gift_list.pos_line_ids.order_id.partner_id, ana)

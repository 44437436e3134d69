# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import tagged

from odoo.addons.retail_customer.tests.pos_tour import RetailPosTourCase
from odoo.addons.sms.tests.common import MockSMS


@tagged("post_install", "-at_install")
class TestRetailPickupPosUi(RetailPosTourCase, MockSMS):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pos_user.group_ids = [
            Command.link(cls.env.ref("sales_team.group_sale_salesman_all_leads").id)
        ]
        cls.store = cls.main_pos_config.warehouse_id
        cls.store.write(
            {
                "retail_pickup_store": True,
                "retail_pickup_opening_hours": "Mon-Sat 10:00-21:00",
            }
        )
        customer = cls.env["res.partner"].create(
            {"name": "Lucia Recoge", "email": "lucia@example.com"}
        )
        product = cls.env["product.product"].create(
            {"name": "Pick-up jacket", "is_storable": True, "list_price": 90.0}
        )
        cls.env["stock.quant"]._update_available_quantity(
            product, cls.store.lot_stock_id, 1
        )
        # sudo: the back office's order (the class's user is the till's)
        cls.order = (
            cls.env["sale.order"]
            .sudo()
            .create(
                {
                    "partner_id": customer.id,
                    "retail_pickup_warehouse_id": cls.store.id,
                    "order_line": [Command.create({"product_id": product.id})],
                }
            )
        )
        cls.order.action_confirm()

    def test_cashier_sends_the_pickup_message_of_the_store(self):
        self.assertEqual(self.order.retail_pickup_state, "ready")
        self.main_pos_config.with_user(self.pos_user).open_ui()
        with self.mockSMSGateway():
            self.start_pos_tour("RetailPickupSendFromTillTour", login="pos_user")
        sent = self.order.retail_pickup_message_ids.filtered(
            lambda m: m.source == "till"
        )
        self.assertEqual(len(sent), 1)
        self.assertEqual(sent.channel, "email")
        self.assertEqual(sent.user_id, self.pos_user)
        self.assertEqual(sent.pos_config_id, self.main_pos_config)

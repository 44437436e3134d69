# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The cashier opens last week's jacket from the customer's history, takes an
alteration with a deposit and prints the ticket; later the ticket is scanned
at another till and the jacket collected, paying the rest."""

import datetime

from odoo import Command, fields
from odoo.tests import tagged

from odoo.addons.retail_customer.tests.pos_tour import RetailPosTourCase


@tagged("post_install", "-at_install")
class TestAftersalesTour(RetailPosTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pos_user.group_ids = [
            Command.link(cls.env.ref("retail_aftersales.group_aftersales_cashier").id)
        ]
        down_payment = cls.env.ref("pos_sale.default_downpayment_product")
        down_payment.taxes_id = False
        cls.main_pos_config.down_payment_product_id = down_payment
        cls.other_till = cls.env["pos.config"].create(
            {
                "name": "Second Shop",
                "payment_method_ids": [Command.set(cls.bank_payment_method.ids)],
                "down_payment_product_id": down_payment.id,
            }
        )
        cls.jacket = cls.env["product.product"].create(
            {
                "name": "Tour Jacket",
                "is_storable": True,
                "list_price": 120.0,
                "taxes_id": False,
                "retail_warranty_months": 24,
            }
        )
        cls.env["product.product"].create(
            {
                "name": "Sleeve alteration",
                "type": "service",
                "list_price": 15.0,
                "taxes_id": False,
                "retail_service_type": "alteration",
            }
        )
        cls.customer = cls.env["res.partner"].create({"name": "Jacket Buyer"})
        order = (
            cls.env["sale.order"]
            .sudo()
            .create(
                {
                    "partner_id": cls.customer.id,
                    "order_line": [Command.create({"product_id": cls.jacket.id})],
                }
            )
        )
        order.action_confirm()
        order.date_order = fields.Datetime.now() - datetime.timedelta(days=7)
        warehouse = cls.main_pos_config.picking_type_id.warehouse_id
        warehouse.repair_type_id.sequence_id.write(
            {"prefix": "SRV/", "padding": 5, "number_next": 1}
        )
        # the store's own numbering: its tickets' barcode pattern
        cls.env.ref(
            "retail_aftersales.barcode_rule_service_ticket"
        ).pattern = r"SRV/\d+$"

    def test_take_then_collect_at_another_till(self):
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailAftersalesTakeTour")
        service = self.env["repair.order"].search(
            [("partner_id", "=", self.customer.id)]
        )
        self.assertEqual(service.name, "SRV/00001")
        self.assertEqual(service.retail_service_type, "alteration")
        self.assertEqual(
            service.sale_order_id.amount_unpaid, 10.0, "15 less the deposit"
        )
        service.action_repair_start()
        service.action_repair_end()
        moves = self.env["stock.move"].search_count([])
        self.other_till.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailAftersalesCollectTour", pos_config=self.other_till)
        self.assertEqual(service.retail_stage, "collected")
        self.assertEqual(
            service.retail_collected_pos_order_id.config_id, self.other_till
        )
        self.assertEqual(self.env["stock.move"].search_count([]), moves)

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A store with a till, a cashier and a store manager of after-sales, a
customer who bought a jacket at the till, and the service products."""

import datetime

from odoo import fields
from odoo.tests import new_test_user

from odoo.addons.point_of_sale.tests.common import TestPoSCommon


class AftersalesCommon(TestPoSCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.config = cls.basic_config
        cls.down_payment = cls.env.ref("pos_sale.default_downpayment_product")
        cls.down_payment.taxes_id = False
        cls.config.down_payment_product_id = cls.down_payment
        cls.jacket = cls.create_product("Jacket", cls.categ_basic, 120.0)
        cls.jacket.retail_warranty_months = 12
        cls.hem = cls._service("Hem", "alteration", 15.0)
        cls.warranty_repair = cls._service("Warranty repair", "warranty", 40.0)
        cls.zipper = cls.create_product("Zipper", cls.categ_basic, 3.0)
        cls.customer = cls.env["res.partner"].create({"name": "Jacket buyer"})
        cls.other_customer = cls.env["res.partner"].create({"name": "Someone else"})
        cls.cashier = new_test_user(
            cls.env,
            login="aftersales_cashier",
            groups="base.group_user,retail_aftersales.group_aftersales_cashier",
            company_id=cls.company.id,
        )
        cls.store_manager = new_test_user(
            cls.env,
            login="aftersales_manager",
            groups="base.group_user,retail_aftersales.group_aftersales_store_manager",
            company_id=cls.company.id,
        )
        cls.plain_pos_user = new_test_user(
            cls.env,
            login="aftersales_pos_only",
            groups="base.group_user,point_of_sale.group_pos_user",
            company_id=cls.company.id,
        )

    @classmethod
    def _service(cls, name, service_type, price):
        return cls.env["product.product"].create(
            {
                "name": name,
                "type": "service",
                "list_price": price,
                "taxes_id": False,
                "available_in_pos": True,
                "retail_service_type": service_type,
            }
        )

    def setUp(self):
        super().setUp()
        self.open_new_session()

    # The till's calls -------------------------------------------------------

    def _sync(self, data, user=None):
        self.env["pos.order"].with_user(user or self.cashier).sync_from_ui([data])
        return self.env["pos.order"].search([("uuid", "=", data["uuid"])])

    def _bought(self, days_ago, customer=None, product=None):
        """The till line of an item the customer bought ``days_ago`` days ago."""
        data = self.create_ui_order_data(
            [(product or self.jacket, 1)], customer=customer or self.customer
        )
        order = self._sync(data)
        when = fields.Datetime.now() - datetime.timedelta(days=days_ago)
        self.env.cr.execute(
            "UPDATE pos_order SET date_order = %s WHERE id = %s", (when, order.id)
        )
        order.invalidate_recordset(["date_order"])
        return order.lines

    def _take(self, line, product=None, service_type="alteration", user=None, **values):
        vals = {
            "partner_id": self.customer.id,
            "pos_line_id": line.id,
            "service_type": service_type,
            "service_product_id": (product or self.hem).id,
            "promised_date": fields.Date.to_string(
                fields.Date.today() + datetime.timedelta(days=7)
            ),
            "notes": "Shorten the sleeves by 2 cm",
            **values,
        }
        Repair = self.env["repair.order"].with_user(user or self.cashier)
        result = Repair.retail_till_take_service(self.config.id, vals)
        return self.env["repair.order"].browse(result["id"]), result

    def _line(self, product, qty, price, **extra):
        return {
            "product": product,
            "quantity": qty,
            "price_unit": price,
            "price_subtotal": qty * price,
            "price_subtotal_incl": qty * price,
            **extra,
        }

    def _deposit_data(self, service, amount):
        order = service.sale_order_id
        return self.create_ui_order_data(
            [self._line(self.down_payment, 1, amount, sale_order_origin_id=order.id)],
            customer=self.customer,
            payments=[(self.cash_pm1, amount)],
        )

    def _settle_data(self, service):
        """What the till sends when it settles the service's order (Odoo's
        settle flow: every line of the order still to pay)."""
        order = service.sale_order_id
        lines, total = [], 0.0
        for so_line in order.order_line.filtered(lambda line: not line.display_type):
            qty = (
                so_line.qty_to_invoice
                if so_line.is_downpayment
                else so_line.product_uom_qty
            )
            product = (
                self.down_payment if so_line.is_downpayment else so_line.product_id
            )
            if not qty:
                continue
            lines.append(
                self._line(
                    product,
                    qty,
                    so_line.price_unit,
                    sale_order_origin_id=order.id,
                    sale_order_line_id=so_line.id,
                )
            )
            total += qty * so_line.price_unit
        return self.create_ui_order_data(
            lines, customer=self.customer, payments=[(self.cash_pm1, total)]
        )

    def _make_ready(self, service):
        service = service.with_user(self.store_manager)
        service.action_repair_start()
        service.action_repair_end()

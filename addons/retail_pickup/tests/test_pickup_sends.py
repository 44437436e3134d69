# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.retail_customer.tests.common import company_user

from .common import RetailPickupCommon


@tagged("post_install", "-at_install")
class TestPickupSends(RetailPickupCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = company_user(
            cls.env,
            "pickup_salesman",
            "sales_team.group_sale_salesman_all_leads",
            cls.company,
        )
        cls.other_store = cls.env["stock.warehouse"].create(
            {"name": "Diagonal", "code": "DIAG", "retail_pickup_store": True}
        )
        cls.till = cls.env["pos.config"].create(
            {"name": "Gran Via till", "warehouse_id": cls.store.id}
        )
        cls.cashier = company_user(
            cls.env, "pickup_cashier", "point_of_sale.group_pos_user", cls.company
        )

    def _ready(self, store=None):
        with self.mockSMSGateway():
            order = self._reservation(store=store)
            self._make_ready(order, store=store)
        return order

    def test_send_from_back_office_selection(self):
        ready = self._ready()
        waiting = self._reservation()
        orders = (ready | waiting).with_user(self.salesman)
        with self.mockSMSGateway(), self.assertRaisesRegex(UserError, waiting.name):
            orders.action_retail_pickup_send()
        self.assertEqual(len(self._sms_of(ready)), 1)
        self.assertEqual(len(ready.retail_pickup_message_ids), 2)

        with self.mockSMSGateway():
            action = ready.with_user(self.salesman).action_retail_pickup_send()
        self.assertEqual(action["params"]["type"], "success")
        self.assertEqual(len(self._sms_of(ready)), 2)
        manual = ready.retail_pickup_message_ids.filtered(lambda m: m.kind == "manual")
        self.assertEqual(sorted(manual.mapped("channel")), ["email", "sms"])
        self.assertEqual(manual.user_id, self.salesman)
        self.assertEqual(set(manual.mapped("source")), {"back_office"})
        self.assertEqual(manual.mail_message_id.author_id, self.salesman.partner_id)

    def test_send_from_the_till_for_its_own_store_only(self):
        own = self._ready()
        other = self._ready(store=self.other_store)
        Order = self.env["sale.order"].with_user(self.cashier)
        with self.mockSMSGateway(), self.assertRaises(AccessError):
            Order.retail_pickup_send_from_till(self.till.id, other.id)
        self.assertEqual(len(self._sms_of(other)), 1)
        self.assertFalse(
            other.retail_pickup_message_ids.filtered(lambda m: m.source == "till")
        )
        for bad in ("1", None, -4, 2**40):
            with self.assertRaises(UserError):
                Order.retail_pickup_send_from_till(self.till.id, bad)

        with self.mockSMSGateway():
            result = Order.retail_pickup_send_from_till(self.till.id, own.id)
        self.assertTrue(result["sent"])
        self.assertEqual(len(self._sms_of(own)), 2)
        from_till = own.retail_pickup_message_ids.filtered(lambda m: m.source == "till")
        self.assertEqual(len(from_till), 2)
        self.assertEqual(from_till.pos_config_id, self.till)
        self.assertEqual(from_till.user_id, self.cashier)
        self.assertEqual(from_till.warehouse_id, self.store)

    def test_till_refuses_a_waiting_reservation(self):
        order = self._reservation()
        with self.mockSMSGateway(), self.assertRaises(UserError):
            self.env["sale.order"].with_user(self.cashier).retail_pickup_send_from_till(
                self.till.id, order.id
            )
        self.assertFalse(order.retail_pickup_message_ids)
        self.assertFalse(self._sms_of(order))


@tagged("post_install", "-at_install", "retail_security")
class TestPickupCompanies(RetailPickupCommon):
    def test_messages_of_another_company_are_hidden(self):
        order = self._reservation()
        with self.mockSMSGateway():
            self._make_ready(order)
        messages = order.retail_pickup_message_ids
        self.assertTrue(messages)
        other_company = self.env["res.company"].create({"name": "Franquicia Norte"})
        outsider = company_user(
            self.env,
            "pickup_outsider",
            "sales_team.group_sale_salesman_all_leads,point_of_sale.group_pos_user",
            other_company,
        )
        Message = self.env["retail.pickup.message"].with_user(outsider)
        self.assertFalse(Message.search([("id", "in", messages.ids)]))
        with self.assertRaises(AccessError):
            messages.with_user(outsider).read(["body"])
        # the till of the order's own store is not the outsider's to use
        till = self.env["pos.config"].create(
            {"name": "Gran Via till", "warehouse_id": self.store.id}
        )
        with self.assertRaises(AccessError):
            self.env["sale.order"].with_user(outsider).retail_pickup_send_from_till(
                till.id, order.id
            )

    def test_messages_are_written_by_the_system_only(self):
        order = self._reservation()
        salesman = company_user(
            self.env, "pickup_writer", "sales_team.group_sale_salesman", self.company
        )
        with self.assertRaises(AccessError):
            self.env["retail.pickup.message"].with_user(salesman).create(
                {"order_id": order.id, "kind": "manual", "channel": "sms"}
            )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import Form, freeze_time, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.retail_customer.tests.common import company_user

from .common import READY_DAY, RetailPickupCommon


@tagged("post_install", "-at_install")
class TestPickupReady(RetailPickupCommon):
    def test_ready_reservation_sends_exactly_one_message(self):
        with self.mockSMSGateway():
            order = self._reservation()
            self.assertEqual(order.warehouse_id, self.store)
            self.assertEqual(order.retail_pickup_state, "waiting")
            self.assertFalse(self._sms_of(order) or self._mails_of(order))
            with freeze_time(READY_DAY):
                self._make_ready(order)
            self.assertEqual(order.picking_ids.state, "assigned")
            self.assertEqual(order.retail_pickup_state, "ready")
            self.assertEqual(order.retail_pickup_hold_until, date(2026, 3, 9))
            sms = self._sms_of(order)
            self.assertEqual(len(sms), 1)
            self.assertEqual(sms.state, "outgoing")
            self.assertEqual(sms.number, "+34612345678")
            for text in (
                "Gran Via",
                "Gran Via 12, 28013 Madrid",
                "Mon-Sat 10:00-21:00",
                order.name,
                "03/09/2026",
            ):
                self.assertIn(text, sms.body)
            mail = self._mails_of(order)
            self.assertEqual(len(mail), 1)
            self.assertIn(order.name, mail.subject)
            self.assertIn("Mon-Sat 10:00-21:00", mail.body_html)
            # no provider was called inside the transaction: Odoo's SMS queue
            # sends it afterwards (through the mocked gateway here)
            self.assertFalse(self._sms)
            sms._send()
            self.assertEqual(self._sms[0]["number"], "+34612345678")
            self.assertIn(order.name, self._sms[0]["body"])
            log = order.retail_pickup_message_ids
            self.assertEqual(sorted(log.mapped("channel")), ["email", "sms"])
            self.assertEqual(set(log.mapped("kind")), {"ready"})
            self.assertEqual(set(log.mapped("source")), {"system"})
            self.assertEqual(log.warehouse_id, self.store)
            self.assertIn(order.name, log[0].body)

            # ready again (unreserved, reserved), or the check retried: nothing
            order.picking_ids.do_unreserve()
            order.picking_ids.action_assign()
            order._retail_pickup_check_ready()
            self.assertEqual(order.picking_ids.state, "assigned")
            self.assertEqual(len(self._sms_of(order)), 1)
            self.assertEqual(len(self._mails_of(order)), 1)
            self.assertEqual(len(order.retail_pickup_message_ids), 2)

    def test_warehouse_worker_makes_it_ready(self):
        worker = company_user(
            self.env, "pickup_worker", "stock.group_stock_user", self.company
        )
        order = self._reservation()
        self.env["stock.quant"]._update_available_quantity(
            self.product, self.store.lot_stock_id, 1
        )
        with self.mockSMSGateway():
            order.picking_ids.with_user(worker).action_assign()
        self.assertEqual(order.retail_pickup_state, "ready")
        self.assertEqual(len(self._sms_of(order)), 1)
        self.assertEqual(order.retail_pickup_message_ids.user_id, worker)

    def test_goods_in_stock_at_confirmation(self):
        self.env["stock.quant"]._update_available_quantity(
            self.product, self.store.lot_stock_id, 1
        )
        with self.mockSMSGateway():
            order = self._reservation()
        self.assertEqual(order.retail_pickup_state, "ready")
        self.assertEqual(len(self._sms_of(order)), 1)
        self.assertEqual(len(self._mails_of(order)), 1)

    def test_order_without_pickup_store_sends_nothing(self):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [
                    (0, 0, {"product_id": self.product.id, "product_uom_qty": 1})
                ],
            }
        )
        order.action_confirm()
        with self.mockSMSGateway():
            self._make_ready(order)
        self.assertFalse(order.retail_pickup_state)
        self.assertFalse(self._sms_of(order) or self._mails_of(order))

    def test_anonymised_customer_gets_nothing(self):
        self.customer.retail_anonymized_date = "2026-01-01 00:00:00"
        with self.mockSMSGateway():
            order = self._reservation()
            self._make_ready(order)
        self.assertEqual(order.retail_pickup_state, "ready")
        self.assertFalse(self._sms_of(order) or self._mails_of(order))
        self.assertFalse(order.retail_pickup_message_ids)
        self.assertFalse(order.retail_pickup_to_call)

    def test_customer_without_phone_nor_email_is_listed_to_call(self):
        walk_in = self._customer("Pedro Sin Datos")
        order = self._reservation(partner=walk_in)
        with self.mockSMSGateway():
            self._make_ready(order)
        self.assertFalse(self._sms_of(order) or self._mails_of(order))
        self.assertTrue(order.retail_pickup_to_call)
        action = self.env.ref("retail_pickup.sale_order_action_retail_pickup_to_call")
        domain = safe_eval(action.domain)
        listed = self.env["sale.order"].search(domain)
        self.assertIn(order, listed)

        order.action_retail_pickup_called()
        self.assertFalse(order.retail_pickup_to_call)
        self.assertNotIn(order, self.env["sale.order"].search(domain))
        self.assertEqual(order.retail_pickup_message_ids.channel, "phone")

    def test_store_settings_and_pickup_store_checked(self):
        with self.assertRaises(ValidationError):
            self.store.retail_pickup_hold_days = 0
        with self.assertRaises(ValidationError):
            self.store.retail_pickup_reminder_days = 7
        depot = self.env["stock.warehouse"].create({"name": "Depot", "code": "DPT"})
        with self.assertRaises(ValidationError), Form(self.env["sale.order"]) as form:
            form.partner_id = self.customer
            form.retail_pickup_warehouse_id = depot
            with form.order_line.new() as line:
                line.product_id = self.product
        order = self._reservation()
        with self.assertRaises(ValidationError):
            order.warehouse_id = depot

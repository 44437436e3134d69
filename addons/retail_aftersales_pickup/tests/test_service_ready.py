# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A finished service is announced like a ready reservation: once, by SMS
(checked as sms.sms rows, Odoo's SMS gateway mocked) and/or email (mail.mail
rows), logged with the service and posted on its chatter."""

from datetime import timedelta

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError
from odoo.fields import Domain
from odoo.tests import tagged
from odoo.tools import format_date, mute_logger
from odoo.tools.safe_eval import safe_eval

from odoo.addons.retail_aftersales.tests.common import AftersalesCommon
from odoo.addons.retail_customer.tests.common import company_user
from odoo.addons.sms.tests.common import MockSMS


class ServiceReadyCommon(AftersalesCommon, MockSMS):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.write({"mobile": "+34 612 345 678", "email": "ana@example.com"})
        cls.store = cls.config.picking_type_id.warehouse_id
        cls.store.partner_id = cls.env["res.partner"].create(
            {
                "name": "Store Gran Via",
                "street": "Gran Via 12",
                "zip": "28013",
                "city": "Madrid",
            }
        )
        cls.store.write(
            {
                "retail_pickup_store": True,
                "retail_pickup_opening_hours": "Mon-Sat 10:00-21:00",
                "retail_pickup_hold_days": 7,
                "retail_pickup_reminder_days": 2,
            }
        )

    def _taken_service(self, customer=None):
        customer = customer or self.customer
        line = self._bought(3, customer=customer)
        service, _result = self._take(line, partner_id=customer.id)
        return service

    def _ready_service(self, customer=None):
        with self.mockSMSGateway():
            service = self._taken_service(customer)
            self._make_ready(service)
        return service

    def _sms_of(self, service):
        return (
            self.env["sms.sms"]
            .sudo()
            .search(
                Domain("mail_message_id.res_id", "=", service.id)
                & Domain("mail_message_id.model", "=", "repair.order")
            )
        )

    def _mails_of(self, service):
        return (
            self.env["mail.mail"]
            .sudo()
            .search(
                Domain("model", "=", "repair.order")
                & Domain("res_id", "=", service.id)
                & Domain("recipient_ids", "in", service.partner_id.ids)
            )
        )


@tagged("post_install", "-at_install")
class TestServiceReady(ServiceReadyCommon):
    def test_ready_service_sends_exactly_one_message(self):
        service = self._ready_service()
        self.assertEqual(service.retail_stage, "ready")
        until = fields.Date.context_today(service) + timedelta(days=7)
        self.assertEqual(service.retail_pickup_hold_until, until)
        self.assertTrue(service.retail_pickup_told_date)
        sms = self._sms_of(service)
        self.assertEqual(len(sms), 1)
        self.assertEqual(sms.state, "outgoing")
        self.assertEqual(sms.number, "+34612345678")
        for text in (
            self.store.name,
            "Gran Via 12, 28013 Madrid",
            "Mon-Sat 10:00-21:00",
            service.name,
            format_date(self.env, until),
        ):
            self.assertIn(text, sms.body)
        mail = self._mails_of(service)
        self.assertEqual(len(mail), 1)
        self.assertIn(service.name, mail.subject)
        self.assertIn("Mon-Sat 10:00-21:00", mail.body_html)
        # posted on the service's chatter, queued, no provider called yet
        self.assertEqual(sms.mail_message_id.model, "repair.order")
        self.assertFalse(self._sms)
        log = service.retail_pickup_message_ids
        self.assertEqual(sorted(log.mapped("channel")), ["email", "sms"])
        self.assertEqual(set(log.mapped("kind")), {"ready"})
        self.assertEqual(set(log.mapped("source")), {"system"})
        self.assertEqual(log.warehouse_id, self.store)
        self.assertEqual(log.user_id, self.store_manager)
        self.assertEqual(log.company_id, service.company_id)
        self.assertFalse(log.order_id)
        self.assertIn(service.name, log[0].body)

    def test_ready_again_sends_nothing_more(self):
        service = self._ready_service()
        with self.mockSMSGateway():
            # back to the workshop and finished again, or the step retried
            service.with_user(self.store_manager).write({"state": "under_repair"})
            service.with_user(self.store_manager).action_repair_end()
            service._retail_pickup_tell_ready()
        self.assertEqual(service.retail_stage, "ready")
        self.assertEqual(len(self._sms_of(service)), 1)
        self.assertEqual(len(self._mails_of(service)), 1)
        self.assertEqual(len(service.retail_pickup_message_ids), 2)

    def test_store_without_hold_gives_no_date(self):
        self.store.retail_pickup_store = False
        service = self._ready_service()
        self.assertFalse(service.retail_pickup_hold_until)
        sms = self._sms_of(service)
        self.assertEqual(len(sms), 1)
        self.assertIn("Gran Via 12, 28013 Madrid", sms.body)
        self.assertNotIn("until", sms.body)

    def test_service_not_ready_sends_nothing(self):
        with self.mockSMSGateway():
            service = self._taken_service()
            service.with_user(self.store_manager).action_repair_start()
        self.assertEqual(service.retail_stage, "workshop")
        self.assertFalse(self._sms_of(service) or self._mails_of(service))
        self.assertFalse(service.retail_pickup_message_ids)

    def test_anonymised_customer_gets_nothing(self):
        service = self._taken_service()
        self.customer.retail_anonymized_date = "2026-01-01 00:00:00"
        with self.mockSMSGateway():
            self._make_ready(service)
        self.assertEqual(service.retail_stage, "ready")
        self.assertFalse(self._sms_of(service) or self._mails_of(service))
        self.assertFalse(service.retail_pickup_message_ids)
        self.assertFalse(service.retail_pickup_to_call)

    def test_customer_without_phone_nor_email_is_listed_to_call(self):
        service = self._ready_service(customer=self.other_customer)
        self.assertFalse(self._sms_of(service) or self._mails_of(service))
        self.assertTrue(service.retail_pickup_to_call)
        action = self.env.ref("retail_aftersales_pickup.action_retail_services_to_call")
        domain = safe_eval(action.domain)
        Repair = self.env["repair.order"].with_user(self.store_manager)
        self.assertIn(service, Repair.search(domain))

        service.with_user(self.store_manager).action_retail_pickup_called()
        self.assertFalse(service.retail_pickup_to_call)
        self.assertNotIn(service, Repair.search(domain))
        log = service.retail_pickup_message_ids
        self.assertEqual(log.channel, "phone")
        self.assertEqual(log.kind, "call")
        self.assertEqual(log.user_id, self.store_manager)


@tagged("post_install", "-at_install", "retail_security")
class TestServiceReadyCompanies(ServiceReadyCommon):
    def test_messages_of_another_company_are_hidden(self):
        service = self._ready_service(customer=self.other_customer)
        self._ready_service()
        messages = self.env["retail.pickup.message"].search(
            [("repair_id", "!=", False)]
        )
        self.assertEqual(len(messages), 2)
        other_company = self.env["res.company"].create({"name": "Franquicia Norte"})
        outsider = company_user(
            self.env,
            "pickup_service_outsider",
            "retail_aftersales.group_aftersales_store_manager,"
            "sales_team.group_sale_salesman",
            other_company,
        )
        Message = self.env["retail.pickup.message"].with_user(outsider)
        self.assertFalse(Message.search([("id", "in", messages.ids)]))
        with self.assertRaises(AccessError):
            messages.with_user(outsider).read(["body"])
        with self.assertRaises(AccessError):
            service.with_user(outsider).action_retail_pickup_called()
        self.assertTrue(service.retail_pickup_to_call)

    def test_cashier_cannot_take_a_customer_off_the_list(self):
        service = self._ready_service(customer=self.other_customer)
        with self.assertRaises(AccessError):
            service.with_user(self.cashier).action_retail_pickup_called()
        self.assertTrue(service.retail_pickup_to_call)
        self.assertFalse(service.retail_pickup_message_ids)

    def test_a_message_is_about_one_reservation_or_one_service(self):
        service = self._taken_service()
        order = service.sale_order_id
        Message = self.env["retail.pickup.message"].sudo()
        values = {"kind": "manual", "channel": "sms"}
        for subject in ({}, {"order_id": order.id, "repair_id": service.id}):
            with (
                mute_logger("odoo.sql_db"),
                self.assertRaises(IntegrityError),
                self.env.cr.savepoint(),
            ):
                Message.create(values | subject)
        with self.assertRaises(AccessError):
            self.env["retail.pickup.message"].with_user(self.store_manager).create(
                values | {"repair_id": service.id}
            )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.tests import freeze_time, tagged

from .common import READY_DAY, RetailPickupCommon


@tagged("post_install", "-at_install")
class TestPickupJobs(RetailPickupCommon):
    def _ready_reservation(self):
        with self.mockSMSGateway(), freeze_time(READY_DAY):
            order = self._reservation()
            self._make_ready(order)
        return order

    def _reminders(self, order):
        return order.retail_pickup_message_ids.filtered(lambda m: m.kind == "reminder")

    def test_reminder_goes_n_days_before_the_hold_ends(self):
        order = self._ready_reservation()
        self.assertEqual(len(self._sms_of(order)), 1)
        with self.mockSMSGateway():
            # held until the 9th, reminder 2 days before: the 7th
            self._run_job(READY_DAY + timedelta(days=4))
            self.assertFalse(self._reminders(order))
            self._run_job(READY_DAY + timedelta(days=5))
            self.assertEqual(
                sorted(self._reminders(order).mapped("channel")), ["email", "sms"]
            )
            sms = self._sms_of(order)
            self.assertEqual(len(sms), 2)
            self.assertIn("is waiting for you", sms.sorted("id")[-1].body)
            self.assertEqual(len(self._mails_of(order)), 2)
            # the next days: nothing more
            self._run_job(READY_DAY + timedelta(days=6))
            self.assertEqual(len(self._sms_of(order)), 2)
            self.assertEqual(len(self._reminders(order)), 2)
            self.assertFalse(self._sms)

    def test_release_at_expiry(self):
        order = self._ready_reservation()
        delivery = order.picking_ids
        self._run_job(READY_DAY + timedelta(days=7))
        self.assertEqual(order.retail_pickup_state, "ready")
        self.assertEqual(delivery.state, "assigned")
        self._run_job(READY_DAY + timedelta(days=8))
        self.assertEqual(order.retail_pickup_state, "released")
        self.assertEqual(order.state, "sale")
        self.assertEqual(delivery.state, "confirmed")
        self.assertFalse(delivery.move_ids.quantity)
        # the goods reserved again later: the customer is not told again
        told = self._sms_of(order)
        with self.mockSMSGateway():
            delivery.action_assign()
        self.assertEqual(delivery.state, "assigned")
        self.assertEqual(self._sms_of(order), told)

    def test_cancel_at_expiry_per_store_setting(self):
        self.store.retail_pickup_expiry_action = "cancel"
        order = self._ready_reservation()
        self._run_job(READY_DAY + timedelta(days=8))
        self.assertEqual(order.state, "cancel")
        self.assertEqual(order.retail_pickup_state, "cancelled")
        self.assertEqual(order.picking_ids.state, "cancel")

    def test_no_reminder_when_the_store_sends_none(self):
        self.store.retail_pickup_reminder_days = 0
        order = self._ready_reservation()
        self.assertFalse(order.retail_pickup_remind_on)
        self._run_job(READY_DAY + timedelta(days=6))
        self.assertFalse(self._reminders(order))

    def test_collected_reservation_gets_no_reminder_nor_release(self):
        order = self._ready_reservation()
        delivery = order.picking_ids
        delivery.move_ids.quantity = 1
        delivery.button_validate()
        self.assertEqual(order.retail_pickup_state, "collected")
        self._run_job(READY_DAY + timedelta(days=5))
        self._run_job(READY_DAY + timedelta(days=8))
        self.assertFalse(self._reminders(order))
        self.assertFalse(order.retail_pickup_end)
        self.assertEqual(order.retail_pickup_state, "collected")

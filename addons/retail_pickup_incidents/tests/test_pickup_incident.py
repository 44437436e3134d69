# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.exceptions import ValidationError
from odoo.fields import Domain
from odoo.tests import freeze_time, tagged

from odoo.addons.retail_pickup.tests.common import READY_DAY, RetailPickupCommon


@tagged("post_install", "-at_install")
class TestPickupIncident(RetailPickupCommon):
    def _expired_reservation(self):
        with self.mockSMSGateway(), freeze_time(READY_DAY):
            order = self._reservation()
            self._make_ready(order)
        self._run_job(READY_DAY + timedelta(days=8))
        self.assertEqual(order.retail_pickup_state, "released")
        return order

    def _incidents(self, order):
        return self.env["retail.incident"].search(
            Domain("event_code", "=", "pickup_expired")
            & Domain("sale_order_ids", "in", order.ids)
        )

    def test_uncollected_reservation_raises_one_incident_when_configured(self):
        order = self._expired_reservation()
        self.assertFalse(self._incidents(order))

        self.env["retail.incident.rule"].create(
            {"company_id": self.company.id, "event_code": "pickup_expired"}
        )
        order = self._expired_reservation()
        incident = self._incidents(order)
        self.assertEqual(len(incident), 1)
        self.assertEqual(incident.warehouse_id, self.store)
        self.assertEqual(incident.partner_id, self.customer)
        self.assertEqual(incident.values_after, {"hold ended with": "release"})
        # the next days' runs raise nothing more
        self._run_job(READY_DAY + timedelta(days=9))
        self.assertEqual(len(self._incidents(order)), 1)

    def test_rule_cannot_block(self):
        with self.assertRaises(ValidationError):
            self.env["retail.incident.rule"].create(
                {
                    "company_id": self.company.id,
                    "event_code": "pickup_expired",
                    "blocking": True,
                }
            )

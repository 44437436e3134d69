# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A late service and a warranty claim each raise one incident for the store,
through retail_incidents' event registry."""

import datetime

from odoo import fields
from odoo.tests import tagged

from odoo.addons.retail_aftersales.tests.common import AftersalesCommon


@tagged("post_install", "-at_install")
class TestServiceIncidents(AftersalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["retail.incident.rule"]._retail_create_default_rules(cls.company)

    def _incidents(self, event):
        return self.env["retail.incident"].search([("event_code", "=", event)])

    def test_late_service_raises_one_incident(self):
        service, _shown = self._take(self._bought(7))
        on_time, _shown = self._take(self._bought(6))
        Repair = self.env["repair.order"]
        Repair._retail_raise_late_incidents()
        self.assertFalse(self._incidents("service_late"), "nothing late yet")
        yesterday = fields.Date.today() - datetime.timedelta(days=1)
        service.with_user(self.store_manager).retail_promised_date = yesterday
        Repair._retail_raise_late_incidents()
        Repair._retail_raise_late_incidents()
        incident = self._incidents("service_late")
        self.assertEqual(len(incident), 1, "one incident, raised once")
        self.assertEqual(service.retail_late_incident_id, incident)
        self.assertEqual(incident.partner_id, self.customer)
        self.assertEqual(incident.pos_config_id, self.config)
        self.assertEqual(incident.sale_order_ids, service.sale_order_id)
        self.assertFalse(on_time.retail_late_incident_id)

    def test_warranty_claim_raises_one_incident(self):
        claim, _shown = self._take(
            self._bought(7), product=self.warranty_repair, service_type="warranty"
        )
        self._take(self._bought(6))
        incident = self._incidents("service_warranty")
        self.assertEqual(len(incident), 1, "the claim only, not the alteration")
        self.assertEqual(claim.retail_warranty_incident_id, incident)
        self.assertEqual(incident.company_id, self.company)

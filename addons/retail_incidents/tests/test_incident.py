# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import timedelta

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.retail_customer.tests.common import company_user


class RetailIncidentCommon(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Incident = cls.env["retail.incident"]
        cls.company_a = cls.env.company
        cls.company_b = cls._create_company(name="Franchisee B")
        cls.customer = cls.env["res.partner"].create({"name": "Claire Customer"})
        cls.category = cls.env["retail.incident.category"].create(
            {"name": "Damaged product"}
        )
        cls.responsible = company_user(
            cls.env,
            "inc_responsible",
            "retail_incidents.group_retail_incidents_manager",
            cls.company_a,
            name="Rita Responsible",
        )
        cls.staff_a = company_user(
            cls.env,
            "inc_staff_a",
            "point_of_sale.group_pos_user",
            cls.company_a,
            name="Store Staff A",
        )
        cls.staff_b = company_user(
            cls.env,
            "inc_staff_b",
            "point_of_sale.group_pos_user",
            cls.company_b,
            name="Store Staff B",
        )

    def _incident(self, **vals):
        return self.Incident.create(
            {
                "partner_id": self.customer.id,
                "category_id": self.category.id,
                "description": "The sofa arrived with a torn cover.",
                **vals,
            }
        )


@tagged("post_install", "-at_install")
class TestIncidentFlow(RetailIncidentCommon):
    def test_state_flow_and_time_to_resolution(self):
        start = fields.Datetime.now() - timedelta(hours=30)
        incident = self._incident(date=start, user_id=self.responsible.id)
        self.assertTrue(incident.name.startswith("INC/"))
        self.assertEqual(incident.state, "new")
        self.assertTrue(incident.is_open)
        incident.action_start()
        self.assertEqual(incident.state, "in_progress")
        incident.resolution = "Cover replaced at the customer's home."
        incident.action_resolve()
        self.assertEqual(incident.state, "resolved")
        self.assertFalse(incident.is_open)
        self.assertTrue(incident.date_resolved)
        self.assertAlmostEqual(incident.resolution_hours, 30.0, delta=0.1)
        incident.action_reopen()
        self.assertEqual(incident.state, "in_progress")
        self.assertFalse(incident.date_resolved)

    def test_resolving_without_resolution_is_refused(self):
        incident = self._incident()
        with (
            self.assertRaisesRegex(ValidationError, "without a resolution"),
            self.env.cr.savepoint(),
        ):
            incident.action_resolve()
        incident.invalidate_recordset()
        self.assertEqual(incident.state, "new")
        with (
            self.assertRaisesRegex(ValidationError, "without a resolution"),
            self.env.cr.savepoint(),
        ):
            self._incident(state="resolved", resolution="   ")

    def test_resolution_date_before_incident_date_is_refused(self):
        incident = self._incident(resolution="Refunded.")
        with (
            self.assertRaisesRegex(ValidationError, "cannot be before its incident"),
            self.env.cr.savepoint(),
        ):
            incident.write(
                {
                    "state": "resolved",
                    "date_resolved": incident.date - timedelta(days=1),
                }
            )
        incident.invalidate_recordset()
        self.assertEqual(incident.state, "new")
        self.assertFalse(incident.date_resolved)

    def test_responsible_of_another_company_is_refused(self):
        with (
            self.assertRaisesRegex(ValidationError, "do not work for"),
            self.env.cr.savepoint(),
        ):
            self._incident(user_id=self.staff_b.id)
        incident = self._incident(user_id=self.responsible.id)
        with (
            self.assertRaisesRegex(ValidationError, "do not work for"),
            self.env.cr.savepoint(),
        ):
            incident.user_id = self.staff_b
        incident.invalidate_recordset()
        self.assertEqual(incident.user_id, self.responsible)

    def test_responsible_is_notified(self):
        incident = self._incident(
            user_id=self.responsible.id, date_deadline="2030-01-31"
        )
        activity = incident.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.responsible)
        self.assertEqual(str(activity.date_deadline), "2030-01-31")
        # a new responsible gets the incident in their to-do too
        other = company_user(
            self.env,
            "inc_other",
            "retail_incidents.group_retail_incidents_user",
            self.company_a,
        )
        incident.user_id = other
        self.assertIn(other, incident.activity_ids.user_id)

    def test_customer_card_shows_open_incidents_first(self):
        done = self._incident(resolution="Refunded.", state="resolved")
        open_1 = self._incident()
        open_2 = self._incident(state="in_progress")
        self.assertEqual(self.customer.retail_incident_count, 3)
        self.assertEqual(self.customer.retail_incident_open_count, 2)
        self.assertEqual(self.customer.retail_incident_ids[:2], open_2 | open_1)
        self.assertEqual(self.customer.retail_incident_ids[2], done)
        action = self.customer.action_view_retail_incidents()
        self.assertEqual(self.Incident.search(action["domain"]), done | open_1 | open_2)
        (open_1 | open_2).action_cancel()
        self.customer.invalidate_recordset()
        self.assertEqual(self.customer.retail_incident_open_count, 0)

    def test_typed_documents_are_searchable(self):
        incident = self._incident()
        other = self._incident()
        self.env["retail.incident.document"].create(
            [
                {
                    "incident_id": incident.id,
                    "document_type": "photo",
                    "name": "Torn cover, left side",
                    "file": base64.b64encode(b"fake image bytes"),
                    "file_name": "torn_cover.jpg",
                },
                {
                    "incident_id": other.id,
                    "document_type": "claim_letter",
                    "name": "Letter of complaint",
                    "file": base64.b64encode(b"letter"),
                    "file_name": "claim.pdf",
                },
            ]
        )
        self.assertEqual(incident.document_count, 1)
        self.assertEqual(
            self.Incident.search([("document_ids.document_type", "=", "photo")]),
            incident,
        )
        self.assertEqual(
            self.Incident.search([("document_ids.file_name", "ilike", "claim")]), other
        )
        attachment = self.env["ir.attachment"].search(
            [
                ("res_model", "=", "retail.incident.document"),
                ("res_id", "=", incident.document_ids.id),
                ("res_field", "=", "file"),
            ]
        )
        self.assertEqual(len(attachment), 1, "the file is stored as an attachment")


@tagged("post_install", "-at_install", "retail_security")
class TestIncidentSecurity(RetailIncidentCommon):
    def test_store_staff_logs_and_reads_own_company_incidents(self):
        incident = self.Incident.with_user(self.staff_a).create(
            {"partner_id": self.customer.id, "description": "Wrong size in the box."}
        )
        self.assertEqual(incident.company_id, self.company_a)
        incident.with_user(self.staff_a).action_start()
        with self.assertRaises(AccessError):
            incident.with_user(self.staff_a).unlink()
        with self.assertRaises(AccessError):
            self.env["retail.incident.rule"].with_user(self.staff_a).create(
                {"event_code": "pos_refund", "company_id": self.company_a.id}
            )

    def test_multi_company_isolation(self):
        incident_a = self._incident()
        incident_b = self.Incident.with_company(self.company_b).create(
            {"description": "Franchisee B problem", "company_id": self.company_b.id}
        )
        found = self.Incident.with_user(self.staff_b).search([])
        self.assertIn(incident_b, found)
        self.assertNotIn(incident_a, found)
        with self.assertRaises(AccessError):
            incident_a.with_user(self.staff_b).read(["description"])
        with self.assertRaises(AccessError):
            incident_a.with_user(self.staff_b).write({"description": "hijack"})
        self.assertEqual(
            self.Incident.with_user(self.staff_a).search(
                [("id", "in", (incident_a | incident_b).ids)]
            ),
            incident_a,
        )

    def test_rules_are_per_company(self):
        rule_b = self.env["retail.incident.rule"].create(
            {"event_code": "pos_refund", "company_id": self.company_b.id}
        )
        manager_a = self.responsible
        self.assertFalse(
            self.env["retail.incident.rule"]
            .with_user(manager_a)
            .search([("id", "=", rule_b.id)])
        )
        # one active rule per company and event
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["retail.incident.rule"].create(
                {"event_code": "pos_refund", "company_id": self.company_b.id}
            ).flush_recordset()

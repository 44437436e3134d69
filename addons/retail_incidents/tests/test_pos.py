# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import RetailIncidentFlowCommon


@tagged("post_install", "-at_install", "retail_incidents")
class TestPosLogIncident(RetailIncidentFlowCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cashier = new_test_user(
            cls.env,
            login="incident_cashier",
            groups="base.group_user,point_of_sale.group_pos_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.Incident = cls.env["retail.incident"].with_user(cls.cashier)

    def _log(self, partner=None, category=None, problem="Scratched screen"):
        return self.Incident.retail_pos_log_incident(
            self.config.id,
            (partner or self.buyer).id if partner is not False else False,
            (category or self.category).id,
            problem,
        )

    def test_cashier_logs_store_incident_for_customer(self):
        self.category.user_id = self.manager
        result = self._log()
        incident = self.env["retail.incident"].browse(result["id"])
        self.assertEqual(result["name"], incident.name)
        self.assertEqual(result["open_count"], 1)
        self.assertEqual(incident.origin, "store")
        self.assertEqual(incident.partner_id, self.buyer)
        self.assertEqual(incident.pos_config_id, self.config)
        self.assertEqual(incident.company_id, self.config.company_id)
        self.assertEqual(incident.user_id, self.manager)
        self.assertEqual(incident.create_uid, self.cashier)
        self.assertEqual(self._log()["open_count"], 2)

    def test_the_till_loads_categories_and_open_counts(self):
        self._log()
        categories = self.env["retail.incident.category"]._load_pos_data_search_read(
            {}, self.config
        )
        self.assertIn(self.category.id, [c["id"] for c in categories])
        fields = self.env["res.partner"]._load_pos_data_fields(self.config)
        self.assertIn("retail_incident_open_count", fields)
        self.assertEqual(self.buyer.retail_incident_open_count, 1)

    def test_bad_inputs_are_refused(self):
        with self.assertRaisesRegex(UserError, "Select the customer"):
            self._log(partner=False)
        with self.assertRaisesRegex(UserError, "Describe the problem"):
            self._log(problem="   ")
        with self.assertRaisesRegex(UserError, "Expected the id of a till"):
            self.Incident.retail_pos_log_incident(0, self.buyer.id, False, "x")
        with self.assertRaisesRegex(UserError, "This till does not exist"):
            self.Incident.retail_pos_log_incident(
                self.config.id + 10**6, self.buyer.id, False, "x"
            )
        self.assertFalse(self.env["retail.incident"].search([]))

    def test_malformed_ids_and_problem_are_refused(self):
        """What a broken or forged till could send: a clear UserError each time,
        never a ValueError, an overflow or a database error."""
        Incident, buyer, config = self.Incident, self.buyer.id, self.config.id
        for bad in ("abc", math.nan, math.inf, 1.5, -1, 2**63, [1], {"id": 1}):
            with self.assertRaisesRegex(UserError, "id of a till"):
                Incident.retail_pos_log_incident(bad, buyer, False, "x")
            with self.assertRaisesRegex(UserError, "Select the customer"):
                Incident.retail_pos_log_incident(config, bad, False, "x")
            with self.assertRaisesRegex(UserError, "category does not exist"):
                Incident.retail_pos_log_incident(config, buyer, bad, "x")
        for problem in (None, 123, ["Broken"]):
            with self.assertRaisesRegex(UserError, "Describe the problem"):
                Incident.retail_pos_log_incident(config, buyer, False, problem)
        self.assertFalse(self.env["retail.incident"].search([]))

    def test_cashier_of_another_company_cannot_log_on_this_store(self):
        other = self.env["res.company"].create({"name": "Other Retailer"})
        outsider = new_test_user(
            self.env,
            login="incident_outsider",
            groups="base.group_user,point_of_sale.group_pos_user",
            company_id=other.id,
            company_ids=[Command.set(other.ids)],
        )
        with self.assertRaises(AccessError):
            self.env["retail.incident"].with_user(outsider).retail_pos_log_incident(
                self.config.id, self.buyer.id, False, "Not my store"
            )
        self.assertFalse(self.env["retail.incident"].search([]))

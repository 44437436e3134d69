# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.retail_customer.tests.pos_tour import RetailPosTourCase


@tagged("post_install", "-at_install")
class TestRetailIncidentsPosUi(RetailPosTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create({"name": "Ines Incident"})
        cls.category = cls.env["retail.incident.category"].create(
            {"name": "Damaged goods", "sequence": 1}
        )
        cls.previous = cls.env["retail.incident"].create(
            {
                "partner_id": cls.customer.id,
                "company_id": cls.main_pos_config.company_id.id,
                "description": "Late delivery last week",
            }
        )

    def test_cashier_logs_store_incident(self):
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailIncidentsLogStoreIncidentTour", login="pos_user")
        incident = self.env["retail.incident"].search(
            [("partner_id", "=", self.customer.id), ("id", "!=", self.previous.id)]
        )
        self.assertEqual(len(incident), 1)
        self.assertEqual(incident.origin, "store")
        self.assertEqual(incident.pos_config_id, self.main_pos_config)
        self.assertEqual(incident.category_id, self.category)
        self.assertEqual(incident.description, "Broken handle on the mug")
        self.assertEqual(incident.create_uid, self.pos_user)
        self.assertEqual(incident.state, "new")
        self.assertEqual(self.customer.retail_incident_open_count, 2)

    def test_cashier_logs_store_incident_in_spanish(self):
        """The cashier works in Spanish: the button, the popup, the category (as
        the head office translated it), the confirmation and the receipt in
        Spanish; the incident logged as in English."""
        self._retail_till_in_spanish()
        self.category.with_context(lang="es_ES").name = "Mercancía dañada"
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailIncidentsLogStoreIncidentTourEs", login="pos_user")
        incident = self.env["retail.incident"].search(
            [("partner_id", "=", self.customer.id), ("id", "!=", self.previous.id)]
        )
        self.assertEqual(len(incident), 1)
        self.assertEqual(incident.origin, "store")
        self.assertEqual(incident.category_id, self.category)
        self.assertEqual(incident.description, "Asa rota en la taza")
        self.assertEqual(self.customer.retail_incident_open_count, 2)
        order = self.env["pos.order"].search(
            [("config_id", "=", self.main_pos_config.id)]
        )
        self.assertEqual(order.partner_id, self.customer)
        self.assertIn(order.state, ("paid", "done"))

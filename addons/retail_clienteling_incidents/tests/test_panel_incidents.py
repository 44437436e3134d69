# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.retail_clienteling.tests.common import ClientelingCommon


@tagged("post_install", "-at_install")
class TestPanelIncidents(ClientelingCommon):
    """The till's customer panel lists the customer's open incidents."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.category = cls.env["retail.incident.category"].create(
            {"name": "Panel defect"}
        )
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.other_company = cls.env["res.company"].create({"name": "Franchise Panel"})

    def _incident(self, **values):
        return self.env["retail.incident"].create(
            {
                "partner_id": self.buyer.id,
                "description": "The heel came off",
                **values,
            }
        )

    def _panel_incidents(self, customer=None):
        panel = self.config.with_user(self.cashier).retail_clienteling_panel(
            (customer or self.buyer).id, []
        )
        sections = {section["key"]: section for section in panel["sections"]}
        return sections.get("retail_incidents")

    def test_panel_lists_the_open_incidents_newest_first(self):
        older = self._incident(
            category_id=self.category.id,
            pos_config_id=self.config.id,
            date="2026-03-02 10:00:00",
        )
        newer = self._incident(
            origin="delivery",
            warehouse_id=self.warehouse.id,
            state="in_progress",
            date="2026-03-05 16:30:00",
        )
        section = self._panel_incidents()
        self.assertEqual(section["title"], "Open incidents")
        self.assertEqual(
            section["rows"],
            [
                {
                    "id": newer.id,
                    "name": newer.name,
                    "type": "Delivery",
                    "state": "In Progress",
                    "date": "2026-03-05 16:30:00",
                    "store": self.warehouse.name,
                },
                {
                    "id": older.id,
                    "name": older.name,
                    "type": "Panel defect",
                    "state": "New",
                    "date": "2026-03-02 10:00:00",
                    "store": self.config.name,
                },
            ],
        )

    def test_resolved_and_cancelled_incidents_are_not_listed(self):
        opened = self._incident()
        self._incident(state="resolved", resolution="Shoes replaced")
        self._incident(state="cancelled")
        section = self._panel_incidents()
        self.assertEqual([row["id"] for row in section["rows"]], opened.ids)

    def test_another_companys_incidents_are_not_listed(self):
        """A customer shared by two companies: the cashier of one never sees the
        incidents of the other."""
        self._incident(company_id=self.other_company.id)
        self.assertIsNone(self._panel_incidents())
        mine = self._incident()
        section = self._panel_incidents()
        self.assertEqual([row["id"] for row in section["rows"]], mine.ids)

    def test_another_customers_incidents_are_not_listed(self):
        other = self.env["res.partner"].create({"name": "Otto Other"})
        self._incident(partner_id=other.id)
        self.assertIsNone(self._panel_incidents())

    def test_incidents_are_read_in_one_query(self):
        for state in ("new", "in_progress"):
            self._incident(
                state=state,
                category_id=self.category.id,
                pos_config_id=self.config.id,
            )
        buyer = self.buyer.with_user(self.cashier)
        buyer._retail_clienteling_incident_rows()
        self.env.invalidate_all()
        with self.assertQueryCount(1):
            rows = buyer._retail_clienteling_incident_rows()
        self.assertEqual(len(rows), 2)

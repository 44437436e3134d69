# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command

from odoo.addons.point_of_sale.tests.common import TestPoSCommon
from odoo.addons.retail_customer.tests.common import company_user


class RetailIncidentFlowCommon(TestPoSCommon):
    """A company with a chart of accounts, a warehouse, a till, and one active
    rule per event of the registry."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.group_ids |= cls.env.ref("sales_team.group_sale_manager")
        cls.env.user.group_ids |= cls.env.ref("stock.group_stock_manager")
        cls.company = cls.env.company
        cls.config = cls.basic_config
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.Incident = cls.env["retail.incident"]
        cls.buyer = cls.env["res.partner"].create({"name": "Incident Buyer"})
        cls.manager = company_user(
            cls.env,
            "incident_manager",
            "retail_incidents.group_retail_incidents_manager",
            cls.company,
            name="Incident Manager",
        )
        cls.salesman = company_user(
            cls.env,
            "incident_salesman",
            "sales_team.group_sale_salesman_all_leads,stock.group_stock_user",
            cls.company,
            name="Incident Salesman",
        )
        cls.category = cls.env["retail.incident.category"].create(
            {"name": "Order change (test)"}
        )
        categ = cls.env["product.category"].create({"name": "Furniture"})
        cls.chair = cls.create_product("Chair", categ, 100.0, tax_ids=[])
        cls.chair.write({"is_storable": True})
        cls.lamp = cls.create_product("Lamp", categ, 40.0, tax_ids=[])
        cls.lamp.write({"is_storable": True})
        cls.fitting = cls.env["product.product"].create(
            {"name": "Fitting", "type": "service", "list_price": 30.0, "taxes_id": []}
        )
        cls.premium_fitting = cls.env["product.product"].create(
            {
                "name": "Premium Fitting",
                "type": "service",
                "list_price": 50.0,
                "taxes_id": [],
            }
        )
        stock = cls.warehouse.lot_stock_id
        for product in (cls.chair, cls.lamp):
            cls.env["stock.quant"]._update_available_quantity(product, stock, 100)
        events = cls.Incident._retail_events()
        # the company's default rules give way to the tests' own
        cls.env["retail.incident.rule"].with_context(active_test=False).search(
            [("company_id", "=", cls.company.id)]
        ).unlink()
        cls.rules = cls.env["retail.incident.rule"].create(
            [
                {
                    "company_id": cls.company.id,
                    "event_code": code,
                    "category_id": cls.category.id,
                    "user_id": cls.manager.id,
                    "deadline_days": 3,
                }
                for code in events
            ]
        )

    def _rule(self, event):
        return self.rules.filtered(lambda r: r.event_code == event)

    def _confirmed_order(self, lines, partner=None):
        order = self.env["sale.order"].create(
            {
                "partner_id": (partner or self.buyer).id,
                "warehouse_id": self.warehouse.id,
                "order_line": [
                    Command.create({"product_id": product.id, "product_uom_qty": qty})
                    for product, qty in lines
                ],
            }
        )
        order.action_confirm()
        return order

    def _incidents(self, event, document=None):
        domain = [("event_code", "=", event)]
        if document is not None:
            domain.append(
                (
                    {
                        "sale.order": "sale_order_ids",
                        "stock.picking": "picking_ids",
                        "account.move": "invoice_ids",
                        "pos.order": "pos_order_ids",
                    }[document._name],
                    "in",
                    document.ids,
                )
            )
        return self.Incident.search(domain)

    def _assert_incident(self, incident, event, before, after, user=None):
        self.assertEqual(len(incident), 1, f"one incident for {event}")
        self.assertEqual(incident.event_code, event)
        self.assertEqual(incident.rule_id, self._rule(event))
        self.assertEqual(incident.values_before, before)
        self.assertEqual(incident.values_after, after)
        self.assertEqual(incident.event_user_id, user or self.env.user)
        self.assertEqual(incident.partner_id, self.buyer)
        self.assertEqual(incident.company_id, self.company)
        self.assertEqual(incident.category_id, self.category)
        self.assertEqual(incident.user_id, self.manager)
        self.assertEqual(incident.state, "new")
        self.assertTrue(incident.date_deadline)

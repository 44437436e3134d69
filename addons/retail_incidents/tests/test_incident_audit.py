# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.service.model import call_kw
from odoo.tests import tagged

from odoo.addons.retail_customer.tests.common import company_user

from .common import RetailIncidentFlowCommon


@tagged("post_install", "-at_install", "retail_security")
class TestIncidentAudit(RetailIncidentFlowCommon):
    """A till whose figures the server corrected raises an incident
    for the store; what the system recorded belongs to its auditors."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cashier = company_user(
            cls.env,
            "audit_cashier",
            "base.group_user,point_of_sale.group_pos_user",
            cls.company,
            name="Audit Cashier",
        )
        cls.other_manager = company_user(
            cls.env,
            "audit_other_manager",
            "retail_incidents.group_retail_incidents_manager",
            cls.company,
            name="Other Incident Manager",
        )

    def _rpc(self, user, model, method, *args):
        return call_kw(self.env[model].with_user(user), method, list(args), {})

    def _sync(self, lines, amount_paid, uuid=None):
        """Sync as the cashier a till order of ``lines`` paid ``amount_paid``,
        the order's totals claiming what was paid."""
        data = self.create_ui_order_data(
            lines, payments=[(self.cash_pm1, amount_paid)], uuid=uuid
        )
        data.update(
            amount_total=amount_paid,
            amount_tax=0.0,
            amount_paid=amount_paid,
            user_id=self.cashier.id,
        )
        self.env["pos.order"].with_user(self.cashier).sync_from_ui([data])
        return self.env["pos.order"].search([("uuid", "=", data["uuid"])]), data

    def _forged_order(self):
        """A premium fitting (50) sold at 50, the till claiming its line
        makes 1."""
        return self._sync(
            [
                {
                    "product": self.premium_fitting,
                    "quantity": 1,
                    "price_unit": 50.0,
                    "price_subtotal": 1.0,
                    "price_subtotal_incl": 1.0,
                }
            ],
            50.0,
        )

    def test_till_amounts_raise_one_incident_for_the_store(self):
        self.open_new_session()
        # normal: a till whose figures are right raises nothing
        fair, _data = self._sync([(self.fitting, 1)], 30.0)
        self.assertFalse(fair.retail_sync_flagged)
        self.assertFalse(self._incidents("till_amounts"))
        # forged: the server's figures win and the store gets an incident
        order, data = self._forged_order()
        self.assertTrue(order.retail_sync_flagged)
        self.assertEqual(order.lines.price_subtotal_incl, 50.0)
        incident = self._incidents("till_amounts", order)
        self.assertEqual(len(incident), 1)
        self.assertEqual(incident.pos_config_id, self.config)
        self.assertEqual(incident.origin, "store")
        self.assertEqual(incident.company_id, self.company)
        self.assertEqual(incident.event_user_id, self.cashier)
        self.assertEqual(incident.rule_id, self._rule("till_amounts"))
        self.assertIn("the server computed", incident.description)
        # the same order synced again raises nothing more
        self.env["pos.order"].with_user(self.cashier).sync_from_ui([data])
        self.assertEqual(self._incidents("till_amounts", order), incident)
        self.assertEqual(len(self._incidents("till_amounts")), 1)

    def test_every_company_has_the_till_amounts_rule(self):
        # every company's rules, whichever company the test works in
        Rule = self.env["retail.incident.rule"].sudo()
        for company in self.env["res.company"].search([]):
            self.assertTrue(
                Rule.search(
                    [
                        ("company_id", "=", company.id),
                        ("event_code", "=", "till_amounts"),
                    ]
                ),
                company.name,
            )
        new = self.env["res.company"].create({"name": "New Store Company"})
        rule = Rule.search(
            [("company_id", "=", new.id), ("event_code", "=", "till_amounts")]
        )
        self.assertEqual(len(rule), 1)
        self.assertTrue(rule.active)

    def test_raised_incident_is_not_rewritten_by_whom_it_concerns(self):
        self.open_new_session()
        order, _data = self._forged_order()
        incident = self._incidents("till_amounts", order)
        description = incident.description
        ids = [incident.id]
        # attack: the cashier of the order rewrites, closes or deletes it
        for vals in (
            {"description": "Nothing happened"},
            {"values_after": {}},
            {"pos_order_ids": [(5, 0, 0)]},
            {"event_code": False},
            {"date": "2020-01-01 00:00:00"},
            {"partner_id": False},
            {"state": "cancelled", "resolution": "My mistake"},
            {"user_id": self.cashier.id},
        ):
            with self.assertRaises(AccessError):
                self._rpc(self.cashier, "retail.incident", "write", ids, vals)
        for method in ("action_resolve", "action_cancel", "unlink"):
            with self.assertRaises(AccessError):
                self._rpc(self.cashier, "retail.incident", method, ids)
        # nor unlinks it from the order's side
        with self.assertRaises(AccessError):
            self._rpc(
                self.cashier,
                "pos.order",
                "write",
                order.ids,
                {"retail_incident_ids": [(3, incident.id, 0)]},
            )
        # nor forges one that looks raised by the system
        with self.assertRaises(AccessError):
            self._rpc(
                self.cashier,
                "retail.incident",
                "create",
                [{"description": "Fake", "event_code": "till_amounts"}],
            )
        # an incident manager resolves it with a reason, but cannot rewrite
        # nor delete what the system recorded either
        with self.assertRaises(AccessError):
            self._rpc(
                self.other_manager,
                "retail.incident",
                "write",
                ids,
                {"description": "Rewritten"},
            )
        with self.assertRaises(AccessError):
            self._rpc(self.other_manager, "retail.incident", "unlink", ids)
        with self.assertRaises(ValidationError):
            self._rpc(self.other_manager, "retail.incident", "action_cancel", ids)
        self._rpc(
            self.other_manager,
            "retail.incident",
            "write",
            ids,
            {"resolution": "Till checked: the cashier typed the price twice."},
        )
        self._rpc(self.other_manager, "retail.incident", "action_resolve", ids)
        self.assertEqual(incident.state, "resolved")
        self.assertEqual(incident.description, description)
        self.assertEqual(incident.pos_order_ids, order)
        self.assertEqual(incident.event_user_id, self.cashier)
        # a manual incident stays the staff's to edit
        manual = self._rpc(
            self.cashier,
            "retail.incident",
            "create",
            [{"description": "Customer complains about the queue"}],
        )
        self._rpc(
            self.cashier, "retail.incident", "write", manual, {"description": "Queue"}
        )

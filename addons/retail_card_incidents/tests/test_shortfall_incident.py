# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tests import tagged

from odoo.addons.point_of_sale.tests.common import TestPoSCommon


class CardShortfallCommon(TestPoSCommon):
    """A store, a gift card, a points card and the shortfall incident rule."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.config = cls.basic_config
        cls.Incident = cls.env["retail.incident"]
        cls.rule = cls.env["retail.incident.rule"]._retail_card_shortfall_rules(
            cls.company
        )
        cls.customer = cls.env["res.partner"].create({"name": "Offline buyer"})
        cls.goods = cls.create_product("Scarf", cls.categ_basic, 30.0, tax_ids=[])
        cls.gift_card = cls.env["loyalty.card"].create(
            {
                "program_id": cls.env["loyalty.program"]
                .create(
                    {
                        "name": "Shortfall gift cards",
                        "program_type": "gift_card",
                        "pos_ok": False,
                    }
                )
                .id
            }
        )
        cls.points_card = cls.env["loyalty.card"].create(
            {
                "program_id": cls.env["loyalty.program"]
                .create(
                    {
                        "name": "Shortfall points",
                        "program_type": "loyalty",
                        "pos_ok": False,
                    }
                )
                .id,
                "partner_id": cls.customer.id,
            }
        )

    def setUp(self):
        super().setUp()
        self.open_new_session()

    def _pos_order(self):
        data = self.create_ui_order_data(
            [(self.goods, 1)], customer=self.customer, payments=[(self.cash_pm1, 30)]
        )
        self.env["pos.order"].sync_from_ui([data])
        return self.env["pos.order"].search([("uuid", "=", data["uuid"])])

    def _shortfall(self, order, card, amount, description="Balance gone at sync"):
        return {
            "card": card,
            "amount": amount,
            "order": order,
            "store_id": order.config_id.id,
            "description": description,
        }

    def _incidents(self, orders):
        return self.Incident.search(
            Domain("event_code", "=", "card_shortfall")
            & Domain("pos_order_ids", "in", orders.ids)
        )


@tagged("post_install", "-at_install", "retail_money")
class TestCardShortfallIncident(CardShortfallCommon):
    """Offline card shortfalls reported at sync become one incident per POS
    order for the store, in the sync's transaction, once."""

    def test_one_incident_per_order_once(self):
        order, other = self._pos_order(), self._pos_order()
        shortfalls = [
            self._shortfall(order, self.gift_card, 12.5),
            self._shortfall(order, self.points_card, 40),
            self._shortfall(other, self.gift_card, 3),
        ]
        self.env["loyalty.card"]._retail_report_shortfalls(shortfalls)
        incident = self._incidents(order)
        self.assertRecordValues(
            incident,
            [
                {
                    "event_code": "card_shortfall",
                    "origin": "store",
                    "company_id": self.company.id,
                    "pos_config_id": self.config.id,
                    "partner_id": self.customer.id,
                    "rule_id": self.rule.id,
                    "category_id": self.env.ref(
                        "retail_card_incidents.retail_incident_category_card_shortfall"
                    ).id,
                }
            ],
        )
        self.assertEqual(incident.pos_order_ids, order)
        self.assertEqual(incident.retail_card_ids, self.gift_card | self.points_card)
        self.assertIn(order.name, incident.description)
        self.assertIn(f"{self.gift_card.code}: ", incident.description)
        self.assertIn("12.5", incident.description)
        self.assertIn("Balance gone at sync", incident.description)
        self.assertEqual(
            incident.values_after,
            {self.gift_card.code: 12.5, self.points_card.code: 40},
        )
        self.assertEqual(len(self._incidents(other)), 1)
        # the same order reported again (synced twice): no second incident
        self.env["loyalty.card"]._retail_report_shortfalls(shortfalls[:1])
        self.assertEqual(len(self._incidents(order | other)), 2)

    def test_in_the_sync_transaction(self):
        order = self._pos_order()
        with self.env.cr.savepoint(flush=False) as savepoint:
            self.env["loyalty.card"]._retail_report_shortfalls(
                [self._shortfall(order, self.gift_card, 5)]
            )
            self.assertEqual(len(self._incidents(order)), 1)
            savepoint.rollback()
        self.env.invalidate_all()
        self.assertFalse(self._incidents(order), "rolled back with the sync")
        # a blocking rule refuses the sync instead of recording
        self.rule.blocking = True
        with self.assertRaisesRegex(UserError, "Offline card shortfall"):
            self.env["loyalty.card"]._retail_report_shortfalls(
                [self._shortfall(order, self.gift_card, 5)]
            )

    def test_per_company(self):
        order = self._pos_order()
        other_company = self.setup_other_company()["company"]
        rules = self.env["retail.incident.rule"]._retail_card_shortfall_rules(
            self.company | other_company
        )
        self.assertEqual(rules.company_id, other_company, "only the missing rule")
        # the order's company has no active rule: no incident, whatever others do
        self.rule.active = False
        self.env["loyalty.card"]._retail_report_shortfalls(
            [self._shortfall(order, self.gift_card, 5)]
        )
        self.assertFalse(self._incidents(order))
        self.rule.active = True
        self.env["loyalty.card"]._retail_report_shortfalls(
            [self._shortfall(order, self.gift_card, 5)]
        )
        incident = self._incidents(order)
        self.assertEqual(incident.company_id, self.company)
        self.assertNotIn(other_company, incident.rule_id.company_id)

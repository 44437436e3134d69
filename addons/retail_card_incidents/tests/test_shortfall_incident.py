# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tests import tagged

from odoo.addons.point_of_sale.tests.common import TestPoSCommon


@tagged("post_install", "-at_install", "retail_money")
class TestCardShortfallIncident(TestPoSCommon):
    """Offline card shortfalls reported at sync become one incident per POS
    order for the store, in the sync's transaction, once."""

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

        # with retail_giftcard installed, the gift card flow reports its shortfalls
        cls.gift_pm = (
            cls.company._retail_giftcard_payment_method()
            if "retail.giftcard.series" in cls.env
            else None
        )

    def setUp(self):
        super().setUp()
        if self.gift_pm:
            self.config.write(
                {
                    "payment_method_ids": [(6, 0, (self.cash_pm1 | self.gift_pm).ids)],
                    "retail_giftcard_offline_card_cap": 30,
                    "retail_giftcard_offline_till_cap": 100,
                }
            )
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

    def test_gift_card_offline_sync(self):
        if not self.gift_pm:
            self.skipTest("retail_giftcard is not installed")
        self.env.user.group_ids |= self.env.ref("retail_card.group_card_head_office")
        series = self.env["retail.giftcard.series"].create(
            {"name": "Offline cards", "prefix": "6631", "number_length": 12}
        )
        card = self.env["loyalty.card"].browse(series._generate_cards(1))
        gift_pm = self.gift_pm
        self.env["loyalty.card"]._retail_giftcard_load([{"card": card, "amount": 20}])
        data = self.create_ui_order_data(
            [(self.goods, 1)],
            customer=self.customer,
            payments=[(gift_pm, 25), (self.cash_pm1, 5)],
        )
        data["payment_ids"][0][2].update(
            {"retail_giftcard_code": card.code, "retail_giftcard_offline": True}
        )
        self.env["pos.order"].sync_from_ui([data])
        order = self.env["pos.order"].search([("uuid", "=", data["uuid"])])
        self.assertEqual(order.state, "paid", "the order lands")
        incident = self._incidents(order)
        self.assertEqual(len(incident), 1)
        self.assertEqual(incident.retail_card_ids, card)
        self.assertEqual(incident.pos_config_id, self.config)
        self.assertIn(card.code, incident.description)
        self.assertIn("5.00", incident.description)
        # the till sends the same order again (network retry)
        self.env["pos.order"].sync_from_ui([data])
        self.assertEqual(len(self._incidents(order)), 1)
        self.assertEqual(card.points, 0)

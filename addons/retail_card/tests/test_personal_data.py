# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo.tests import new_test_user, tagged

from .common import RetailCardCommon


@tagged("post_install", "-at_install", "retail_security")
class TestCardPersonalData(RetailCardCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env, login="card_gdpr_manager", groups="sales_team.group_sale_manager"
        )
        cls.Card._retail_post_movements(
            [
                {"card": cls.points_card, "amount": 40, "kind": "earn"},
                {"card": cls.points_card, "amount": -15, "kind": "spend"},
            ]
        )

    def test_export_holds_cards_and_movements(self):
        action = self.customer.with_user(
            self.manager
        ).action_retail_export_personal_data()
        attachment_id = int(action["url"].split("/web/content/")[1].split("?")[0])
        data = json.loads(self.env["ir.attachment"].browse(attachment_id).raw)
        self.assertEqual(
            [(card["code"], card["balance"]) for card in data["loyalty_cards"]],
            [(self.points_card.code, 25.0)],
        )
        movements = data["loyalty_cards"][0]["movements"]
        self.assertEqual(
            [
                (row["kind"], row["issued"], row["used"], row["balance_after"])
                for row in movements
            ],
            [("earn", 40.0, 0.0, 40.0), ("spend", 0.0, 15.0, 25.0)],
        )
        # the customer's other sections are there too (retail_customer)
        self.assertEqual(data["customer"]["name"], "Card holder")

    def test_anonymise_keeps_cards_and_ledger(self):
        ledger = self._ledger(self.points_card)
        self.customer.with_user(self.manager)._retail_anonymize("Erasure request")
        self.assertEqual(self.points_card.partner_id, self.customer)
        self.assertEqual(self.points_card.points, 25)
        self.assertEqual(self._ledger(self.points_card), ledger)
        self.assertBalanceInvariant(self.points_card)
        # and a lookup of the card still tells nothing about the customer
        result = self.Card.retail_lookup(self.points_card.code)
        self.assertEqual((result["points"], result["partner_known"]), (25, True))

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A gift card spent offline beyond its balance (retail_giftcard) becomes the
store's shortfall incident (retail_card_incidents) when the till syncs."""

from odoo.tests import tagged

from odoo.addons.retail_card_incidents.tests.test_shortfall_incident import (
    CardShortfallCommon,
)


@tagged("post_install", "-at_install", "retail_money")
class TestGiftcardOfflineShortfallIncident(CardShortfallCommon):
    def setUp(self):
        self.gift_pm = self.company._retail_giftcard_payment_method()
        self.config.write(
            {
                "payment_method_ids": [(6, 0, (self.cash_pm1 | self.gift_pm).ids)],
                "retail_giftcard_offline_card_cap": 30,
                "retail_giftcard_offline_till_cap": 100,
            }
        )
        super().setUp()

    def test_gift_card_offline_sync(self):
        self.env.user.group_ids |= self.env.ref("retail_card.group_card_head_office")
        series = self.env["retail.giftcard.series"].create(
            {"name": "Offline cards", "prefix": "6631", "number_length": 12}
        )
        card = self.env["loyalty.card"].browse(series._generate_cards(1))
        self.env["loyalty.card"]._retail_giftcard_load([{"card": card, "amount": 20}])
        data = self.create_ui_order_data(
            [(self.goods, 1)],
            customer=self.customer,
            payments=[(self.gift_pm, 25), (self.cash_pm1, 5)],
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

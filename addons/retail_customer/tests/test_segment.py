# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import RetailCustomerCommon


@tagged("post_install", "-at_install")
class TestSegments(RetailCustomerCommon):
    def test_manual_segment(self):
        vip = self.env["retail.segment"].create({"name": "VIP"})
        customer = self._customer("Vip Customer", retail_segment_ids=[(4, vip.id)])
        self.assertEqual(vip.partner_count, 1)
        self.assertEqual(customer.retail_segment_names, "VIP")

    def test_rule_segment_refresh_adds_and_removes(self):
        madrid = self.env.ref("base.state_es_m")
        segment = self.env["retail.segment"].create(
            {
                "name": "Madrid buyers",
                "kind": "rule",
                "domain": repr(
                    [("state_id", "=", madrid.id), ("retail_channel_id", "!=", False)]
                ),
            }
        )
        inside = self._customer("In Madrid", state_id=madrid.id)
        outside = self._customer(
            "In Sevilla", state_id=self.env.ref("base.state_es_se").id
        )
        segment._refresh_partners()
        self.assertEqual(segment.partner_ids, inside)
        self.assertTrue(segment.last_refresh)
        # membership follows the rule at the next refresh
        inside.state_id = self.env.ref("base.state_es_b")
        outside.state_id = madrid
        segment._refresh_partners()
        self.assertEqual(segment.partner_ids, outside)
        self.assertIn(segment, outside.retail_segment_ids)
        self.assertNotIn(segment, inside.retail_segment_ids)

    def test_invalid_rule_refused(self):
        with self.assertRaisesRegex(ValidationError, "not valid"):
            self.env["retail.segment"].create(
                {
                    "name": "Broken",
                    "kind": "rule",
                    "domain": "[('no_such_field', '=', 1)]",
                }
            )

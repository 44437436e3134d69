# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.fields import Command
from odoo.tests import tagged

from odoo.addons.retail_clienteling.tests.common import ClientelingCommon


@tagged("post_install", "-at_install")
class TestPanelLoyalty(ClientelingCommon):
    def test_panel_shows_the_customers_points(self):
        program = self.env["loyalty.program"].create(
            {
                "name": "Clienteling points",
                "program_type": "loyalty",
                "applies_on": "both",
                "trigger": "auto",
                "retail_ledger": True,
                "pos_ok": True,
                "pos_config_ids": [Command.link(self.config.id)],
                "rule_ids": [
                    Command.create(
                        {
                            "reward_point_mode": "money",
                            "reward_point_amount": 1,
                            "minimum_amount": 0,
                        }
                    )
                ],
            }
        )
        card = self.env["loyalty.card"].create(
            {"program_id": program.id, "partner_id": self.buyer.id}
        )
        self.env["loyalty.card"]._retail_post_movements(
            [{"card": card, "amount": 42.5, "kind": "earn"}]
        )
        panel = self.config.with_user(self.cashier).retail_clienteling_panel(
            self.buyer.id, []
        )
        facts = {fact["key"]: fact["value"] for fact in panel["facts"]}
        self.assertEqual(facts["loyalty_points"], "42.5")

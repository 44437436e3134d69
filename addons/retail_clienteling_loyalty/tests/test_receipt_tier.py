# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.fields import Command
from odoo.tests import tagged

from odoo.addons.retail_clienteling.tests.receipt_common import ReceiptCommon


@tagged("post_install", "-at_install")
class TestReceiptTier(ReceiptCommon):
    """A receipt rule restricted to a loyalty tier prints only for the
    customers whose card is of that tier."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.points = cls.env["loyalty.program"].create(
            {
                "name": "Receipt tier points",
                "program_type": "loyalty",
                "applies_on": "both",
                "trigger": "auto",
                "retail_ledger": True,
                "pos_ok": True,
                "pos_config_ids": [Command.link(cls.config.id)],
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
        tiers = cls.env["retail.loyalty.tier"].create(
            [
                {"name": "Silver", "program_id": cls.points.id, "threshold": 0},
                {"name": "Gold", "program_id": cls.points.id, "threshold": 500},
            ]
        )
        cls.silver, cls.gold = tiers
        cls.eva = cls.env["res.partner"].create({"name": "Eva Gil"})
        for partner, tier in ((cls.lola, cls.gold), (cls.pepe, cls.silver)):
            card = cls.env["loyalty.card"].create(
                {"program_id": cls.points.id, "partner_id": partner.id}
            )
            card.sudo().write({"retail_tier_id": tier.id, "retail_tier_locked": True})
        cls.rule = cls._rule(
            "Gold evening",
            "Our gold customers' evening, {name}",
            tier=f"retail.loyalty.tier,{cls.gold.id}",
        )

    def test_tier_is_a_choice_of_the_rule(self):
        selection = self.env["retail.receipt.rule"]._fields["tier"].get_values(self.env)
        self.assertIn("retail.loyalty.tier", selection)
        self.assertEqual(self.rule.tier, self.gold)

    def test_rule_prints_only_for_the_tier(self):
        gold_order, _result = self._sync([(self.boot, 1)], self.lola)
        self.assertEqual(gold_order.retail_receipt_rule_id, self.rule)
        self.assertTrue(gold_order.retail_receipt_message)
        for customer in (self.pepe, self.eva):
            order, _result = self._sync([(self.boot, 1)], customer)
            self.assertFalse(order.retail_receipt_rule_id, customer.name)
            self.assertFalse(order.retail_receipt_message, customer.name)

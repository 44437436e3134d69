# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import RetailLoyaltyCommon


@tagged("post_install", "-at_install", "retail_money")
class TestRedeemable(RetailLoyaltyCommon):
    """Which rewards a card may claim: tier and segment limits, shown to the till
    and enforced when the order is settled."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.gold_reward = cls.env["loyalty.reward"].create(
            {
                "program_id": cls.program.id,
                "reward_type": "discount",
                "discount_mode": "per_order",
                "discount": 25,
                "required_points": 200,
                "discount_applicability": "order",
                "retail_tier_ids": [Command.set(cls.gold.ids)],
            }
        )

    def _gold_line(self, card):
        return {
            **self._reward_line(card, points_cost=200),
            "reward_id": self.gold_reward.id,
            "price_unit": -25.0,
            "price_subtotal": -25.0,
            "price_subtotal_incl": -25.0,
            "reward_identifier_code": "retail-test-gold",
        }

    def _allowed(self, card):
        card.invalidate_recordset(["retail_allowed_rewards"])
        return self.env["loyalty.reward"].browse(card.retail_allowed_rewards)

    def test_tier_limited_reward_shown_and_claimed_by_its_tier_only(self):
        card = self._give_points(500)
        self.assertEqual(self._allowed(card), self.reward, "no tier: base reward")
        self.assertIn(
            "retail_allowed_rewards", self.Card._load_pos_data_fields(self.config)
        )
        self.open_new_session()
        with self.assertRaises(UserError) as error:
            self._sell([(self.shoes, 1), self._gold_line(card)])
        self.assertIn("may not claim the reward", str(error.exception))
        self.assertEqual(card.points, 500, "nothing debited")
        self.assertFalse(self.OrderPoints.search([("card_id", "=", card.id)]))

        card.sudo().retail_tier_id = self.gold
        self.assertEqual(self._allowed(card), self.reward | self.gold_reward)
        order, _data = self._sell([(self.shoes, 1), self._gold_line(card)])
        self.assertEqual(order.state, "paid")
        self.assertEqual(card.points, 500 - 200 + 200, "100 euros x 2 (Gold)")
        self.assertBalanceInvariant(card)

    def test_segment_limited_program_offers_nothing_outside_it(self):
        card = self._give_points(500)
        vip = self.env["retail.segment"].create({"name": "VIP"})
        self.program.retail_segment_ids = vip
        self.assertFalse(self._allowed(card), "customer outside the segments")
        self.open_new_session()
        with self.assertRaises(UserError):
            self._sell([(self.shoes, 1), self._reward_line(card)])
        self.assertEqual(card.points, 500)
        self.buyer.retail_segment_ids = vip
        self.assertEqual(self._allowed(card), self.reward)

    def test_reward_tiers_of_another_program_refused(self):
        other = self.env["loyalty.program"].create(
            {"name": "Other", "program_type": "loyalty", "retail_ledger": True}
        )
        silver = self.env["retail.loyalty.tier"].create(
            {"name": "Silver", "program_id": other.id, "threshold": 10}
        )
        with self.assertRaises(ValidationError):
            self.gold_reward.retail_tier_ids = silver

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import RetailLoyaltyCommon


@tagged("post_install", "-at_install", "retail_security")
class TestManualAdjust(RetailLoyaltyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            login="points_manager",
            groups="base.group_user,sales_team.group_sale_salesman,"
            "retail_card.group_card_store_manager",
        )
        cls.cashier = new_test_user(
            cls.env,
            login="points_cashier",
            groups="base.group_user,retail_card.group_card_cashier",
        )
        cls.goodwill = cls.env.ref(
            "retail_loyalty.retail_loyalty_adjust_reason_goodwill"
        )
        cls.segment = cls.env["retail.segment"].create({"name": "Newsletter"})
        cls.second = cls.env["res.partner"].create({"name": "Second Buyer"})
        (cls.buyer | cls.second).retail_segment_ids = cls.segment

    def _wizard(self, user, **vals):
        return (
            self.env["retail.loyalty.adjust"]
            .with_user(user)
            .create(
                {
                    "program_id": self.program.id,
                    "points": 100,
                    "reason_id": self.goodwill.id,
                    **vals,
                }
            )
        )

    def test_bulk_load_to_a_segment(self):
        card = self._give_points(20)
        balances = self._wizard(
            self.manager, segment_id=self.segment.id, note="Spring"
        ).action_apply()
        second_card = self._card(self.second)
        self.assertEqual(balances, {card.id: 120.0, second_card.id: 100.0})
        row = self._ledger(second_card)
        self.assertRecordValues(
            row,
            [
                {
                    "retail_kind": "adjust",
                    "issued": 100,
                    "retail_reason": "Goodwill gesture: Spring",
                    "create_uid": self.manager.id,
                }
            ],
        )
        self.assertBalanceInvariant(card | second_card)

    def test_bad_inputs(self):
        card = self._give_points(20)
        cards = [Command.set(card.ids)]
        with self.assertRaises(AccessError):
            self._wizard(self.cashier, card_ids=cards).action_apply()
        with self.assertRaises(ValidationError):
            self._wizard(self.manager, card_ids=cards, points=0).action_apply()
        with self.assertRaises(ValidationError):
            self._wizard(self.manager, card_ids=cards, points=-5).action_apply()
        with self.assertRaises(ValidationError):
            self._wizard(self.manager, card_ids=cards, reason_id=False).action_apply()
        with self.assertRaises(UserError) as error:
            self._wizard(
                self.manager, card_ids=cards, operation="deduct", points=21
            ).action_apply()
        self.assertIn("cannot be debited", str(error.exception))
        with self.assertRaises(AccessError):
            card.with_user(self.cashier).action_retail_adjust(5, "Because")
        self.assertEqual(card.points, 20, "nothing written")
        self._wizard(
            self.manager, card_ids=cards, operation="deduct", points=20
        ).action_apply()
        self.assertEqual(card.points, 0)
        card.expiration_date = fields.Date.today() - timedelta(days=1)
        with self.assertRaisesRegex(UserError, "expired"):
            self._wizard(self.manager, card_ids=cards).action_apply()
        self.assertBalanceInvariant(card)

    def test_expired_card_cannot_redeem_at_the_till(self):
        card = self._give_points(150)
        card.expiration_date = fields.Date.today() - timedelta(days=1)
        self.open_new_session()
        with self.assertRaises(UserError) as error:
            self._sell([(self.shoes, 1), self._reward_line(card)])
        self.assertIn("expired", str(error.exception))
        self.assertEqual(card.points, 150)

    def test_other_company_sees_no_order_points_nor_tiers(self):
        self.open_new_session()
        self._sell([(self.shoes, 1)])
        row = self.OrderPoints.search([("card_id.partner_id", "=", self.buyer.id)])
        self.assertEqual(row.company_id, self.env.company)
        self.program.company_id = self.env.company
        other = self.env["res.company"].create({"name": "Franchise Sur"})
        stranger = new_test_user(
            self.env,
            login="points_stranger",
            groups="base.group_user,retail_card.group_card_store_manager",
            company_id=other.id,
            company_ids=[Command.set(other.ids)],
        )
        OrderPoints = self.OrderPoints.with_user(stranger)
        self.assertFalse(OrderPoints.search([("id", "=", row.id)]))
        with self.assertRaises(AccessError):
            OrderPoints.browse(row.id).read(["points_earned"])
        Tier = self.env["retail.loyalty.tier"].with_user(stranger)
        self.assertFalse(Tier.search([("id", "=", self.gold.id)]))
        with self.assertRaises(AccessError):
            Tier.browse(self.gold.id).read(["name"])
        # a user of the company sees them
        self.assertEqual(self.OrderPoints.with_user(self.manager).search([]), row)

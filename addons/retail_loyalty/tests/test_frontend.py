# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import tagged

from odoo.addons.retail_customer.tests.pos_tour import RetailPosTourCase

LOADED_CUSTOMERS = 5


@tagged("post_install", "-at_install")
class TestRetailLoyaltyPosUi(RetailPosTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        spain = cls.env.ref("base.es")
        cls.main_pos_config.company_id.country_id = spain
        store = cls.env.ref("retail_customer.retail_channel_store")
        cls.main_pos_config.retail_channel_id = store
        cls.env["ir.config_parameter"].sudo().set_param(
            "point_of_sale.limited_customer_count", LOADED_CUSTOMERS
        )
        # the customer to find is not among those the till loads at start
        cls.env["res.partner"].create(
            [{"name": f"AAA Loaded Customer {i}"} for i in range(LOADED_CUSTOMERS + 1)]
        )
        cls.env["loyalty.program"].search([]).write({"pos_ok": False})
        cls.program = cls.env["loyalty.program"].create(
            {
                "name": "Retail Points",
                "program_type": "loyalty",
                "applies_on": "both",
                "trigger": "auto",
                "retail_ledger": True,
                "pos_ok": True,
                "pos_config_ids": [Command.link(cls.main_pos_config.id)],
                "rule_ids": [
                    Command.create(
                        {"reward_point_mode": "money", "reward_point_amount": 1}
                    )
                ],
                "reward_ids": [
                    Command.create(
                        {
                            "reward_type": "discount",
                            "discount_mode": "per_order",
                            "discount": 10,
                            "required_points": 100,
                            "discount_applicability": "order",
                        }
                    )
                ],
            }
        )
        cls.gold = cls.env["retail.loyalty.tier"].create(
            {
                "name": "Gold",
                "program_id": cls.program.id,
                "threshold": 1000,
                "multiplier": 2.0,
                "receipt_message": "Thank you, Gold member!",
            }
        )
        cls.shoe = cls.env["product.product"].create(
            {
                "name": "Loyalty Shoe",
                "list_price": 100,
                "available_in_pos": True,
                "taxes_id": False,
            }
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Lola Loyal",
                "phone": "+34 612 345 678",
                "country_id": spain.id,
                "customer_number": "RTLLOY1",
                "retail_channel_id": store.id,
            }
        )
        # the tier is the system's (set by hand through the manager's action)
        cls.card = (
            cls.env["loyalty.card"]
            .sudo()
            .create(
                {
                    "program_id": cls.program.id,
                    "partner_id": cls.customer.id,
                    "retail_tier_id": cls.gold.id,
                }
            )
        )
        cls.env["loyalty.card"]._retail_post_movements(
            [{"card": cls.card, "amount": 150, "kind": "earn"}]
        )

    def _assert_earned_with_tier(self):
        order = self.env["pos.order"].search([("partner_id", "=", self.customer.id)])
        self.assertEqual(len(order), 1)
        self.assertEqual(self.card.points, 350, "150 + 100 euros x 2 (Gold)")
        rows = (
            self.env["retail.loyalty.order.points"]
            .sudo()
            .search([("order_id", "=", order.id), ("order_model", "=", "pos.order")])
        )
        self.assertRecordValues(rows, [{"points_earned": 200, "points_browser": 200}])
        self.assertEqual(self.card._retail_check_balance_invariant(), {})

    def test_identify_by_phone_and_earn_with_tier(self):
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailLoyaltyEarnTierTour")
        self._assert_earned_with_tier()

    def test_identify_by_phone_and_earn_with_tier_in_spanish(self):
        """The cashier works in Spanish: the till, the rewards button and the
        loyalty lines of the receipt are in Spanish."""
        self._retail_till_in_spanish()
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailLoyaltyEarnTierTourEs")
        self._assert_earned_with_tier()

    def test_redeem_voucher_then_refund(self):
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailLoyaltyRedeemRefundTour")
        orders = self.env["pos.order"].search(
            [("partner_id", "=", self.customer.id)], order="id"
        )
        self.assertEqual(len(orders), 2, "the sale and its refund")
        self.assertEqual(
            self.card.points, 150, "100 spent and 200 earned, both given back"
        )
        kinds = self.env["loyalty.history"].search(
            [("card_id", "=", self.card.id)], order="id"
        )
        self.assertEqual(
            kinds.mapped(lambda row: (row.retail_kind, row.issued, row.used)),
            [
                ("earn", 150, 0),
                ("spend", 0, 100),
                ("earn", 200, 0),
                ("reverse", 0, 200),
                ("reverse", 100, 0),
            ],
        )
        self.assertEqual(self.card._retail_check_balance_invariant(), {})

    def _set_offline_caps(self):
        self.main_pos_config.write(
            {
                "retail_loyalty_offline_card_cap": 50,
                "retail_loyalty_offline_till_cap": 500,
            }
        )

    def _assert_validated_online(self):
        order = self.env["pos.order"].search([("partner_id", "=", self.customer.id)])
        self.assertEqual(len(order), 1, "validated once, back online")
        reward = order.lines.filtered("is_reward_line")
        self.assertEqual(reward.points_cost, 100)
        self.assertFalse(reward.retail_loyalty_offline, "validated online")
        self.assertEqual(self.card.points, 250, "150 - 100 + 200 (Gold)")
        self.assertEqual(self.card._retail_check_balance_invariant(), {})

    def test_offline_cap_refused_at_the_till(self):
        self._set_offline_caps()
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailLoyaltyOfflineCapTour")
        self._assert_validated_online()

    def test_offline_cap_refused_at_the_till_in_spanish(self):
        """The cashier works in Spanish: the till's refusal is in Spanish."""
        self._set_offline_caps()
        self._retail_till_in_spanish()
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailLoyaltyOfflineCapTourEs")
        self._assert_validated_online()

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command

from odoo.addons.point_of_sale.tests.common import TestPoSCommon
from odoo.addons.retail_card.tests.common import LedgerAssertions


class RetailLoyaltyCommon(LedgerAssertions, TestPoSCommon):
    """A POS store, a retail ledger loyalty program (1 point per euro, 100
    points for 10 euros off) and customers, built in setUpClass."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.group_ids |= cls.env.ref("sales_team.group_sale_manager")
        cls.config = cls.basic_config
        cls.Card = cls.env["loyalty.card"]
        cls.History = cls.env["loyalty.history"]
        cls.OrderPoints = cls.env["retail.loyalty.order.points"]
        cls.categ_shoes = cls.env["product.category"].create({"name": "Shoes"})
        cls.categ_socks = cls.env["product.category"].create({"name": "Socks"})
        cls.shoes = cls.create_product("Shoes", cls.categ_shoes, 100.0, tax_ids=[])
        cls.socks = cls.create_product("Socks", cls.categ_socks, 5.0, tax_ids=[])
        cls.program = cls.env["loyalty.program"].create(
            {
                "name": "Retail Points",
                "program_type": "loyalty",
                "applies_on": "both",
                "trigger": "auto",
                "retail_ledger": True,
                "pos_ok": True,
                "sale_ok": True,
                "rule_ids": [
                    Command.create(
                        {
                            "reward_point_mode": "money",
                            "reward_point_amount": 1,
                            "minimum_amount": 0,
                        }
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
        cls.rule = cls.program.rule_ids
        cls.reward = cls.program.reward_ids
        cls.gold = cls.env["retail.loyalty.tier"].create(
            {
                "name": "Gold",
                "program_id": cls.program.id,
                "threshold": 1000,
                "multiplier": 2.0,
            }
        )
        cls.buyer = cls.env["res.partner"].create(
            {"name": "Loyal Buyer", "phone": "+34 612 345 678"}
        )

    def _card(self, partner=None):
        return self.Card.search(
            [
                ("partner_id", "=", (partner or self.buyer).id),
                ("program_id", "=", self.program.id),
            ]
        )

    def _give_points(self, points, partner=None):
        partner = partner or self.buyer
        card = self._card(partner) or self.Card.create(
            {"program_id": self.program.id, "partner_id": partner.id}
        )
        self.Card._retail_post_movements(
            [{"card": card, "amount": points, "kind": "earn"}]
        )
        return card

    def _reward_line(self, card, points_cost=100, claims=1):
        product = self.reward.discount_line_product_id
        return {
            "product": product,
            "quantity": 1,
            "price_unit": -10.0 * claims,
            "price_subtotal": -10.0 * claims,
            "price_subtotal_incl": -10.0 * claims,
            "is_reward_line": True,
            "reward_id": self.reward.id,
            "coupon_id": card.id,
            "points_cost": points_cost,
            "reward_identifier_code": "retail-test-reward",
        }

    def _sell(self, lines, partner=None, **kwargs):
        data = self.create_ui_order_data(
            lines, customer=partner if partner is not None else self.buyer, **kwargs
        )
        result = self.env["pos.order"].sync_from_ui([data])
        order = self.env["pos.order"].browse(result["pos.order"][0]["id"])
        return order, data

    def _refund(self, order, qty_per_line=None, payments=None):
        """Refund lines of ``order`` through the till's sync (negative lines
        pointing at the refunded ones)."""
        lines = []
        for line in order.lines.filtered(lambda line: not line.is_reward_line):
            qty = (qty_per_line or {}).get(line.product_id, line.qty)
            if qty:
                lines.append(
                    {
                        "product": line.product_id,
                        "quantity": -qty,
                        "refunded_orderline_id": line.id,
                    }
                )
        data = self.create_ui_order_data(
            lines, customer=order.partner_id, payments=payments
        )
        data["is_refund"] = True
        result = self.env["pos.order"].sync_from_ui([data])
        refunds = (
            self.env["pos.order"].browse([row["id"] for row in result["pos.order"]])
            - order
        )
        return refunds

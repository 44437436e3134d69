# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The shared extra point basket case (tests/baskets/extra_points_socks.json),
run on a sale order (test_extra_points.py) and in the till (test_frontend.py).

The case gives its products (key: name and price, no taxes), the retail loyalty
program (points per currency unit), the extra point promotion (its values, `group`
naming products by key), the customer, the basket (product key, quantity) and
the expected order total and points earned by the customer's card."""

import json
from pathlib import Path

from odoo import Command

BASKET = Path(__file__).parent / "baskets" / "extra_points_socks.json"


def load_extra_points_case():
    return json.loads(BASKET.read_text())


class RetailExtraPointsCaseMixin:
    """Builds the products, the loyalty program, the promotion and the customer of
    the shared case."""

    def _retail_setup_points_case(self, case, pos_config=None):
        products = {
            key: self.env["product.product"].create(
                {
                    "name": spec["name"],
                    "list_price": spec["price"],
                    "taxes_id": [Command.clear()],
                    "available_in_pos": True,
                    "type": "consu",
                }
            )
            for key, spec in case["products"].items()
        }
        channels = {"pos_ok": True, "sale_ok": True}
        if pos_config:
            channels["pos_config_ids"] = [Command.set(pos_config.ids)]
        loyalty = self.env["loyalty.program"].create(
            {
                "name": case["loyalty"]["name"],
                "program_type": "loyalty",
                "applies_on": "both",
                "trigger": "auto",
                "retail_ledger": True,
                **channels,
                "rule_ids": [
                    Command.create(
                        {
                            "reward_point_mode": "money",
                            "reward_point_amount": case["loyalty"]["points_per_amount"],
                        }
                    )
                ],
                "reward_ids": [
                    Command.create(
                        {
                            "reward_type": "discount",
                            "discount_mode": "per_order",
                            "discount": 10,
                            "required_points": 1000,
                            "discount_applicability": "order",
                        }
                    )
                ],
            }
        )
        spec = case["promotion"]
        promotion = self.env["loyalty.program"].create(
            {
                **{key: value for key, value in spec.items() if key != "group"},
                "retail_promotion_type": "loyalty_points",
                "retail_product_ids": [
                    Command.set([products[key].id for key in spec["group"]])
                ],
                "retail_points_program_id": loyalty.id,
                **channels,
            }
        )
        customer = self.env["res.partner"].create({"name": case["customer"]})
        return products, loyalty, promotion, customer

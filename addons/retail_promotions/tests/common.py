# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared basket cases (tests/baskets/*.json): the same cases run on sale orders
(test_baskets.py) and in the POS (test_frontend.py).

A case gives its products (key: name, price and, optionally, `tax`: a 21 % tax
excluded from or included in the price, see `_retail_case_tax`; no tax by
default), its programs (the
loyalty.program values, with `group` and `gift` naming products by key), the basket
(product key, quantity) and what is expected: the order total, the amount of the
reward lines per program, the gift article per program and the vouchers issued per
program once the order is confirmed.

Customer discounts: a case may give its `segments` (key: name), its `customer`
(name, segment keys, `employee: true`; the order's customer) and, per program, the
`segments` keys, `customers: true` (the case's customer) and `card_holder: true` (a
discount card of the program issued to the case's customer)."""

import json
from pathlib import Path

from odoo import Command

BASKETS = Path(__file__).parent / "baskets"


def load_basket_cases():
    """{case name: case} of every basket file, in name order."""
    return {
        path.stem: json.loads(path.read_text())
        for path in sorted(BASKETS.glob("*.json"))
    }


class RetailPromotionCaseMixin:
    """Builds the products and programs of a basket case."""

    @classmethod
    def _retail_archive_other_programs(cls):
        cls.env["loyalty.program"].search([]).write({"active": False})

    def _retail_setup_customer(self, case):
        """The case's segments and customer (None when the case has none)."""
        segments = {
            key: self.env["retail.segment"].create({"name": name})
            for key, name in case.get("segments", {}).items()
        }
        spec = case.get("customer")
        partner = None
        if spec:
            partner = self.env["res.partner"].create(
                {
                    "name": spec["name"],
                    "retail_is_employee": spec.get("employee", False),
                    "retail_segment_ids": [
                        Command.set(
                            [segments[key].id for key in spec.get("segments", [])]
                        )
                    ],
                }
            )
        return segments, partner

    def _retail_setup_case(self, case, pos_config=None):
        """Products and programs of the case; its customer, if any, is kept in
        `self.case_partner`."""
        segments, self.case_partner = self._retail_setup_customer(case)
        products = {
            key: self.env["product.product"].create(
                {
                    "name": spec["name"],
                    "list_price": spec["price"],
                    "taxes_id": [Command.set(self._retail_case_tax(spec).ids)],
                    "available_in_pos": True,
                    "type": "consu",
                }
            )
            for key, spec in case["products"].items()
        }
        vals_list = []
        for spec in case["programs"]:
            vals = {
                k: v
                for k, v in spec.items()
                if k not in ("group", "gift", "segments", "customers", "card_holder")
            }
            if spec.get("segments"):
                vals["retail_segment_ids"] = [
                    Command.set([segments[key].id for key in spec["segments"]])
                ]
            if spec.get("customers"):
                vals["retail_partner_ids"] = [Command.set(self.case_partner.ids)]
            vals.update(
                {
                    "retail_product_ids": [
                        Command.set([products[key].id for key in spec["group"]])
                    ],
                    "sale_ok": True,
                    "pos_ok": True,
                }
            )
            if spec.get("gift"):
                vals["retail_gift_product_id"] = products[spec["gift"]].id
            if pos_config:
                vals["pos_config_ids"] = [Command.set(pos_config.ids)]
            vals_list.append(vals)
        programs = self.env["loyalty.program"].create(vals_list)
        self.env["loyalty.card"].create(
            [
                {"program_id": program.id, "partner_id": self.case_partner.id}
                for spec, program in zip(case["programs"], programs, strict=True)
                if spec.get("card_holder")
            ]
        )
        return products, programs

    def _retail_case_tax(self, spec):
        """The sales tax of a case's product: none, or 21 % with the price
        excluding (`"tax": "21_excluded"`) or including (`"21_included"`) it."""
        kind = spec.get("tax")
        if not kind:
            return self.env["account.tax"]
        name = f"Promo VAT 21 % ({kind})"
        company = self.env.company
        return self.env["account.tax"].search(
            [("name", "=", name), ("company_id", "=", company.id)], limit=1
        ) or self.env["account.tax"].create(
            {
                "name": name,
                "amount": 21.0,
                "amount_type": "percent",
                "type_tax_use": "sale",
                "company_id": company.id,
                "price_include_override": "tax_included"
                if kind == "21_included"
                else "tax_excluded",
            }
        )

    def _retail_sale_order(self, partner, products, basket):
        return self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [
                    Command.create(
                        {"product_id": products[key].id, "product_uom_qty": qty}
                    )
                    for key, qty in basket
                ],
            }
        )

    def _retail_apply_promotions(self, order):
        """What a salesperson gets: programs computed, every claimable reward
        claimed (as the POS does automatically), programs computed again."""
        order._update_programs_and_rewards()
        for coupon, rewards in order._get_claimable_rewards().items():
            for reward in rewards:
                order._apply_program_reward(reward, coupon)
        order._update_programs_and_rewards()

    def _retail_assert_rewards(self, case, products, total, reward_lines, amount):
        """The order total, the reward amount per program (`amount` names the
        line field: price_total on sale orders, price_subtotal_incl in the POS)
        and the gift article per program are those of the case."""
        expected = case["expected"]
        self.assertAlmostEqual(total, expected["total"], places=2)
        amounts = {}
        for line in reward_lines:
            name = line.reward_id.program_id.name
            amounts[name] = round(amounts.get(name, 0.0) + line[amount], 2)
        self.assertEqual(amounts, expected["discounts"])
        gifts = {
            line.reward_id.program_id.name: line.product_id
            for line in reward_lines
            if line.reward_id.reward_type == "product"
        }
        self.assertEqual(
            gifts,
            {name: products[key] for name, key in expected.get("gifts", {}).items()},
        )

    def _retail_assert_vouchers(self, case, cards):
        """The vouchers (next order coupons with points) issued by the order,
        `cards`, are those of the case: their number per program and, when the
        case gives them, their points per program."""
        vouchers, points = {}, {}
        for card in cards.filtered(
            lambda c: c.points > 0 and c.program_id.program_type == "next_order_coupons"
        ):
            name = card.program_id.name
            vouchers[name] = vouchers.get(name, 0) + 1
            points[name] = points.get(name, 0.0) + card.points
        self.assertEqual(vouchers, case["expected"].get("vouchers", {}))
        if "voucher_points" in case["expected"]:
            self.assertEqual(points, case["expected"]["voucher_points"])

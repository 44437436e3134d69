# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import HttpCase, TransactionCase, tagged

from odoo.addons.retail_customer.tests.test_schedule_vectors import (
    load_vectors,
    run_hoot_suite,
)

VECTORS = "retail_loyalty/static/tests/vectors/retail_loyalty_points.json"


def vector_program(env, name, rules, products):
    """A retail ledger loyalty program with the ``rules`` of a vector file
    (points mode and amount, ``products`` by name or any product, minimums,
    ``bracket_mode`` and ``brackets``, a ``code`` for a rule that does not apply
    by itself); ``products``: {name: product}."""
    return env["loyalty.program"].create(
        {
            "name": f"Vector {name}",
            "program_type": "loyalty",
            "retail_ledger": True,
            "rule_ids": [
                Command.create(
                    {
                        "reward_point_mode": rule["reward_point_mode"],
                        "reward_point_amount": rule["reward_point_amount"],
                        "minimum_qty": rule.get("minimum_qty", 0),
                        "minimum_amount": rule.get("minimum_amount", 0),
                        "product_ids": [
                            Command.set(
                                [products[key].id for key in rule.get("products", [])]
                            )
                        ],
                        "code": rule.get("code", False),
                        "retail_bracket_mode": rule.get("bracket_mode", "none"),
                        "retail_bracket_ids": [
                            Command.create({"amount_from": start, "rate": rate})
                            for start, rate in rule.get("brackets", [])
                        ],
                    }
                )
                for rule in rules
            ],
            "reward_ids": [
                Command.create({"reward_type": "discount", "required_points": 100})
            ],
        }
    )


@tagged("post_install", "-at_install", "retail_money")
class TestPointsVectors(TransactionCase):
    """The server's points of a program's rules give what the vectors (shared
    with the till's JS unit tests) expect."""

    def test_program_points_vectors(self):
        vectors = load_vectors(VECTORS)["program_points"]
        names = {line["product"] for vector in vectors for line in vector["lines"]} | {
            name
            for vector in vectors
            for rule in vector["rules"]
            for name in rule.get("products", [])
        }
        products = {
            name: self.env["product.product"].create({"name": f"Vector {name}"})
            for name in sorted(names)
        }
        for vector in vectors:
            with self.subTest(vector["name"]):
                program = vector_program(
                    self.env, vector["name"], vector["rules"], products
                )
                lines = [
                    dict(line, product=products[line["product"]])
                    for line in vector["lines"]
                ]
                self.assertAlmostEqual(
                    program._retail_compute_points(lines, vector.get("multiplier", 1)),
                    vector["expected"],
                )


@tagged("post_install", "-at_install", "retail_money")
class TestPointsVectorsJs(HttpCase):
    """The till's points of a program's rules give what the same vectors
    expect."""

    def test_points_vectors_js(self):
        run_hoot_suite(self, "retail_loyalty_vectors", 1)

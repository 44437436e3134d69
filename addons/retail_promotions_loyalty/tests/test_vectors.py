# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import HttpCase, TransactionCase, tagged

from odoo.addons.retail_customer.tests.test_schedule_vectors import (
    load_vectors,
    run_hoot_suite,
)
from odoo.addons.retail_loyalty.tests.test_points_vectors import vector_program

VECTORS = (
    "retail_promotions_loyalty/static/tests/vectors/retail_promotions_loyalty.json"
)


@tagged("post_install", "-at_install", "retail_money")
class TestExtraPointVectors(TransactionCase):
    """The server's extra points of a promotion give what the vectors (shared
    with the till's JS unit tests) expect."""

    def test_promotion_points_vectors(self):
        vectors = load_vectors(VECTORS)["promotion_points"]
        names = {line["product"] for vector in vectors for line in vector["lines"]} | {
            name for vector in vectors for name in vector["promotion"]["products"]
        }
        products = {
            name: self.env["product.product"].create({"name": f"Vector {name}"})
            for name in sorted(names)
        }
        for vector in vectors:
            with self.subTest(vector["name"]):
                if "rules" in vector:
                    self._check_multiplier_vector(vector, products)
                else:
                    self._check_vector(vector, products)

    def _check_vector(self, vector, products):
        """A promotion per unit or per amount, on a new record."""
        Program = self.env["loyalty.program"]
        spec = vector["promotion"]
        promotion = Program.new(
            {
                "retail_points_mode": spec["mode"],
                "retail_extra_points": spec["points"],
                "retail_product_ids": [
                    Command.set([products[name].id for name in spec["products"]])
                ],
            }
        )
        # a new record holds new records of its products (their origin the
        # real ones): the lines name those of its group
        group = {p._origin: p for p in promotion.retail_product_ids}
        lines = [
            dict(line, product=group.get(products[name], products[name]))
            for line in vector["lines"]
            for name in [line["product"]]
        ]
        self.assertAlmostEqual(
            promotion._retail_promotion_points(Program, lines), vector["expected"]
        )

    def _check_multiplier_vector(self, vector, products):
        """A multiplier promotion feeding a loyalty program with the vector's
        rules."""
        program = vector_program(self.env, vector["name"], vector["rules"], products)
        spec = vector["promotion"]
        promotion = self.env["loyalty.program"].create(
            {
                "name": f"Vector promotion {vector['name']}",
                "retail_promotion_type": "loyalty_points",
                "retail_points_program_id": program.id,
                "retail_points_mode": spec["mode"],
                "retail_extra_points": spec["points"],
                "retail_product_ids": [
                    Command.set([products[name].id for name in spec["products"]])
                ],
            }
        )
        lines = [
            dict(line, product=products[line["product"]]) for line in vector["lines"]
        ]
        self.assertAlmostEqual(
            promotion._retail_promotion_points(program, lines), vector["expected"]
        )


@tagged("post_install", "-at_install", "retail_money")
class TestExtraPointVectorsJs(HttpCase):
    """The till's extra points give what the same vectors expect."""

    def test_extra_point_vectors_js(self):
        run_hoot_suite(self, "retail_promotions_loyalty_vectors", 1)

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import HttpCase, TransactionCase, tagged

from odoo.addons.retail_customer.tests.test_schedule_vectors import (
    load_vectors,
    run_hoot_suite,
)

VECTORS = "retail_promotions/static/tests/vectors/retail_promotions.json"


@tagged("post_install", "-at_install", "retail_money")
class TestPromotionVectors(TransactionCase):
    """The server's promotion computations give what the vectors (shared with
    the till's JS unit tests) expect."""

    def test_group_discount_vectors(self):
        Program = self.env["loyalty.program"]
        for vector in load_vectors(VECTORS)["group_discount"]:
            with self.subTest(vector["name"]):
                values = dict(vector["program"])
                breaks = values.pop("breaks", [])
                values["retail_break_ids"] = [
                    Command.create({"min_qty": min_qty, "discount": discount})
                    for min_qty, discount in breaks
                ]
                program = Program.new(values)
                self.assertAlmostEqual(
                    program._retail_group_discount(vector["unit_prices"]),
                    vector["expected"],
                )

    def test_type_registry_vectors(self):
        vectors = load_vectors(VECTORS)
        Program = self.env["loyalty.program"]
        self.assertEqual(
            sorted(Program._retail_scaled_types()), sorted(vectors["scaled_types"])
        )
        self.assertEqual(
            sorted(Program._retail_customer_types()), sorted(vectors["customer_types"])
        )

    def test_combine_vectors(self):
        Program = self.env["loyalty.program"]
        for vector in load_vectors(VECTORS)["combine"]:
            with self.subTest(vector["name"]):
                # created in the order of the vector's ids: the oldest first
                specs = sorted(vector["programs"], key=lambda spec: spec["id"])
                programs = Program.create(
                    [
                        {
                            "name": f"Vector {spec['id']}",
                            "retail_priority": spec["retail_priority"],
                            "retail_exclusive": spec["retail_exclusive"],
                        }
                        for spec in specs
                    ]
                )
                by_id = dict(zip(programs, [spec["id"] for spec in specs], strict=True))
                self.assertEqual(
                    sorted(by_id[program] for program in programs._retail_combine()),
                    sorted(vector["applied"]),
                )
                self.assertEqual(
                    [by_id[p] for p in programs._retail_application_order()],
                    vector["order"],
                )


@tagged("post_install", "-at_install", "retail_money")
class TestPromotionVectorsJs(HttpCase):
    """The till's promotion functions give what the same vectors expect."""

    def test_promotion_vectors_js(self):
        run_hoot_suite(self, "retail_promotions_vectors", 3)

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

    def test_customer_matches_vectors(self):
        vectors = load_vectors(VECTORS)["customer_matches"]
        names = {
            name
            for vector in vectors
            for name in vector["program"]["partners"]
            + [(vector["partner"] or {}).get("name")]
            if name
        }
        segment_names = {
            name
            for vector in vectors
            for name in vector["program"]["segments"]
            + (vector["partner"] or {}).get("segments", [])
        }
        segments = {
            name: self.env["retail.segment"].create({"name": f"Vector {name}"})
            for name in sorted(segment_names)
        }
        partners = {
            name: self.env["res.partner"].create({"name": f"Vector {name}"})
            for name in sorted(names)
        }
        product = self.env["product.product"].create({"name": "Vector socks"})
        Program = self.env["loyalty.program"]
        for vector in vectors:
            with self.subTest(vector["name"]):
                spec = vector["partner"]
                partner = self.env["res.partner"]
                if spec:
                    partner = partners[spec["name"]]
                    partner.write(
                        {
                            "retail_is_employee": spec.get("employee", False),
                            "retail_segment_ids": [
                                Command.set([segments[n].id for n in spec["segments"]])
                            ],
                        }
                    )
                program = Program.create(
                    {
                        "name": vector["name"],
                        "retail_promotion_type": vector["type"],
                        "retail_product_ids": [Command.set(product.ids)],
                        "retail_gift_product_id": product.id,
                        "retail_discount": 10,
                        "retail_min_amount": 10,
                        "retail_employee_ceiling": 100,
                        "retail_partner_ids": [
                            Command.set(
                                [partners[n].id for n in vector["program"]["partners"]]
                            )
                        ],
                        "retail_segment_ids": [
                            Command.set(
                                [segments[n].id for n in vector["program"]["segments"]]
                            )
                        ],
                    }
                )
                self.assertEqual(
                    program._retail_customer_matches(partner), vector["expected"]
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
        run_hoot_suite(self, "retail_promotions_vectors", 4)

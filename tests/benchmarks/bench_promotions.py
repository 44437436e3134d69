# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""POS benchmark of retail_promotions: the till recomputes the rewards of a
50-line basket with 200 active promotions, in Chromium.

Usage (a fresh test database, headless Chromium, about 3 minutes)::

    TESTS="tests/benchmarks/bench_promotions.py" make test

It is an HttpCase (tag ``retail_benchmark``, not in the default run: `make test`
only collects ``test_*.py`` files). In the same run, on the same 50 products and
the same basket (one unit of each product), the tour
``RetailPromotionsBenchTour`` (addons/retail_promotions/static/tests/tours/
retail_promotions_bench_tour.esm.js) times, 20 times after 3 warm-up runs, the
body of pos_loyalty's ``PosStore.updateRewards`` (programs recomputed, automatic
rewards claimed, reward lines refreshed, programs recomputed again) after a
change of one line's quantity:

1. with 200 retail promotions ("spend X on a group: discount", 10 of them
   reached by the basket), the native pos_loyalty programs archived;
2. with 200 native pos_loyalty promotions of the same rules and rewards, the
   retail ones archived.

Median and 95th percentile are printed and written to
tests/benchmarks/results/promotions.md.
"""

import json
import logging
import os
import platform
import statistics
from pathlib import Path

from odoo import Command
from odoo.tests import tagged

from odoo.addons.point_of_sale.tests.test_frontend import TestPointOfSaleHttpCommon

PROGRAMS = 200
PRODUCTS = 50
GROUP = 5
REACHED_EVERY = 20  # 1 promotion in 20 is reached by the basket
RESULTS = Path(__file__).parent / "results" / "promotions.md"

_logger = logging.getLogger(__name__)


class _Capture(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.payloads = []

    def emit(self, record):
        message = record.getMessage()
        if "RETAIL_BENCH " in message:
            self.payloads.append(json.loads(message.split("RETAIL_BENCH ", 1)[1]))


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))
    return ordered[index]


@tagged("-standard", "retail_benchmark", "post_install", "-at_install")
class BenchRetailPromotions(TestPointOfSaleHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["loyalty.program"].search([]).write({"active": False})
        cls.products = cls.env["product.product"].create(
            [
                {
                    "name": f"Bench Product {index:02d}",
                    "list_price": 10.0 + index % 7,
                    "taxes_id": [Command.clear()],
                    "available_in_pos": True,
                    "type": "consu",
                }
                for index in range(PRODUCTS)
            ]
        )
        retail, native = [], []
        for index in range(PROGRAMS):
            start = (index * 3) % (PRODUCTS - GROUP)
            group = cls.products[start : start + GROUP]
            minimum = 20.0 if index % REACHED_EVERY == 0 else 1000.0 + index
            common = {
                "sale_ok": True,
                "pos_ok": True,
                "pos_config_ids": [Command.set(cls.main_pos_config.ids)],
            }
            retail.append(
                {
                    **common,
                    "name": f"Bench Retail {index:03d}",
                    "retail_promotion_type": "spend_discount",
                    "retail_product_ids": [Command.set(group.ids)],
                    "retail_min_amount": minimum,
                    "retail_discount": 5,
                }
            )
            native.append(
                {
                    **common,
                    "name": f"Bench Native {index:03d}",
                    "program_type": "promotion",
                    "trigger": "auto",
                    "applies_on": "current",
                    "rule_ids": [
                        Command.create(
                            {
                                "mode": "auto",
                                "product_ids": [Command.set(group.ids)],
                                "minimum_amount": minimum,
                                "minimum_qty": 1,
                                "reward_point_mode": "order",
                                "reward_point_amount": 1,
                            }
                        )
                    ],
                    "reward_ids": [
                        Command.create(
                            {
                                "reward_type": "discount",
                                "discount_mode": "percent",
                                "discount": 5,
                                "discount_applicability": "specific",
                                "discount_product_ids": [Command.set(group.ids)],
                                "required_points": 1,
                            }
                        )
                    ],
                }
            )
        Program = cls.env["loyalty.program"]
        cls.retail_programs = Program.create(retail)
        cls.native_programs = Program.create(native)

    def _measure(self, active, inactive):
        inactive.write({"active": False})
        active.write({"active": True})
        capture = _Capture()
        browser_logger = self._logger.getChild("browser")
        browser_logger.addHandler(capture)
        level = browser_logger.level
        browser_logger.setLevel(logging.INFO)
        try:
            self.start_pos_tour(
                "RetailPromotionsBenchTour", login="pos_user", timeout=1200
            )
        finally:
            browser_logger.removeHandler(capture)
            browser_logger.setLevel(level)
        [payload] = capture.payloads
        self.assertEqual(payload["lines"], PRODUCTS)
        self.assertEqual(payload["reward_lines"], PROGRAMS // REACHED_EVERY)
        return payload

    def test_recompute_200_promotions_50_lines(self):
        self.main_pos_config.with_user(self.pos_user).open_ui()
        results = {
            "retail_promotions": self._measure(
                self.retail_programs, self.native_programs
            ),
            "native pos_loyalty": self._measure(
                self.native_programs, self.retail_programs
            ),
        }
        rows = []
        for name, payload in results.items():
            times = payload["times"]
            rows.append(
                f"| {name} | {payload['programs']} | {payload['lines']} "
                f"| {payload['reward_lines']} | {len(times)} "
                f"| {statistics.median(times):.1f} | {percentile(times, 0.95):.1f} |"
            )
        table = "\n".join(
            [
                "| promotions | programs loaded | lines | reward lines | runs "
                "| median (ms) | p95 (ms) |",
                "|---|---|---|---|---|---|---|",
                *rows,
            ]
        )
        text = (
            "# Promotions benchmark (tests/benchmarks/bench_promotions.py)\n\n"
            "Reward recomputation of a 50-line basket in the till (headless "
            "Chromium), 200 active promotions, 10 of them reached; the body of "
            "pos_loyalty's `updateRewards` timed after a quantity change.\n\n"
            f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, shared with "
            "the other test runs.\n\n"
            f"{table}\n"
        )
        retail = statistics.median(results["retail_promotions"]["times"])
        text += (
            f"\nTarget (median under 50 ms with retail promotions): "
            f"{'met' if retail < 50 else 'NOT met'}.\n"
        )
        _logger.warning("Promotions benchmark:\n%s", text)
        RESULTS.write_text(text)

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Gift card generation benchmark of retail_giftcard, against Odoo's native
coupon generation wizard, in the same run and on the same database.

Usage::

    .local/venv/bin/python tests/benchmarks/bench_giftcard.py --db <database> \\
        --sizes 10000 100000

``--db`` is any database where retail_giftcard is installed (a copy of the test
template will do). For each size, in this order and each rolled back:

1. Module: ``retail.giftcard.series._generate_cards(n)`` (numbers with prefix,
   sequence and Luhn digit, inserted set-based, inactive, no mail or chatter),
   then ``_retail_set_secret()`` on the new cards (6-digit PINs, keyed hashes).
2. Native: ``loyalty.generate.wizard.generate_coupons()`` for ``n`` anonymous
   cards of a native gift card program (ORM ``create`` of the cards and of one
   history row each). With retail_card installed its codes have 64 random bits;
   native Odoo's 32-bit codes collide near 100,000 cards.

3. Codes: ``loyalty.card._generate_code()`` called ``--codes`` times (1,000,000
   by default), the card codes of retail_card (64 random bits), against native
   Odoo's code (``loyalty.card._generate_code`` of the loyalty module, 32 bits),
   with the duplicates each drew.

The figures are printed as a markdown table and written to
tests/benchmarks/results/giftcard.md.
"""

import argparse
import logging
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402
from benchlib import Timer  # noqa: E402

_logger = logging.getLogger("retail_bench.giftcard")


def measure_module(env, size):
    series = env["retail.giftcard.series"].create(
        {"name": f"Bench {size}", "prefix": "9901", "number_length": 16}
    )
    env.flush_all()
    with Timer() as generate:
        ids = series._generate_cards(size)
        env.flush_all()
    cards = env["loyalty.card"].browse(ids)
    with Timer() as pins:
        cards._retail_set_secret()
        env.flush_all()
    count = env["loyalty.card"].search_count([("retail_series_id", "=", series.id)])
    return {"generate": generate.ms, "pins": pins.ms, "cards": count}


def measure_native(env, size):
    program = env["loyalty.program"].create(
        {"name": f"Native bench {size}", "program_type": "gift_card"}
    )
    wizard = env["loyalty.generate.wizard"].create(
        {"program_id": program.id, "coupon_qty": size, "points_granted": 0}
    )
    env.flush_all()
    try:
        with Timer() as generate:
            wizard.generate_coupons()
            env.flush_all()
    except Exception as error:  # noqa: BLE001 - reported in the table
        return {"generate": float("nan"), "cards": 0, "error": str(error)[:80]}
    count = env["loyalty.card"].search_count([("program_id", "=", program.id)])
    return {"generate": generate.ms, "cards": count}


def measure_codes(env, count):
    """Seconds and duplicates of ``count`` codes, retail_card's and native."""
    from odoo.addons.loyalty.models.loyalty_card import LoyaltyCard

    Card = env["loyalty.card"]
    rows = []
    for name, generate in (
        ("retail_card `_generate_code`", Card._generate_code),
        ("native loyalty `_generate_code`", lambda: LoyaltyCard._generate_code(Card)),
    ):
        with Timer() as timer:
            codes = {generate() for _ in range(count)}
        rows.append((count, name, timer.ms / 1000.0, count - len(codes)))
        _logger.info("%s codes by %s: %.1f s", count, name, timer.ms / 1000.0)
    return rows


def run(env, sizes):
    rows = []
    for size in sizes:
        for name, measure in (("module", measure_module), ("native", measure_native)):
            env.cr.execute("SAVEPOINT bench")
            _logger.info("generating %s cards (%s)", size, name)
            result = measure(env, size)
            env.cr.execute("ROLLBACK TO SAVEPOINT bench")
            env.invalidate_all()
            rows.append((size, name, result))
            _logger.info("%s %s: %s", size, name, result)
    env.cr.rollback()
    return rows


def report_codes(rows):
    return "\n\nCard codes drawn in memory (no database).\n\n" + (
        benchlib.markdown_table(
            ["codes", "how", "seconds", "duplicates"],
            [(count, name, seconds, dups) for count, name, seconds, dups in rows],
        )
    )


def report(rows, db):
    table = []
    for size, name, result in rows:
        seconds = result["generate"] / 1000.0
        table.append(
            (
                size,
                "retail_giftcard `_generate_cards`"
                if name == "module"
                else "native `loyalty.generate.wizard`",
                result["cards"],
                seconds,
                result["cards"] / seconds if result["cards"] and seconds else 0.0,
                result.get("pins", 0.0) / 1000.0 if name == "module" else "-",
                result.get("error", ""),
            )
        )
    header = (
        f"Gift card generation, database `{db}`; each run rolled back.\n"
        f"{benchlib.machine_line()}\n\n"
    )
    return header + benchlib.markdown_table(
        [
            "cards asked",
            "how",
            "cards made",
            "seconds",
            "cards / s",
            "PINs (s)",
            "error",
        ],
        table,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--codes", type=int, default=1_000_000)
    parser.add_argument("--output", default=benchlib.RESULTS_DIR)
    benchlib.add_common_arguments(parser)
    args = parser.parse_args()
    with benchlib.odoo_env(args.db, args.conf, args.log_level) as env:
        rows = run(env, args.sizes)
        codes = measure_codes(env, args.codes)
    text = report(rows, args.db) + report_codes(codes)
    print(text)
    os.makedirs(args.output, exist_ok=True)
    with open(os.path.join(args.output, "giftcard.md"), "w") as handle:
        handle.write(text + "\n")


if __name__ == "__main__":
    main()

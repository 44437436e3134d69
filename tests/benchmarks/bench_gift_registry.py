# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Gift list benchmark of retail_gift_registry: finding a list from the till
among many lists, and the bought quantities of a big list.

Usage::

    .local/venv/bin/python tests/benchmarks/bench_gift_registry.py --db <database> \\
        --lists 50000 --items 300 --purchases 2000

``--db`` is any database where retail_gift_registry is installed (a copy of the
test template will do). Everything the script creates is rolled back at the end.

1. Generation (not timed): ``--lists`` open lists, each with its own owner
   (partner with a name and a phone), created in batches with the ORM.
2. Search: ``retail.gift.registry.retail_pos_search(config_id, query)`` for
   ``--queries`` random queries, a third each by list number, owner name and
   owner phone (the till's search), against the back office's native
   ``name_search`` (``_rec_names_search``: ilike on number, title and owner
   name) with the same queries. p50 and p95 in milliseconds. Target: p95 <= 30 ms.
3. Bought quantities: one list of ``--items`` items and ``--purchases`` confirmed
   sale order lines spread over them (orders written as confirmed, service
   products, so that no picking is made); the time of computing every item's
   bought, remaining and surplus quantities from a cold cache (one grouped read
   of the purchases view), repeated ``--repeat`` times. Target: <= 100 ms.

The figures are printed as a markdown table and written to
tests/benchmarks/results/gift_registry.md.
"""

import argparse
import datetime
import logging
import os
import platform
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402
from benchlib import Timer  # noqa: E402

_logger = logging.getLogger("retail_bench.gift_registry")
BATCH = 5000


def generate_lists(env, count):
    from odoo import Command  # noqa: PLC0415

    wedding = env.ref("retail_gift_registry.retail_gift_registry_type_wedding")
    product = env["product.product"].create({"name": "Bench gift", "type": "service"})
    Partner = env["res.partner"].with_context(tracking_disable=True)
    Registry = env["retail.gift.registry"].with_context(
        tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True
    )
    names, phones, numbers = [], [], []
    for start in range(0, count, BATCH):
        size = min(BATCH, count - start)
        partners = Partner.create(
            [
                {
                    "name": f"Benchowner{start + i:06d} Surname{(start + i) % 997}",
                    "phone": f"+34 6{start + i:08d}",
                }
                for i in range(size)
            ]
        )
        registries = Registry.create(
            [
                {
                    "name": f"GLB{start + i:06d}",
                    "title": f"Bench list {start + i}",
                    "type_id": wedding.id,
                    "owner_id": partner.id,
                    "event_date": "2026-12-01",
                    "state": "open",
                    "item_ids": [Command.create({"product_id": product.id})],
                }
                for i, partner in enumerate(partners)
            ]
        )
        names += partners.mapped("name")
        phones += [f"6{start + i:08d}" for i in range(size)]
        numbers += registries.mapped("name")
        env.flush_all()
        env.invalidate_all()
        _logger.info("%s lists generated", start + size)
    return names, phones, numbers


def measure_search(env, config, names, phones, numbers, queries):
    rng = random.Random(42)
    picks = [
        rng.choice(numbers)
        if i % 3 == 0
        else rng.choice(names)
        if i % 3 == 1
        # the owner's phone as a cashier types it (national number)
        else rng.choice(phones)
        for i in range(queries)
    ]
    Registry = env["retail.gift.registry"]
    results = {}
    for how, call in (
        ("module", lambda q: Registry.retail_pos_search(config.id, q)),
        ("native", lambda q: Registry.name_search(q, limit=20)),
    ):
        timings, found = [], 0
        for query in picks:
            env.invalidate_all()
            with Timer() as timer:
                rows = call(query)
            timings.append(timer.ms)
            found += bool(rows)
        results[how] = {
            "p50": benchlib.median(timings),
            "p95": benchlib.percentile(timings, 95),
            "found": found,
        }
    return results


def measure_bought(env, items_count, purchases, repeat):
    from odoo import Command  # noqa: PLC0415

    products = env["product.product"].create(
        [
            {"name": f"Bench item {i}", "type": "service", "list_price": 10.0 + i}
            for i in range(items_count)
        ]
    )
    owner = env["res.partner"].create({"name": "Big list owner"})
    registry = env["retail.gift.registry"].create(
        {
            "title": "Big bench list",
            "type_id": env.ref(
                "retail_gift_registry.retail_gift_registry_type_wedding"
            ).id,
            "owner_id": owner.id,
            "event_date": "2026-12-01",
            "item_ids": [
                Command.create({"product_id": product.id, "qty_wanted": 10})
                for product in products
            ],
        }
    )
    registry.action_open()
    items = registry.item_ids
    guest = env["res.partner"].create({"name": "Bench guest"})
    per_order = 20
    vals = []
    for start in range(0, purchases, per_order):
        vals.append(
            {
                "partner_id": guest.id,
                "state": "sale",
                "gift_registry_id": registry.id,
                "gift_registry_guest": f"Guest {start // per_order}",
                "order_line": [
                    Command.create(
                        {
                            "product_id": items[n % items_count].product_id.id,
                            "product_uom_qty": 1,
                            "gift_registry_item_id": items[n % items_count].id,
                        }
                    )
                    for n in range(start, min(start + per_order, purchases))
                ],
            }
        )
    env["sale.order"].with_context(tracking_disable=True).create(vals)
    env.flush_all()
    timings = []
    for _run in range(repeat):
        env.invalidate_all()
        items = env["retail.gift.registry.item"].browse(items.ids)
        with Timer() as timer:
            total = sum(items.mapped("qty_bought"))
            items.mapped("qty_remaining")
            items.mapped("qty_surplus")
        timings.append(timer.ms)
    return {
        "median": benchlib.median(timings),
        "p95": benchlib.percentile(timings, 95),
        "bought": total,
    }


def run(env, args):
    config = env["pos.config"].search([], limit=1) or env["pos.config"].create(
        {"name": "Bench till"}
    )
    names, phones, numbers = generate_lists(env, args.lists)
    search = measure_search(env, config, names, phones, numbers, args.queries)
    bought = measure_bought(env, args.items, args.purchases, args.repeat)
    env.cr.rollback()
    return search, bought


def report(search, bought, args):
    header = (
        f"Gift lists, database `{args.db}`, {datetime.date.today()}, "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs "
        "(shared with other work); everything rolled back.\n\n"
    )
    table = benchlib.markdown_table(
        ["measure", "how", "p50 / median (ms)", "p95 (ms)", "target", "result"],
        [
            (
                f"find a list among {args.lists:,} ({args.queries} queries: "
                "number, owner name, phone)",
                "retail_gift_registry `retail_pos_search`",
                search["module"]["p50"],
                search["module"]["p95"],
                "p95 <= 30 ms",
                f"{search['module']['found']} found",
            ),
            (
                "same queries",
                "native `name_search` (number, title, owner name)",
                search["native"]["p50"],
                search["native"]["p95"],
                "-",
                f"{search['native']['found']} found",
            ),
            (
                f"bought quantities of a {args.items}-item list with "
                f"{args.purchases:,} purchases ({args.repeat} runs, cold cache)",
                "retail_gift_registry `_compute_bought`",
                bought["median"],
                bought["p95"],
                "<= 100 ms",
                f"{bought['bought']:g} units counted",
            ),
        ],
    )
    return header + table


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--lists", type=int, default=50000)
    parser.add_argument("--queries", type=int, default=150)
    parser.add_argument("--items", type=int, default=300)
    parser.add_argument("--purchases", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--output", default=benchlib.RESULTS_DIR)
    benchlib.add_common_arguments(parser)
    args = parser.parse_args()
    with benchlib.odoo_env(args.db, args.conf, args.log_level) as env:
        search, bought = run(env, args)
    text = report(search, bought, args)
    print(text)
    os.makedirs(args.output, exist_ok=True)
    with open(os.path.join(args.output, "gift_registry.md"), "w") as handle:
        handle.write(text + "\n")


if __name__ == "__main__":
    main()

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
   (partner with a name and a phone), written set-based (INSERT ... SELECT).
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
4. EXPLAIN ANALYZE of the number search, an owner-word search and the grouped
   read of the bought quantities, written after the table.

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
    """``count`` open lists, each with its own owner, written set-based (one
    INSERT ... SELECT over generate_series per table, parameters through
    odoo.tools.SQL): the stored columns the searches read (complete name,
    normalised phones) are filled as the ORM would."""
    from odoo.tools import SQL  # noqa: PLC0415

    wedding = env.ref("retail_gift_registry.retail_gift_registry_type_wedding")
    company = env.company
    env.flush_all()
    env.cr.execute(
        SQL(
            """
            INSERT INTO res_partner (name, complete_name, phone,
                   retail_phone_sanitized, retail_phone_national, active, type,
                   is_company, autopost_bills, company_id, lang,
                   create_uid, write_uid, create_date, write_date)
            SELECT n, n, '+34 6' || lpad(i::text, 8, '0'),
                   '+346' || lpad(i::text, 8, '0'), '6' || lpad(i::text, 8, '0'),
                   TRUE, 'contact', FALSE, 'ask', NULL, 'en_US',
                   %(uid)s, %(uid)s, now(), now()
              FROM generate_series(0, %(count)s - 1) AS i,
                   LATERAL (SELECT 'Benchowner' || lpad(i::text, 6, '0')
                                   || ' Surname' || (i %% 997)::text AS n) names
            RETURNING id
            """,
            uid=env.uid,
            count=count,
        )
    )
    partner_ids = [row[0] for row in env.cr.fetchall()]
    env.cr.execute(
        SQL(
            """
            INSERT INTO retail_gift_registry (name, title, type_id, company_id,
                   owner_id, state, gift_mode, event_date, date_open,
                   create_uid, write_uid, create_date, write_date)
            SELECT 'GLB' || lpad((o.ord - 1)::text, 6, '0'),
                   'Bench list ' || (o.ord - 1)::text, %(type)s, %(company)s,
                   o.id, 'open', 'keep', DATE '2026-12-01', DATE '2026-01-01',
                   %(uid)s, %(uid)s, now(), now()
              FROM unnest(%(partners)s::int[]) WITH ORDINALITY AS o(id, ord)
            """,
            type=wedding.id,
            company=company.id,
            uid=env.uid,
            partners=partner_ids,
        )
    )
    # the owners' search key, as _compute_owner_search writes it for these
    # names (ASCII) and phones (national and international digits)
    env.cr.execute(
        SQL(
            """
            UPDATE retail_gift_registry reg
               SET owner_search = LOWER(p.name) || ' ' || p.retail_phone_national
                                  || ' ' || SUBSTR(p.retail_phone_sanitized, 2)
              FROM res_partner p
             WHERE p.id = reg.owner_id AND p.id = ANY(%s)
            """,
            partner_ids,
        )
    )
    env.cr.execute("ANALYZE res_partner")
    env.cr.execute("ANALYZE retail_gift_registry")
    env.invalidate_all()
    names = [f"Benchowner{i:06d} Surname{i % 997}" for i in range(count)]
    phones = [f"6{i:08d}" for i in range(count)]
    numbers = [f"GLB{i:06d}" for i in range(count)]
    _logger.info("%s lists generated", count)
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
            {
                "name": f"Bench item {i}",
                "type": "service",
                "list_price": 10.0 + i,
                # no tax: the generation is not what is measured
                "taxes_id": [Command.clear()],
            }
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
                "retail_gift_registry_id": registry.id,
                "retail_gift_registry_guest": f"Guest {start // per_order}",
                "order_line": [
                    Command.create(
                        {
                            "product_id": items[n % items_count].product_id.id,
                            "product_uom_qty": 1,
                            "retail_gift_registry_item_id": items[n % items_count].id,
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
        "item_ids": items.ids,
    }


def explain(env, sql):
    """EXPLAIN ANALYZE of ``sql`` (an odoo.tools.SQL), as text."""
    from odoo.tools import SQL  # noqa: PLC0415

    env.cr.execute(SQL("EXPLAIN (ANALYZE, COSTS OFF, TIMING ON) %s", sql))
    return "\n".join(row[0] for row in env.cr.fetchall())


def explain_queries(env, config, names, phones, numbers, items):
    """The plans of the till's two searches and of the bought quantities."""
    from odoo.fields import Domain  # noqa: PLC0415
    from odoo.tools import SQL  # noqa: PLC0415

    Registry = env["retail.gift.registry"]
    sellable = Domain("state", "=", "open") & Domain(
        "company_id", "=", config.company_id.id
    )
    plans = {}
    for label, query, index in (
        ("list number", numbers[len(numbers) // 2], 0),
        ("owner name", names[len(names) // 3], 1),
        ("owner phone", phones[len(phones) // 4], 1),
    ):
        domain = Registry._search_domains_for_query(query)[index]
        plans[f"{label} `{query}`"] = explain(
            env, Registry._search(domain & sellable, limit=20).select()
        )
    Purchase = env["retail.gift.registry.purchase"]
    plans[f"bought quantities of {len(items)} items"] = explain(
        env,
        SQL(
            "SELECT item_id, is_contribution, SUM(qty), SUM(amount), "
            "SUM(surplus_qty) FROM (%s) p WHERE item_id = ANY(%s) GROUP BY 1, 2",
            Purchase._table_query,
            items.ids,
        ),
    )
    return plans


def run(env, args):
    config = env["pos.config"].search([], limit=1) or env["pos.config"].create(
        {"name": "Bench till"}
    )
    names, phones, numbers = generate_lists(env, args.lists)
    search = measure_search(env, config, names, phones, numbers, args.queries)
    if args.items:
        bought = measure_bought(env, args.items, args.purchases, args.repeat)
    else:  # --items 0: the search only
        bought = {"median": 0.0, "p95": 0.0, "bought": 0.0, "item_ids": []}
    items = env["retail.gift.registry.item"].browse(bought.pop("item_ids"))
    plans = explain_queries(env, config, names, phones, numbers, items)
    env.cr.rollback()
    return search, bought, plans


def report(search, bought, plans, args):
    header = (
        f"Gift lists, database `{args.db}`, {datetime.date.today()}, "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs "
        "(shared with other work); everything rolled back.\n"
        f"{benchlib.machine_line()}\n\n"
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
    explained = "".join(
        f"\n\n### EXPLAIN ANALYZE: {label}\n\n```\n{plan}\n```"
        for label, plan in plans.items()
    )
    return header + table + explained


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
        search, bought, plans = run(env, args)
    text = report(search, bought, plans, args)
    print(text)
    os.makedirs(args.output, exist_ok=True)
    with open(os.path.join(args.output, "gift_registry.md"), "w") as handle:
        handle.write(text + "\n")


if __name__ == "__main__":
    main()

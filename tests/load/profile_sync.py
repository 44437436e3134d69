# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Where the till's order sync spends its time (an Odoo script, by hand).

Usage::

    .local/venv/bin/python tests/load/profile_sync.py --conf .local/load-odoo.conf \\
        --db load_retail --fixture .local/load-fixture-retail-<key>.json --orders 30

Plays ``--orders`` orders of identified customers earning points, as the load
driver does (``sync_from_ui`` then ``confirm_coupon_programs``, as a till's
cashier, in one process without HTTP), and prints per order the wall time, the
CPU time of the Odoo process, the SQL time and the number of queries, then the
queries that took the most time in total. With ``--python N``, the N
functions of the retail modules (``addons/retail_*``) that took the most
Python time, themselves and what they call (cProfile, cumulative: an override
in a chain counts the native work it wraps; the profiler slows the Python
down, so the CPU figure of such a run is not comparable). Everything is rolled
back: the database is left as it was.
"""

import argparse
import cProfile
import json
import os
import pstats
import re
import sys
import time
from collections import defaultdict
from types import SimpleNamespace

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "benchmarks"))
sys.path.insert(0, HERE)
import benchlib  # noqa: E402
import driver as load_driver  # noqa: E402

from odoo import sql_db  # noqa: E402


class QueryLog:
    def __init__(self):
        self.active = False
        self.count = 0
        self.seconds = 0.0
        self.by_query = defaultdict(lambda: [0, 0.0])

    def wrap(self, execute):
        log = self

        def timed(cursor, query, params=None, log_exceptions=True):
            if not log.active:
                return execute(cursor, query, params, log_exceptions)
            started = time.perf_counter()
            try:
                return execute(cursor, query, params, log_exceptions)
            finally:
                spent = time.perf_counter() - started
                text = getattr(query, "code", query)
                key = re.sub(r"\s+", " ", str(text))[:220]
                log.count += 1
                log.seconds += spent
                log.by_query[key][0] += 1
                log.by_query[key][1] += spent

        return timed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--fixture", required=True)
    parser.add_argument("--orders", type=int, default=30)
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument(
        "--python",
        type=int,
        default=0,
        help="print the N retail functions of most cumulative Python time",
    )
    benchlib.add_common_arguments(parser)
    args = parser.parse_args()
    with open(args.fixture) as handle:
        fixture = json.load(handle)
    log = QueryLog()
    sql_db.Cursor.execute = log.wrap(sql_db.Cursor.execute)
    fake = SimpleNamespace(
        args=SimpleNamespace(seed="profile", url="http://127.0.0.1:1"),
        fixture=fixture,
        shared={
            key: load_driver.Shared(company, load_driver.random.Random(1))
            for key, company in fixture["companies"].items()
        },
    )
    till_data = fixture["tills"][0]
    rows = []
    profiler = cProfile.Profile() if args.python else None
    with benchlib.odoo_env(args.db, args.conf, args.log_level) as env:
        session = env["pos.session"].browse(till_data["session_id"])
        if session.state != "opened":
            # after a load run the sessions are closed: a new one for the till
            session = session.create(
                {"user_id": till_data["user_id"], "config_id": till_data["config_id"]}
            )
            session.set_opening_control(0, "")
            till_data["session_id"] = session.id
        till = load_driver.Till(fake, till_data, 0)
        user = env["res.users"].browse(till_data["user_id"])
        Order = (
            env["pos.order"]
            .with_user(user)
            .with_context(allowed_company_ids=[till_data["company_id"]])
        )
        for index in range(args.orders + 3):
            order, rec, customer = till.earn_order()
            log.active = index >= 3  # the first orders warm the caches
            before = (log.count, log.seconds)
            if profiler and log.active:
                profiler.enable()
            started, cpu = time.perf_counter(), time.process_time()
            answer = Order.sync_from_ui([order])
            order_id = answer["pos.order"][0]["id"]
            Order.browse(order_id).confirm_coupon_programs(
                till.coupon_data(customer, rec["earned"])
            )
            env.flush_all()
            wall = time.perf_counter() - started
            cpu = time.process_time() - cpu
            if profiler:
                profiler.disable()
            if log.active:
                rows.append((wall, log.seconds - before[1], log.count - before[0], cpu))
            env.invalidate_all()
        env.cr.rollback()
    wall = benchlib.median(sorted(r[0] for r in rows))
    per_order = [sum(r[k] for r in rows) / len(rows) for k in (1, 2, 3)]
    print(
        f"{args.db}: {len(rows)} orders, wall median {wall * 1000:.0f} ms, "
        f"Python CPU {per_order[2] * 1000:.0f} ms, SQL {per_order[0] * 1000:.0f} "
        f"ms and {per_order[1]:.0f} queries per order"
    )
    top = sorted(log.by_query.items(), key=lambda kv: -kv[1][1])[: args.top]
    for query, (count, seconds) in top:
        print(f"{seconds * 1000 / len(rows):8.1f} ms/order {count:6d}x  {query}")
    if profiler:
        print_python(profiler, len(rows), args.python)
    return 0


def print_python(profiler, orders, top):
    """The retail functions of most cumulative time per order (cProfile's
    timer: wall time of the process, queries included)."""
    stats = pstats.Stats(profiler).stats
    retail = [
        (cumulative, calls, f"{path.split('addons/')[-1]}:{line} {name}")
        for (path, line, name), (calls, _prim, _tot, cumulative, _callers) in (
            stats.items()
        )
        if "/addons/retail_" in path
    ]
    print(f"retail functions, cumulative time per order ({orders} orders):")
    for cumulative, calls, where in sorted(retail, reverse=True)[:top]:
        print(f"{cumulative * 1000 / orders:8.1f} ms/order {calls:6d}x  {where}")


if __name__ == "__main__":
    sys.exit(main())

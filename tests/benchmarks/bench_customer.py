# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer benchmarks of retail_customer, on databases made by generate.py.

Usage::

    .local/venv/bin/python tests/benchmarks/bench_customer.py \\
        --db retail_bench_200k --small-db retail_bench_2k

Measured on ``--db`` (the big customer file), as the admin user (record rules
apply), each figure in the same run for the module and for Odoo's native way:

1. POS customer search, ``--queries`` random customers per kind of query, typed
   as a cashier types them: a mobile phone ("612 345 678"), a national ID
   ("12345678Z"), a customer number ("C0123456"), the beginning of a name
   ("María García Lóp"). Module: ``res.partner.retail_pos_search`` (what the
   till calls). Native: ``res.partner.get_new_partner`` with the domain of
   point_of_sale's partner_list.js ``getNewPartners`` (OR of ``ilike query%``
   over eleven fields). Both return the records the till adds (up to 100,
   read with the POS fields); median and p95 in ms, and how often the target
   customer is in the answer. The ORM cache is emptied before every call and
   the two are interleaved; the search alone (without the read) is timed too.
2. KPI update cost per order: real sale orders confirmed one by one
   (``action_confirm``: pickings and all) and real POS orders synced paid one
   by one (``pos.order.sync_from_ui`` in an open session), half of them with
   the module's hook (``_retail_kpi_count``) and half with it switched off; the
   time spent inside the hook is measured too. Then ``_retail_kpi_apply``
   alone for batches of 1, 100 and 1,000 orders. Everything is rolled back.
3. Statistics: ``retail.customer.report`` ``formatted_read_group`` by province
   and channel, by postal code, by month of last purchase (median of
   ``--repeat`` runs).
4. What the till loads at start, on both databases: a session is opened for a
   store and ``pos.session.load_data`` (what the POS calls when it starts) is
   run; number of partners, bytes of the partners' JSON and of the whole
   answer, time (rolled back).

The figures are printed as markdown tables and written to
tests/benchmarks/results/customer.md (plus the query plans of the name search
in customer_plans.txt).
"""

import argparse
import datetime
import json
import logging
import os
import platform
import random
import sys
import time

from odoo.tools import SQL

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402
from benchlib import Timer, median, percentile  # noqa: E402

_logger = logging.getLogger("retail_bench.customer")

# point_of_sale/static/src/app/screens/partner_list/partner_list.js
NATIVE_SEARCH_FIELDS = [
    "name",
    "parent_name",
    "phone_mobile_search",
    "email",
    "barcode",
    "street",
    "zip",
    "city",
    "state_id",
    "country_id",
    "vat",
]
KINDS = [
    ("phone", "Mobile phone, typed 612 345 678"),
    ("national_id", "National ID (DNI/NIE/CIF)"),
    ("number", "Customer number"),
    ("name", "Name prefix (first name, surname, 3 letters)"),
]
STORE_NAME = "Madrid Gran Vía"


def native_domain(query):
    """The domain the native POS sends for a typed query."""
    return [
        *(["|"] * (len(NATIVE_SEARCH_FIELDS) - 1)),
        *([field, "ilike", query + "%"] for field in NATIVE_SEARCH_FIELDS),
    ]


def json_bytes(value):
    from odoo.tools import json_default  # noqa: PLC0415

    return len(json.dumps(value, default=json_default).encode())


class CustomerBench:
    def __init__(self, env, args):
        self.args = args
        self.sudo_env = env
        admin = env.ref("base.user_admin")
        company = admin.company_id
        self.env = env(
            user=admin.id,
            context={"allowed_company_ids": [company.id], "tz": "Europe/Madrid"},
        )
        self.Partner = self.env["res.partner"]
        self.config = self.env["pos.config"].search(
            [("name", "=", STORE_NAME)], limit=1
        )
        if not self.config:
            raise SystemExit(f"{env.cr.dbname}: no store {STORE_NAME}: run generate.py")
        self.rng = random.Random(args.seed)
        self.plans = []

    def query(self, sql):
        return self.env.execute_query(sql)

    # ------------------------------------------------------------------
    # 0. the data
    # ------------------------------------------------------------------
    def describe(self):
        row = self.query(
            SQL(
                """
                SELECT (SELECT COUNT(*) FROM res_partner),
                       (SELECT COUNT(*) FROM res_partner
                         WHERE customer_number IS NOT NULL),
                       (SELECT COUNT(*) FROM pos_order),
                       (SELECT COUNT(*) FROM pos_order WHERE partner_id IS NOT NULL),
                       (SELECT COUNT(*) FROM sale_order),
                       (SELECT COUNT(*) FROM pos_order_line)
                       + (SELECT COUNT(*) FROM sale_order_line),
                       pg_size_pretty(pg_database_size(current_database())),
                       current_setting('server_version'),
                       current_setting('shared_buffers')
                """
            )
        )[0]
        keys = "partners customers pos_orders pos_orders_with_customer sale_orders"
        keys += " order_lines db_size pg_version shared_buffers"
        info = dict(zip(keys.split(), row, strict=True))
        info["generated"] = json.loads(
            self.env["ir.config_parameter"].sudo().get_param(benchlib.GENERATED_PARAM)
            or "{}"
        )
        return info

    # ------------------------------------------------------------------
    # 1. POS customer search
    # ------------------------------------------------------------------
    def targets(self, kind, count):
        """[(partner id, query as typed)] for ``count`` random customers."""
        if kind == "phone":
            rows = self.query(
                SQL(
                    """
                    SELECT id, COALESCE(
                               CASE WHEN retail_phone_sanitized ~ '^\\+34[67]'
                                    THEN retail_phone_sanitized END,
                               retail_mobile_sanitized)
                      FROM res_partner
                     WHERE customer_number IS NOT NULL AND active
                       AND (retail_phone_sanitized ~ '^\\+34[67]'
                            OR retail_mobile_sanitized ~ '^\\+34[67]')
                     ORDER BY id
                    """
                )
            )
            typed = [(pid, f"{e[3:6]} {e[6:9]} {e[9:]}") for pid, e in rows]
        elif kind == "national_id":
            rows = self.query(
                SQL(
                    "SELECT id, national_id FROM res_partner WHERE active "
                    "AND customer_number IS NOT NULL AND national_id IS NOT NULL "
                    "ORDER BY id"
                )
            )
            typed = [tuple(r) for r in rows]
        elif kind == "number":
            rows = self.query(
                SQL(
                    "SELECT id, customer_number FROM res_partner WHERE active "
                    "AND customer_number IS NOT NULL ORDER BY id"
                )
            )
            typed = [tuple(r) for r in rows]
        else:
            rows = self.query(
                SQL(
                    "SELECT id, name FROM res_partner WHERE active "
                    "AND customer_number IS NOT NULL AND NOT is_company "
                    "AND parent_id IS NULL ORDER BY id"
                )
            )
            typed = []
            for pid, name in rows:
                parts = name.split()
                if len(parts) >= 3:
                    typed.append((pid, " ".join(parts[:-1]) + " " + parts[-1][:3]))
        return random.Random(f"{self.args.seed}-{kind}").sample(
            typed, min(count, len(typed))
        )

    def timed_call(self, function):
        """Time one call as one RPC: empty caches before, its own transaction."""
        self.env.invalidate_all()
        with Timer() as timer:
            result = function()
        self.env.cr.rollback()
        return timer.ms, result

    def bench_search_loaded(self, info):
        """bench_search, the machine's load average noted before and after."""
        before = os.getloadavg()[0]
        rows = self.bench_search()
        info["load"] = f"{before:.1f}, {os.getloadavg()[0]:.1f}"
        return rows

    def bench_search(self):
        config_id = self.config.id
        Partner = self.Partner
        rows = []
        details = {}
        for kind, label in KINDS:
            targets = self.targets(kind, self.args.queries + self.args.warmup)
            warm, measured = (
                targets[: self.args.warmup],
                targets[self.args.warmup :],
            )
            calls = {
                "module": lambda q: Partner.retail_pos_search(config_id, q, 0),
                "native": lambda q: Partner.get_new_partner(
                    config_id, native_domain(q), 0
                ),
                "module_search": lambda q: Partner.retail_find_customers(q, limit=100),
                # the same search then the generic POS read of the partners
                "module_generic": lambda q: Partner._load_pos_data_read(
                    Partner.retail_find_customers(q, limit=100), self.config
                ),
                "native_search": lambda q: Partner.search(native_domain(q), limit=100),
            }
            for _pid, q in warm:
                for call in calls.values():
                    self.timed_call(lambda call=call, q=q: call(q))
            times = {name: [] for name in calls}
            hits = {"module": 0, "native": 0}
            found = {"module": [], "native": []}
            for index, (pid, q) in enumerate(measured):
                names = list(calls)
                if index >= self.args.search_only:
                    names = ["module", "native"]
                if index % 2:
                    names.reverse()
                for name in names:
                    ms, result = self.timed_call(lambda call=calls[name], q=q: call(q))
                    times[name].append(ms)
                    if name in hits:
                        ids = [p["id"] for p in result["res.partner"]]
                        hits[name] += pid in ids
                        found[name].append(len(ids))
            n = len(measured)
            rows.append(
                [
                    label,
                    n,
                    f"{hits['module']}/{n}",
                    f"{hits['native']}/{n}",
                    median(times["module"]),
                    percentile(times["module"], 95),
                    median(times["native"]),
                    percentile(times["native"], 95),
                    median(times["module_search"]),
                    percentile(times["module_search"], 95),
                    median(times["native_search"]),
                    percentile(times["native_search"], 95),
                    median(times["module_generic"]),
                    percentile(times["module_generic"], 95),
                    median(found["module"]),
                    median(found["native"]),
                ]
            )
            details[kind] = measured[0][1] if measured else ""
            _logger.info(
                "search %-12s module %.1f ms, native %.1f ms (medians)",
                kind,
                median(times["module"]),
                median(times["native"]),
            )
        self.explain_searches(details)
        self.env.cr.rollback()
        return rows

    def explain(self, title, domain, order=None):
        query = self.Partner._search(domain, limit=100, order=order)
        plan = self.query(
            SQL("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) %s", query.select())
        )
        self.plans.append(f"### {title}\n" + "\n".join(r[0] for r in plan))

    def explain_captured(self, title, function):
        """EXPLAIN ANALYZE the SQL queries that ``function`` sends through
        Environment.execute_query (e.g. native methods)."""
        from odoo.orm.environments import Environment  # noqa: PLC0415

        captured = []
        original = Environment.execute_query

        def capture(env, query):
            captured.append(query)
            return original(env, query)

        Environment.execute_query = capture
        try:
            function()
        finally:
            Environment.execute_query = original
        for query in captured:
            plan = self.query(SQL("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) %s", query))
            self.plans.append(f"### {title}\n" + "\n".join(r[0] for r in plan))

    def explain_searches(self, examples):
        Partner = self.Partner
        for kind, query in examples.items():
            if not query:
                continue
            self.env.invalidate_all()
            self.explain(
                f"module, exact identifiers, {kind}: {query!r}",
                Partner._retail_identifier_domain(query),
            )
            if kind == "name":
                self.explain(
                    f"module, name: complete_name ilike {query!r}",
                    [("complete_name", "ilike", query)],
                    order="complete_name, id",
                )
            self.explain(f"native POS domain, {kind}: {query!r}", native_domain(query))

    # ------------------------------------------------------------------
    # 2. KPI update cost
    # ------------------------------------------------------------------
    def hook_switch(self, model_class):
        """Wrap ``model_class._retail_kpi_count``: time it, or switch it off."""
        state = {"on": True, "ms": 0.0, "calls": 0}
        original = model_class._retail_kpi_count

        def wrapper(records):
            if not state["on"]:
                return None
            started = time.perf_counter()
            try:
                return original(records)
            finally:
                state["ms"] += (time.perf_counter() - started) * 1000.0
                state["calls"] += 1

        model_class._retail_kpi_count = wrapper
        return state, lambda: setattr(model_class, "_retail_kpi_count", original)

    def random_customers(self, count, channels):
        rows = self.query(
            SQL(
                """
                SELECT p.id FROM res_partner p
                  JOIN retail_channel c ON c.id = p.retail_channel_id
                 WHERE p.customer_number IS NOT NULL AND p.active
                   AND c.code = ANY(%s)
                 ORDER BY p.id
                """,
                channels,
            )
        )
        ids = [r[0] for r in rows]
        return self.rng.sample(ids, min(count, len(ids)))

    def products(self, count):
        products = self.env["product.product"].search(
            [("available_in_pos", "=", True), ("default_code", "=like", "R%")]
        )
        return self.rng.sample(list(products), count)

    def bench_sale_confirm(self):
        from odoo.addons.retail_customer_kpi.models.sale_order import (  # noqa: PLC0415
            SaleOrder,
        )

        n = self.args.orders
        partners = self.random_customers(2 * n + 2, ["online", "wholesale"])
        orders = self.env["sale.order"].create(
            [
                {
                    "partner_id": partner_id,
                    "order_line": [
                        (0, 0, {"product_id": p.id, "product_uom_qty": q})
                        for p, q in zip(self.products(3), (1, 2, 5), strict=True)
                    ],
                }
                for partner_id in partners
            ]
        )
        self.env.flush_all()
        state, restore = self.hook_switch(SaleOrder)
        with_hook, without_hook, hook_ms = [], [], []
        try:
            for index, order in enumerate(orders):
                state["on"] = index % 2 == 0
                before = state["ms"]
                self.env.invalidate_all()
                with Timer() as timer:
                    order.action_confirm()
                    self.env.flush_all()
                if index < 2:
                    continue  # warm-up
                if state["on"]:
                    with_hook.append(timer.ms)
                    hook_ms.append(state["ms"] - before)
                else:
                    without_hook.append(timer.ms)
            counted = orders.filtered("retail_kpi_done")
        finally:
            restore()
            self.env.cr.rollback()
            self.env.invalidate_all()
        return {
            "label": "Sale order confirmed (action_confirm, 3 lines)",
            "n": len(with_hook),
            "with": with_hook,
            "without": without_hook,
            "hook": hook_ms,
            "counted": len(counted),
        }

    def open_session(self, env):
        config = env["pos.config"].search([("name", "=", STORE_NAME)], limit=1)
        session = config.current_session_id
        if not session:
            session = env["pos.session"].create(
                {"user_id": env.uid, "config_id": config.id}
            )
        if session.state == "opening_control":
            session.set_opening_control(0, "")
        return config, session

    def bench_pos_paid(self):
        from odoo.addons.retail_customer_kpi.models.pos_order import (  # noqa: PLC0415
            PosOrder,
        )

        n = self.args.orders
        config, session = self.open_session(self.env)
        cash = config.payment_method_ids.filtered(
            lambda pm: pm.is_cash_count and not pm.split_transactions
        )[:1]
        partners = self.random_customers(2 * n + 2, ["store"])
        state, restore = self.hook_switch(PosOrder)
        with_hook, without_hook, hook_ms = [], [], []
        counted = 0
        try:
            for index, partner_id in enumerate(partners):
                uid = f"{90000 + index:05d}-001-{index:04d}"
                data, _total = benchlib.pos_order_data(
                    config,
                    session,
                    partner_id,
                    zip(self.products(3), (1, 2, 1), strict=True),
                    f"{self.args.seed}-{uid}",
                    cash,
                )
                state["on"] = index % 2 == 0
                before = state["ms"]
                self.env.invalidate_all()
                with Timer() as timer:
                    self.env["pos.order"].sync_from_ui([data])
                    self.env.flush_all()
                if index < 2:
                    continue
                if state["on"]:
                    with_hook.append(timer.ms)
                    hook_ms.append(state["ms"] - before)
                else:
                    without_hook.append(timer.ms)
            counted = self.env["pos.order"].search_count(
                [("session_id", "=", session.id), ("retail_kpi_done", "=", True)]
            )
        finally:
            restore()
            self.env.cr.rollback()
            self.env.invalidate_all()
        return {
            "label": "POS order synced paid (sync_from_ui, 3 lines)",
            "n": len(with_hook),
            "with": with_hook,
            "without": without_hook,
            "hook": hook_ms,
            "counted": counted,
        }

    def bench_kpi_apply(self):
        """_retail_kpi_apply alone, for batches of orders of distinct customers."""
        Partner = self.sudo_env["res.partner"]
        categ_ids = self.sudo_env["product.product"].search([]).categ_id.ids
        channel = self.sudo_env.ref("retail_customer.retail_channel_store")
        rows = []
        for size, repeat in ((1, 50), (100, 5), (1000, 3), (5000, 2)):
            times = []
            for _r in range(repeat):
                partners = self.random_customers(size, ["store", "franchise"])
                facts = [
                    {
                        "partner_id": pid,
                        "date": datetime.datetime.now(),
                        "amount": 42.5,
                        "count": 1,
                        "channel_id": channel.id,
                        "store_id": self.config.id,
                        "categories": {self.rng.choice(categ_ids): 42.5},
                    }
                    for pid in partners
                ]
                self.sudo_env.invalidate_all()
                with Timer() as timer:
                    Partner._retail_kpi_apply(facts, 1)
                    self.sudo_env.flush_all()
                times.append(timer.ms)
                self.sudo_env.cr.rollback()
            size = len(partners)
            rows.append([size, repeat, median(times), median(times) / size])
        self.sudo_env.invalidate_all()
        return rows

    # ------------------------------------------------------------------
    # 3. statistics
    # ------------------------------------------------------------------
    def bench_statistics(self):
        Report = self.env["retail.customer.report"]
        aggregates = [
            "customer_count:sum",
            "buyer_count:sum",
            "purchase_count:sum",
            "total_spent:sum",
            "average_basket:avg",
        ]
        cases = [
            ("Province x channel", ["state_id", "channel_id"]),
            ("Postal code", ["zip"]),
            ("Month of last purchase", ["last_purchase_date:month"]),
            ("Channel x preferred store", ["channel_id", "store_id"]),
        ]
        rows = []
        for label, groupby in cases:
            times, groups = [], 0
            for _r in range(self.args.repeat):
                self.env.invalidate_all()
                with Timer() as timer:
                    result = Report.formatted_read_group(
                        [], groupby=groupby, aggregates=aggregates
                    )
                times.append(timer.ms)
                groups = len(result)
            total = sum(g["customer_count:sum"] for g in result)
            rows.append([label, groups, total, median(times), max(times)])
        # the plan of the first one (the SQL the ORM sends, by hand), for the record
        plan = self.query(
            SQL(
                "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT state_id, channel_id, "
                "SUM(customer_count), SUM(buyer_count), SUM(purchase_count), "
                "SUM(total_spent), AVG(average_basket) FROM retail_customer_report "
                "GROUP BY state_id, channel_id"
            )
        )
        self.plans.append(
            "### statistics: province x channel\n" + "\n".join(r[0] for r in plan)
        )
        self.env.cr.rollback()
        return rows


def bench_pos_load(env, args):
    """What the till loads at start: pos.session.load_data for a store."""
    bench = CustomerBench(env, args)
    uenv = bench.env
    row = {}
    try:
        with Timer() as timer:
            limited = bench.config.get_limited_partners_loading()
        row["limited_ms"] = timer.ms
        row["limited"] = len(limited)
        bench.explain_captured(
            f"native get_limited_partners_loading ({env.cr.dbname})",
            bench.config.get_limited_partners_loading,
        )
        _config, session = bench.open_session(uenv)
        uenv.flush_all()
        times = []
        for _r in range(args.load_repeat):
            uenv.invalidate_all()
            with Timer() as timer:
                data = session.load_data([])
            times.append(timer.ms)
        row["load_ms"] = median(times)
        row["partners"] = len(data["res.partner"])
        row["partner_bytes"] = json_bytes(data["res.partner"])
        row["total_bytes"] = json_bytes(data)
        row["customers"] = uenv["res.partner"].search_count(
            [("customer_number", "!=", False)]
        )
    finally:
        uenv.cr.rollback()
    return row, bench.plans


def render_search(args, info, search):
    """The report's head and its section on the POS customer search (lines)."""
    gen = info.get("generated", {})
    out = [
        "# Customer benchmarks (retail_customer)",
        "",
        f"Run {datetime.datetime.now():%Y-%m-%d %H:%M} on {platform.node()} "
        f"({os.cpu_count()} CPU, Python {platform.python_version()}, PostgreSQL "
        f"{info['pg_version']}, shared_buffers {info['shared_buffers']}).",
        f"Database `{args.db}` ({info['db_size']}): {info['customers']:,} customers "
        f"({info['partners']:,} partners), {info['pos_orders']:,} POS orders "
        f"({info['pos_orders_with_customer']:,} with a customer), "
        f"{info['sale_orders']:,} sale orders, {info['order_lines']:,} order lines; "
        f"generated with seed {gen.get('seed', '?')} in {gen.get('seconds', '?')} s.",
        f"Queries: {args.queries} random customers per kind (+{args.warmup} warm-up), "
        "as the admin user; times in ms, ORM cache emptied before each call.",
        "",
        "## POS customer search: module vs native, same run",
        "",
        "Full call = what the till waits for (search + read of up to 100 partners "
        "with the POS fields): `retail_pos_search` vs `get_new_partner` with the "
        "native domain. Search only (first "
        f"{min(args.search_only, args.queries)} queries) = `retail_find_customers` "
        "vs `search(domain, limit=100)`. Hits: the target customer is in the "
        "answer. Each call is one transaction, as an RPC. Module search + generic "
        "read = `retail_find_customers` then `_load_pos_data_read` of the partners "
        "(what the full call costs without reading the columns with the search).",
        f"Load average (1 min) before and after the search measures: {info['load']}.",
        "",
        benchlib.markdown_table(
            [
                "Query",
                "N",
                "Hits module",
                "Hits native",
                "Module median",
                "Module p95",
                "Native median",
                "Native p95",
                "Module search median",
                "Module search p95",
                "Native search median",
                "Native search p95",
                "Module search + generic read median",
                "Module search + generic read p95",
                "Rows module (median)",
                "Rows native (median)",
            ],
            search,
        ),
        "",
    ]
    return out


def render(args, info, search, sale, pos, kpi, stats, loads):
    def fmt_orders(result):
        return [
            result["label"],
            result["n"],
            median(result["without"]),
            median(result["with"]),
            median(result["hook"]),
            percentile(result["hook"], 95),
            median(result["with"]) - median(result["without"]),
        ]

    out = render_search(args, info, search)
    out += [
        "## KPI update cost per order (real flows, rolled back)",
        "",
        "Orders alternately with the module's hook and with it switched off; "
        "hook = time inside `_retail_kpi_count` (facts + `_retail_kpi_apply`).",
        "",
        benchlib.markdown_table(
            [
                "Flow",
                "N (each)",
                "Without hook median",
                "With hook median",
                "Hook median",
                "Hook p95",
                "Difference of medians",
            ],
            [fmt_orders(sale), fmt_orders(pos)],
        ),
        "",
        f"Orders counted in the KPIs: {sale['counted']} sale, {pos['counted']} POS "
        "(those confirmed with the hook on).",
        "",
        "`_retail_kpi_apply` alone (one fact per order, distinct customers):",
        "",
        benchlib.markdown_table(
            ["Orders in the batch", "Runs", "Median ms", "ms per order"], kpi
        ),
        "",
        "## Statistics (`retail.customer.report.formatted_read_group`)",
        "",
        benchlib.markdown_table(
            ["Group by", "Groups", "Customers", "Median ms", "Max ms"], stats
        ),
        "",
        "## What the till loads at start",
        "",
        "`pos.session.load_data` for the store's session (all models), as the POS "
        "calls it when it starts; `get_limited_partners_loading` is the query "
        "choosing the partners.",
        "",
        benchlib.markdown_table(
            [
                "Database",
                "Customers",
                "Partners loaded",
                "Partners JSON bytes",
                "Whole answer bytes",
                "load_data median ms",
                "get_limited_partners_loading ms",
            ],
            [
                [
                    db,
                    row["customers"],
                    row["partners"],
                    row["partner_bytes"],
                    row["total_bytes"],
                    row["load_ms"],
                    row["limited_ms"],
                ]
                for db, row in loads
            ],
        ),
        "",
    ]
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", required=True, help="the big generated database")
    parser.add_argument(
        "--small-db", help="a small generated database, for the POS start load"
    )
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument(
        "--search-only",
        type=int,
        default=50,
        help="queries (the first ones) also timed without the read (default 50)",
    )
    parser.add_argument("--orders", type=int, default=30, help="orders per variant")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--load-repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--output", default=os.path.join(benchlib.RESULTS_DIR))
    parser.add_argument(
        "--only-search",
        action="store_true",
        help="measure the POS customer search only (written to customer_search.md)",
    )
    benchlib.add_common_arguments(parser)
    args = parser.parse_args()

    started = time.perf_counter()
    loads, plans = [], []
    if args.small_db:
        with benchlib.odoo_env(args.small_db, args.conf, args.log_level) as env:
            row, load_plans = bench_pos_load(env, args)
            loads.append((args.small_db, row))
            plans += load_plans
    if args.only_search:
        return main_search_only(args, started)
    with benchlib.odoo_env(args.db, args.conf, args.log_level) as env:
        bench = CustomerBench(env, args)
        info = bench.describe()
        row, load_plans = bench_pos_load(env, args)
        loads.append((args.db, row))
        plans += load_plans
        _logger.info("POS start load measured")
        search = bench.bench_search_loaded(info)
        sale = bench.bench_sale_confirm()
        _logger.info("sale orders measured")
        pos = bench.bench_pos_paid()
        _logger.info("POS orders measured")
        kpi = bench.bench_kpi_apply()
        stats = bench.bench_statistics()
        env.cr.rollback()
    report = render(args, info, search, sale, pos, kpi, stats, loads)
    report += f"\nBenchmark run time: {time.perf_counter() - started:.0f} s.\n"
    os.makedirs(args.output, exist_ok=True)
    with open(os.path.join(args.output, "customer.md"), "w") as handle:
        handle.write(report)
    with open(os.path.join(args.output, "customer_plans.txt"), "w") as handle:
        handle.write("\n\n".join(plans + bench.plans) + "\n")
    print(report)
    return 0


def main_search_only(args, started):
    """The POS customer search alone, its section of the report in
    customer_search.md (customer.md keeps the last full run)."""
    with benchlib.odoo_env(args.db, args.conf, args.log_level) as env:
        bench = CustomerBench(env, args)
        info = bench.describe()
        search = bench.bench_search_loaded(info)
        env.cr.rollback()
    report = "\n".join(render_search(args, info, search))
    report += f"\n\nBenchmark run time: {time.perf_counter() - started:.0f} s.\n"
    os.makedirs(args.output, exist_ok=True)
    with open(os.path.join(args.output, "customer_search.md"), "w") as handle:
        handle.write(report)
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())

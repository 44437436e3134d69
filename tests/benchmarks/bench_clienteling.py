# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Clienteling benchmarks of retail_clienteling (and its loyalty and promotions
bridges), on a copy of the campaign benchmark database (200,000 customers with
their loyalty cards) where they are installed.

Usage::

    .local/venv/bin/python tests/benchmarks/bench_clienteling.py \\
        --db retail_bench_clienteling_200k --lines 2000000

Synthetic data is made once and kept (marker parameter
``retail_bench.clienteling``), set-based in SQL but the catalogue:

* customers: Spanish names (first name and two surnames, as generate.py draws
  them), a DNI and the national form of their mobile (what the till searches),
  written over the customers of the database;
* a catalogue of ``--categories`` x ``--per-category`` products (3,000) sold at
  the till, created through the ORM; 15 % tracked in stock (a fifth of those
  out of stock in the store's warehouse); one template in ten with one or two
  native optional products of its category;
* ``--lines`` order lines (2,000,000) over the last 360 days: baskets of 1 to 8
  lines (most of 1 to 3), 85 % till orders (60 % of them with a customer,
  weekly closed sessions of the store) and 15 % sale orders; each basket has an
  anchor product drawn from a skewed popularity (categories and ranks within
  them), its other lines a companion of the anchor (25 %), another product of
  its category (40 %) or any product (35 %), all skewed;
* the customers' spend per category (``retail.customer.stat``, what the KPIs
  keep), from those lines.

Measured, as a cashier of the store (record rules apply), each call one
transaction with the ORM cache emptied before it, as an RPC:

1. The till's customer search, full call (``res.partner.retail_pos_search``:
   the search and the fields the till reads) by mobile typed "600 123 456",
   DNI, customer number and name prefix, against native point_of_sale's
   (``get_new_partner`` with the domain of partner_list.js), interleaved; the
   module's search alone and its queries per call.
2. The pairs' rebuild (``retail.product.pair._retail_rebuild`` of every scope,
   what the nightly job runs), its statements timed one by one; committed, the
   suggestions read it.
3. The suggestions (``pos.config.retail_clienteling_suggestions``) for
   ``--calls`` real baskets (an order's products, up to 5 units), 70 % with the
   order's customer, 30 % anonymous; queries per call.
4. The customer's panel (``pos.config.retail_clienteling_panel``) for the
   customers of real baskets: one call, its queries and time.

The figures are printed as markdown and written to
tests/benchmarks/results/clienteling.md.
"""

import argparse
import logging
import os
import random
import sys
import time

from odoo.tools import SQL

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402
from bench_customer import KINDS, native_domain  # noqa: E402
from benchlib import Timer, median, percentile  # noqa: E402
from generate import (  # noqa: E402
    DNI_LETTERS,
    FEMALE_NAMES,
    MALE_NAMES,
    SURNAME_WEIGHTS,
    SURNAMES,
)

_logger = logging.getLogger("retail_bench.clienteling")

MARKER = "retail_bench.clienteling"
ROOT_CATEGORY = "Bench Clienteling"
CASHIER = "bench_clienteling_cashier"
TARGET_MS = 30.0
TARGET_REBUILD_S = 60.0


class ClientelingBench:
    def __init__(self, env, args):
        self.env = env
        self.args = args
        self.rng = random.Random(args.seed)
        self.config = env["pos.config"].search(
            [("company_id", "=", env.company.id)], order="id", limit=1
        )
        if not self.config:
            raise SystemExit(f"{env.cr.dbname}: no till")

    def query(self, sql):
        return self.env.execute_query(sql)

    def cpu(self):
        """CPU seconds used so far by this process and by its PostgreSQL
        backend (read in /proc: the database runs on this machine), the
        backend's None where it cannot be read. Unlike the elapsed times,
        they hardly move with the machine's load."""
        if not hasattr(self, "_backend_pid"):
            [[self._backend_pid]] = self.query(SQL("SELECT pg_backend_pid()"))
        try:
            with open(f"/proc/{self._backend_pid}/stat") as handle:
                stat = handle.read().rsplit(")", 1)[1].split()
            backend = (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            backend = None
        return time.process_time(), backend

    def cpu_since(self, start, calls=1):
        """(Odoo ms, PostgreSQL ms) per call since ``start`` (``cpu()``)."""
        own, backend = self.cpu()
        return (
            (own - start[0]) * 1000 / calls,
            (backend - start[1]) * 1000 / calls if backend is not None else None,
        )

    # ------------------------------------------------------------------
    # Data
    # ------------------------------------------------------------------

    def wanted(self):
        args = self.args
        return (
            f"lines={args.lines},categories={args.categories},"
            f"per_category={args.per_category},seed={args.seed}"
        )

    def setup(self):
        Param = self.env["ir.config_parameter"]
        done = Param.get_param(MARKER)
        if done == self.wanted():
            _logger.info("clienteling data already generated (%s)", done)
            return None
        if done:
            raise SystemExit(
                f"{self.env.cr.dbname} holds clienteling data made with {done}: "
                "use a fresh copy of the campaign database"
            )
        started = time.perf_counter()
        self.setup_customers()
        self.env.cr.commit()
        catalogue = self.setup_catalogue()
        self.env.cr.commit()
        self.setup_orders(catalogue)
        Param.set_param(MARKER, self.wanted())
        self.env.cr.commit()
        for table in (
            "res_partner",
            "pos_order",
            "pos_order_line",
            "sale_order",
            "sale_order_line",
            "retail_customer_stat",
            "product_product",
            "product_template",
            "stock_quant",
        ):
            self.query(SQL("ANALYZE %s", SQL.identifier(table)))
        self.env.cr.commit()
        seconds = time.perf_counter() - started
        _logger.info("clienteling data generated in %.0f s", seconds)
        return seconds

    def setup_customers(self):
        """Names, DNIs and the national form of the mobile of every customer,
        drawn as generate.py draws them."""
        rows = self.query(
            SQL(
                "SELECT id FROM res_partner WHERE customer_number IS NOT NULL "
                "AND active AND NOT is_company ORDER BY id"
            )
        )
        rng = random.Random(f"{self.args.seed}-names")
        ids, names, dnis = [], [], []
        for index, (pid,) in enumerate(rows):
            first = rng.choice(FEMALE_NAMES if rng.random() < 0.52 else MALE_NAMES)
            surname1, surname2 = rng.choices(SURNAMES, weights=SURNAME_WEIGHTS, k=2)
            number = 10_000_000 + (index * 7_919) % 89_000_000
            ids.append(pid)
            names.append(f"{first} {surname1} {surname2}")
            dnis.append(f"{number:08d}{DNI_LETTERS[number % 23]}")
        self.query(
            SQL(
                """
                UPDATE res_partner p
                   SET name = v.name, complete_name = v.name,
                       national_id = v.dni,
                       retail_mobile_national = CASE
                           WHEN p.retail_mobile_sanitized LIKE '+34%%'
                           THEN substr(p.retail_mobile_sanitized, 4)
                           ELSE p.retail_mobile_national END
                  FROM unnest(%s::int[], %s::varchar[], %s::varchar[])
                       AS v(id, name, dni)
                 WHERE p.id = v.id
                """,
                ids,
                names,
                dnis,
            )
        )
        self.env["res.partner"].invalidate_model()
        _logger.info("%s customers named", len(ids))

    def setup_catalogue(self):
        """The products, created through the ORM, one category after the
        other, then their stock and optional products in SQL.

        :return: product ids ordered by (category, rank in it)
        """
        env = self.env
        args = self.args
        rng = random.Random(f"{args.seed}-catalogue")
        root = env["product.category"].create({"name": ROOT_CATEGORY})
        vals_list = []
        for cat in range(args.categories):
            categ = env["product.category"].create(
                {"name": f"Family {cat + 1:02d}", "parent_id": root.id}
            )
            for rank in range(args.per_category):
                vals_list.append(
                    {
                        "name": f"Article {cat + 1:02d}-{rank + 1:03d}",
                        "default_code": f"BCL{cat + 1:02d}{rank + 1:03d}",
                        "categ_id": categ.id,
                        "list_price": round(rng.uniform(3, 120), 2),
                        "type": "consu",
                        "is_storable": rng.random() < 0.15,
                        "available_in_pos": True,
                        "sale_ok": True,
                        "taxes_id": [],
                    }
                )
        with Timer() as timer:
            products = (
                env["product.product"]
                .with_context(tracking_disable=True)
                .create(vals_list)
            )
        _logger.info("%s products created in %.0f s", len(products), timer.ms / 1000)
        env.flush_all()
        self.setup_stock(products)
        self.setup_optional(products, rng)
        return products.ids

    def setup_stock(self, products):
        location = self.config.picking_type_id.warehouse_id.lot_stock_id
        storable = products.filtered("is_storable")
        in_stock = storable[: len(storable) * 4 // 5]
        self.query(
            SQL(
                """
                INSERT INTO stock_quant (product_id, location_id, company_id,
                       quantity, reserved_quantity, in_date, create_uid,
                       write_uid, create_date, write_date)
                SELECT pid, %s, %s, 5 + floor(random() * 50), 0,
                       now() at time zone 'UTC', 1, 1, now() at time zone 'UTC',
                       now() at time zone 'UTC'
                  FROM unnest(%s::int[]) AS pid
                """,
                location.id,
                location.company_id.id or self.env.company.id,
                in_stock.ids,
            )
        )

    def setup_optional(self, products, rng):
        per = self.args.per_category
        rows = []
        for index, product in enumerate(products):
            if rng.random() >= 0.1:
                continue
            start = index - index % per
            for _n in range(rng.randint(1, 2)):
                other = products[start + rng.randrange(per)]
                if other != product:
                    rows.append((product.product_tmpl_id.id, other.product_tmpl_id.id))
        self.query(
            SQL(
                """
                INSERT INTO pos_product_optional_rel (src_id, dest_id)
                SELECT DISTINCT s, d FROM unnest(%s::int[], %s::int[]) AS v(s, d)
                ON CONFLICT DO NOTHING
                """,
                [s for s, _d in rows],
                [d for _s, d in rows],
            )
        )

    def setup_orders(self, catalogue):
        """The baskets, their lines, the orders and the customers' spend per
        category, in SQL."""
        env = self.env
        args = self.args
        started = time.perf_counter()
        self.query(SQL("SELECT setseed(%s)", (args.seed % 1000) / 1000.0))
        self.query(SQL(ORDERS_SQL, **self.order_params(catalogue)))
        [[orders, lines]] = self.query(
            SQL("SELECT count(*), sum(nlines) FROM bench_orders")
        )
        _logger.info(
            "%s baskets, %s lines drawn in %.0f s",
            orders,
            lines,
            time.perf_counter() - started,
        )
        self.query(SQL(LINES_SQL, **self.order_params(catalogue)))
        self.insert_sessions()
        company = env.company
        params = {
            "company": company.id,
            "currency": company.currency_id.id,
            "pricelist": self.config.pricelist_id.id
            or env["product.pricelist"].search([], limit=1).id
            or None,
            "uid": env.ref("base.user_admin").id,
            "config": self.config.id,
            "warehouse": self.config.picking_type_id.warehouse_id.id or None,
        }
        for statement in INSERT_SQL:
            with Timer() as timer:
                self.query(SQL(statement, **params))
            _logger.info(
                "%s in %.0f s", statement.split("(")[0].strip(), timer.ms / 1e3
            )
        env.invalidate_all()
        _logger.info("orders inserted in %.0f s", time.perf_counter() - started)

    def order_params(self, catalogue):
        args = self.args
        return {
            "orders": int(args.lines / 2.9 * 1.1),
            "lines": args.lines,
            "sale_share": 0.15,
            "customer_share": 0.6,
            "ncat": args.categories,
            "per": args.per_category,
            "catalogue": catalogue,
        }

    def insert_sessions(self):
        """A closed session of the store per week of the history."""
        self.query(
            SQL(
                """
                CREATE TEMP TABLE bench_sessions AS
                SELECT w AS week, nextval('pos_session_id_seq')::int AS id
                  FROM generate_series(0, 52) AS w;
                INSERT INTO pos_session (id, config_id, name, user_id, state,
                       start_at, stop_at, cash_register_balance_start,
                       cash_register_balance_end_real, rescue,
                       update_stock_at_closing, create_uid, write_uid,
                       create_date, write_date)
                SELECT s.id, %(config)s, 'BCL/' || lpad(s.week::text, 5, '0'),
                       %(uid)s, 'closed',
                       now() at time zone 'UTC' - (s.week + 1) * interval '7 days',
                       now() at time zone 'UTC' - s.week * interval '7 days',
                       0, 0, FALSE, FALSE, %(uid)s, %(uid)s,
                       now() at time zone 'UTC', now() at time zone 'UTC'
                  FROM bench_sessions s
                """,
                config=self.config.id,
                uid=self.env.ref("base.user_admin").id,
            )
        )

    def cashier(self):
        """A cashier of the store (point of sale user)."""
        Users = self.env["res.users"].with_context(no_reset_password=True)
        user = Users.search([("login", "=", CASHIER)], limit=1)
        if not user:
            company = self.env.company
            user = Users.create(
                {
                    "name": "Bench Clienteling Cashier",
                    "login": CASHIER,
                    "company_id": company.id,
                    "company_ids": [(6, 0, company.ids)],
                    "group_ids": [
                        (
                            6,
                            0,
                            [
                                self.env.ref("base.group_user").id,
                                self.env.ref("point_of_sale.group_pos_user").id,
                            ],
                        )
                    ],
                }
            )
            self.env.cr.commit()
        return user

    def describe(self):
        [row] = self.query(
            SQL(
                """
                SELECT (SELECT count(*) FROM res_partner
                         WHERE customer_number IS NOT NULL),
                       (SELECT count(*) FROM pos_order),
                       (SELECT count(*) FROM pos_order WHERE partner_id IS NOT NULL),
                       (SELECT count(*) FROM sale_order),
                       (SELECT count(*) FROM pos_order_line),
                       (SELECT count(*) FROM sale_order_line),
                       (SELECT count(*) FROM product_product p
                          JOIN product_template t ON t.id = p.product_tmpl_id
                         WHERE t.available_in_pos),
                       (SELECT count(*) FROM pos_product_optional_rel),
                       pg_size_pretty(pg_database_size(current_database())),
                       current_setting('server_version')
                """
            )
        )
        keys = "customers pos_orders pos_with_customer sale_orders pos_lines"
        keys += " sale_lines products optional db_size pg_version"
        return dict(zip(keys.split(), row, strict=True))

    # ------------------------------------------------------------------
    # Measures
    # ------------------------------------------------------------------

    def timed_call(self, env, function):
        """One call as one RPC: caches emptied before, its own transaction;
        (ms, queries, result)."""
        env.invalidate_all()
        cr = env.cr
        count = cr.sql_log_count
        with Timer() as timer:
            result = function()
        queries = cr.sql_log_count - count
        cr.rollback()
        return timer.ms, queries, result

    def search_targets(self, kind, count):
        """[(partner id, query as typed)] for ``count`` random customers."""
        sql = {
            "phone": "SELECT id, retail_mobile_national FROM res_partner "
            "WHERE retail_mobile_national LIKE '6%%' AND customer_number IS NOT NULL",
            "national_id": "SELECT id, national_id FROM res_partner "
            "WHERE national_id IS NOT NULL AND customer_number IS NOT NULL",
            "number": "SELECT id, customer_number FROM res_partner "
            "WHERE customer_number IS NOT NULL",
            "name": "SELECT id, name FROM res_partner "
            "WHERE customer_number IS NOT NULL AND NOT is_company",
        }[kind]
        rows = self.query(SQL(sql + " ORDER BY id"))
        if kind == "phone":
            rows = [(pid, f"{n[:3]} {n[3:6]} {n[6:]}") for pid, n in rows]
        elif kind == "name":
            rows = [
                (pid, " ".join(name.split()[:-1]) + " " + name.split()[-1][:3])
                for pid, name in rows
                if len(name.split()) >= 3
            ]
        rng = random.Random(f"{self.args.seed}-{kind}")
        return rng.sample(rows, min(count, len(rows)))

    def bench_search(self, user):
        env = self.env(
            user=user.id, context={"allowed_company_ids": [user.company_id.id]}
        )
        Partner = env["res.partner"]
        config_id = self.config.id
        args = self.args
        calls = {
            "module": lambda q: Partner.retail_pos_search(config_id, q, 0),
            "native": lambda q: Partner.get_new_partner(config_id, native_domain(q), 0),
            "search": lambda q: Partner.retail_find_customers(q, limit=100),
        }
        results = []
        for kind, label in KINDS:
            targets = self.search_targets(kind, args.queries + args.warmup)
            for _pid, q in targets[: args.warmup]:
                for name in ("module", "search"):
                    self.timed_call(env, lambda name=name, q=q: calls[name](q))
            times = {name: [] for name in calls}
            queries, hits = [], {"module": 0, "native": 0}
            load_before = os.getloadavg()[0]
            for index, (pid, q) in enumerate(targets[args.warmup :]):
                names = ["module", "search"]
                if index < args.native_queries:
                    names.append("native")
                if index % 2:
                    names.reverse()
                for name in names:
                    ms, count, result = self.timed_call(
                        env, lambda name=name, q=q: calls[name](q)
                    )
                    times[name].append(ms)
                    if name == "module":
                        queries.append(count)
                    if name in hits:
                        hits[name] += pid in [p["id"] for p in result["res.partner"]]
            results.append(
                {
                    "label": label,
                    "times": times,
                    "queries": queries,
                    "hits": hits,
                    "load": f"{load_before:.1f}-{os.getloadavg()[0]:.1f}",
                }
            )
            _logger.info(
                "search %-12s module p95 %.1f ms, native p95 %.1f ms",
                kind,
                percentile(times["module"], 95),
                percentile(times["native"], 95),
            )
        return results

    def bench_rebuild(self):
        """The nightly job's work, each scope, its statements timed; committed."""
        from odoo.orm.environments import Environment  # noqa: PLC0415

        Pair = self.env["retail.product.pair"]
        statements = []
        original = Environment.execute_query

        def timed(env, query):
            with Timer() as timer:
                result = original(env, query)
            statements.append((timer.ms, " ".join(query.code.split())[:90]))
            return result

        load = os.getloadavg()[0]
        cpu = self.cpu()
        Environment.execute_query = timed
        try:
            with Timer() as timer:
                kept = 0
                for scope, companies in Pair._retail_scopes():
                    kept += Pair._retail_rebuild(scope, companies)
                self.env.flush_all()
        finally:
            Environment.execute_query = original
        cpu = self.cpu_since(cpu)
        self.env.cr.commit()
        [[popular]] = self.query(SQL("SELECT count(*) FROM retail_product_popularity"))
        return {
            "ms": timer.ms,
            "pairs": kept,
            "popular": popular,
            "cpu": cpu,
            "statements": sorted(statements, reverse=True)[:4],
            "load": f"{load:.1f}-{os.getloadavg()[0]:.1f}",
        }

    def baskets(self, count):
        """[(customer id or False, basket: a product id per unit)] of real
        orders (their first products, up to 5 units)."""
        rows = self.query(
            SQL(
                """
                SELECT o.partner_id, array_agg(l.product_id ORDER BY l.id)
                  FROM (SELECT o.id, o.partner_id FROM pos_order o
                          JOIN res_partner p ON p.id = o.partner_id AND p.active
                         ORDER BY md5(o.id::text || %s) LIMIT %s) o
                  JOIN pos_order_line l ON l.order_id = o.id
                 GROUP BY o.id, o.partner_id
                """,
                str(self.args.seed),
                count,
            )
        )
        rng = random.Random(f"{self.args.seed}-baskets")
        return [
            (partner_id if rng.random() < 0.7 else False, products[: rng.randint(1, 5)])
            for partner_id, products in rows
        ]

    def bench_suggestions(self, user):
        config = self.config.with_user(user).with_context(
            allowed_company_ids=[user.company_id.id]
        )
        env = config.env
        calls = self.baskets(self.args.calls + self.args.warmup)
        for partner_id, basket in calls[: self.args.warmup]:
            self.timed_call(
                env,
                lambda p=partner_id, b=basket: config.retail_clienteling_suggestions(
                    p, b, 6
                ),
            )
        times, queries, counts, sources = [], [], [], {}
        load = os.getloadavg()[0]
        cpu = self.cpu()
        for partner_id, basket in calls[self.args.warmup :]:
            ms, count, result = self.timed_call(
                env,
                lambda p=partner_id, b=basket: config.retail_clienteling_suggestions(
                    p, b, 6
                ),
            )
            times.append(ms)
            queries.append(count)
            counts.append(len(result))
            for row in result:
                sources[row["source"]] = sources.get(row["source"], 0) + 1
        return {
            "times": times,
            "queries": queries,
            "cpu": self.cpu_since(cpu, len(times)),
            "counts": counts,
            "sources": sources,
            "load": f"{load:.1f}-{os.getloadavg()[0]:.1f}",
        }

    def bench_panel(self, user):
        config = self.config.with_user(user).with_context(
            allowed_company_ids=[user.company_id.id]
        )
        env = config.env
        calls = [
            (partner_id, basket)
            for partner_id, basket in self.baskets(
                (self.args.calls + self.args.warmup) * 2
            )
            if partner_id
        ][: self.args.calls + self.args.warmup]
        for partner_id, basket in calls[: self.args.warmup]:
            self.timed_call(
                env,
                lambda p=partner_id, b=basket: config.retail_clienteling_panel(p, b),
            )
        times, queries, history, suggestions = [], [], [], []
        load = os.getloadavg()[0]
        cpu = self.cpu()
        for partner_id, basket in calls[self.args.warmup :]:
            ms, count, panel = self.timed_call(
                env,
                lambda p=partner_id, b=basket: config.retail_clienteling_panel(p, b),
            )
            times.append(ms)
            queries.append(count)
            history.append(len(panel["history"]))
            suggestions.append(len(panel["suggestions"]))
        return {
            "times": times,
            "queries": queries,
            "cpu": self.cpu_since(cpu, len(times)),
            "history": history,
            "suggestions": suggestions,
            "load": f"{load:.1f}-{os.getloadavg()[0]:.1f}",
        }


# The baskets: size (1 to 8 lines, most of 1 to 3), kind, customer draw,
# anchor (category and rank, skewed), date; trimmed to exactly %(lines)s lines.
ORDERS_SQL = """
CREATE TEMP TABLE bench_customers AS
SELECT (row_number() OVER (ORDER BY id) - 1)::int AS k, id
  FROM res_partner
 WHERE customer_number IS NOT NULL AND active AND NOT is_company;
CREATE TEMP TABLE bench_drawn AS
SELECT n, random() < %(sale_share)s AS is_sale,
       1 + floor(8 * power(random(), 2.2))::int AS nlines,
       floor(%(ncat)s * power(random(), 1.6))::int AS cat,
       floor(%(per)s * power(random(), 2.5))::int AS anchor,
       now() at time zone 'UTC' - random() * interval '360 days' AS date_order,
       random() AS draw_customer, random() AS draw_partner
  FROM generate_series(1, %(orders)s) AS n;
CREATE TEMP TABLE bench_orders AS
SELECT d.n, d.is_sale, d.cat, d.anchor, d.date_order,
       LEAST(d.nlines, %(lines)s - d.before) AS nlines,
       CASE WHEN d.is_sale OR d.draw_customer < %(customer_share)s THEN c.id
       END AS partner_id,
       CASE WHEN d.is_sale THEN nextval('sale_order_id_seq')
            ELSE nextval('pos_order_id_seq') END::int AS order_id
  FROM (SELECT *, sum(nlines) OVER (ORDER BY n) - nlines AS before
          FROM bench_drawn) d
  JOIN bench_customers c
    ON c.k = floor((SELECT count(*) FROM bench_customers)
                   * power(d.draw_partner, 1.3))::int
 WHERE d.before < %(lines)s
"""

# The lines: the anchor first, then a companion of it, a product of its
# category or any product, skewed; their product, price and quantity.
LINES_SQL = """
CREATE TEMP TABLE bench_catalogue AS
SELECT (k - 1)::int AS k, v.product_id, t.list_price, t.uom_id, t.categ_id,
       COALESCE(t.name->>'en_US', '') AS name
  FROM unnest(%(catalogue)s::int[]) WITH ORDINALITY AS v(product_id, k)
  JOIN product_product p ON p.id = v.product_id
  JOIN product_template t ON t.id = p.product_tmpl_id;
CREATE TEMP TABLE bench_lines AS
SELECT x.n, x.order_id, x.seq, c.product_id, c.name, c.uom_id, c.categ_id,
       c.list_price AS price, x.qty, round(c.list_price * x.qty, 2) AS subtotal
  FROM (SELECT o.n, o.order_id, g.seq,
               CASE WHEN g.seq = 1 THEN o.cat * %(per)s + o.anchor
                    WHEN r.pick < 0.25 THEN o.cat * %(per)s + (o.anchor + 1) %% %(per)s
                    WHEN r.pick < 0.65
                    THEN o.cat * %(per)s + floor(%(per)s * power(r.r1, 2.5))::int
                    ELSE floor(%(ncat)s * power(r.r2, 1.6))::int * %(per)s
                         + floor(%(per)s * power(r.r1, 2.5))::int
               END AS k,
               CASE WHEN r.r3 < 0.85 THEN 1 WHEN r.r3 < 0.96 THEN 2 ELSE 3 END AS qty
          FROM bench_orders o
          CROSS JOIN LATERAL generate_series(1, o.nlines) AS g(seq)
          CROSS JOIN LATERAL (
              SELECT random() + 0 * g.seq AS pick, random() + 0 * g.seq AS r1,
                     random() + 0 * g.seq AS r2, random() + 0 * g.seq AS r3
          ) r) x
  JOIN bench_catalogue c ON c.k = x.k;
CREATE TEMP TABLE bench_amounts AS
SELECT n, sum(subtotal) AS amount FROM bench_lines GROUP BY n
"""

INSERT_SQL = [
    """
    INSERT INTO pos_order (id, name, pos_reference, session_id, config_id,
           partner_id, date_order, amount_total, amount_paid, amount_tax,
           amount_return, is_refund, retail_kpi_done, sequence_number,
           company_id, pricelist_id, user_id, state, currency_rate, uuid, source,
           nb_print, to_invoice, is_tipped, tip_amount, has_deleted_line,
           create_uid, write_uid, create_date, write_date)
    SELECT o.order_id, 'BCL/' || o.order_id, 'BCL-' || o.order_id, s.id,
           %(config)s, o.partner_id, o.date_order, a.amount, a.amount, 0, 0,
           FALSE, TRUE, o.n %% 10000, %(company)s, %(pricelist)s, %(uid)s,
           'done', 1.0, gen_random_uuid()::varchar, 'pos', 0, FALSE, FALSE, 0,
           FALSE, %(uid)s, %(uid)s, o.date_order, o.date_order
      FROM bench_orders o
      JOIN bench_amounts a ON a.n = o.n
      JOIN bench_sessions s ON s.week = LEAST(52, floor(extract(
           epoch FROM now() at time zone 'UTC' - o.date_order) / 604800)::int)
     WHERE NOT o.is_sale
    """,
    """
    INSERT INTO pos_order_line (order_id, product_id, name, full_product_name,
           qty, price_unit, price_subtotal, price_subtotal_incl, discount,
           company_id, price_type, is_total_cost_computed, uuid, create_uid,
           write_uid, create_date, write_date)
    SELECT l.order_id, l.product_id, l.name, l.name, l.qty, l.price,
           l.subtotal, l.subtotal, 0, %(company)s, 'original', FALSE,
           gen_random_uuid()::varchar, %(uid)s, %(uid)s, o.date_order,
           o.date_order
      FROM bench_lines l JOIN bench_orders o ON o.n = l.n
     WHERE NOT o.is_sale
     ORDER BY l.n, l.seq
    """,
    """
    INSERT INTO sale_order (id, name, partner_id, partner_invoice_id,
           partner_shipping_id, date_order, amount_untaxed, amount_tax,
           amount_total, retail_kpi_done, state, company_id, currency_id,
           pricelist_id, user_id, warehouse_id, picking_policy, invoice_status,
           locked, require_signature, require_payment, prepayment_percent,
           currency_rate, create_uid, write_uid, create_date, write_date)
    SELECT o.order_id, 'BCL' || lpad(o.order_id::text, 7, '0'), o.partner_id,
           o.partner_id, o.partner_id, o.date_order, a.amount, 0, a.amount,
           TRUE, 'sale', %(company)s, %(currency)s, %(pricelist)s, %(uid)s,
           %(warehouse)s, 'direct', 'no', FALSE, FALSE, FALSE, 1.0, 1.0,
           %(uid)s, %(uid)s, o.date_order, o.date_order
      FROM bench_orders o JOIN bench_amounts a ON a.n = o.n
     WHERE o.is_sale
    """,
    """
    INSERT INTO sale_order_line (order_id, sequence, product_id, name,
           product_uom_id, product_uom_qty, price_unit, technical_price_unit,
           discount, price_subtotal, price_total, price_tax,
           price_reduce_taxexcl, price_reduce_taxinc, qty_delivered,
           qty_invoiced, qty_to_invoice, customer_lead, state, invoice_status,
           qty_delivered_method, is_downpayment, is_expense, company_id,
           currency_id, order_partner_id, salesman_id, create_uid, write_uid,
           create_date, write_date)
    SELECT l.order_id, l.seq * 10, l.product_id, l.name, l.uom_id, l.qty,
           l.price, l.price, 0, l.subtotal, l.subtotal, 0, l.price, l.price, 0,
           0, 0, 0, 'sale', 'no', 'manual', FALSE, FALSE, %(company)s,
           %(currency)s, o.partner_id, %(uid)s, %(uid)s, %(uid)s, o.date_order,
           o.date_order
      FROM bench_lines l JOIN bench_orders o ON o.n = l.n
     WHERE o.is_sale
     ORDER BY l.n, l.seq
    """,
    """
    INSERT INTO retail_customer_stat (partner_id, kind, res_id, amount, order_count)
    SELECT o.partner_id, 'category', l.categ_id, sum(l.subtotal),
           count(DISTINCT o.n)
      FROM bench_lines l JOIN bench_orders o ON o.n = l.n
     WHERE o.partner_id IS NOT NULL
     GROUP BY o.partner_id, l.categ_id
    ON CONFLICT (partner_id, kind, res_id)
    DO UPDATE SET amount = EXCLUDED.amount, order_count = EXCLUDED.order_count
    """,
    """
    DROP TABLE bench_customers, bench_drawn, bench_orders, bench_catalogue,
               bench_lines, bench_amounts, bench_sessions
    """,
]


def cpu_text(cpu):
    own, backend = cpu
    if backend is None:
        return f"{own:,.1f} + ?"
    return f"{own:,.1f} + {backend:,.1f}"


def stats_row(label, times, queries=None, cpu=None, target=TARGET_MS):
    p95 = percentile(times, 95)
    return [
        label,
        len(times),
        median(times),
        p95,
        median(queries) if queries else "",
        cpu_text(cpu) if cpu else "",
        f"{target:.0f}",
        "met" if p95 <= target else "**not met**",
    ]


def render(args, info, done):
    out = [
        "# Clienteling benchmarks (retail_clienteling and its bridges)",
        "",
        f"Database `{args.db}` ({info['db_size']}, PostgreSQL {info['pg_version']}): "
        f"{info['customers']:,} customers, {info['products']:,} products sold at "
        f"the till ({info['optional']:,} native optional product links), "
        f"{info['pos_orders']:,} till orders ({info['pos_with_customer']:,} with a "
        f"customer) and {info['sale_orders']:,} sale orders, "
        f"{info['pos_lines'] + info['sale_lines']:,} order lines "
        f"({info['pos_lines']:,} till, {info['sale_lines']:,} sale).",
        benchlib.machine_line(),
        "Each call as a cashier of the store, one transaction, ORM cache emptied "
        "before it (as an RPC); times in ms; the load average (1 min) before and "
        "after each measure is in its row: the machine is shared, so compare with "
        "native in the same run.",
        "",
    ]
    if done.get("setup"):
        out += [f"Data generated in {done['setup']:.0f} s.", ""]
    if "search" in done:
        out += render_search(args, done["search"])
    if "rebuild" in done:
        out += render_rebuild(args, info, done["rebuild"])
    rows = []
    if "suggestions" in done:
        sug = done["suggestions"]
        rows.append(
            stats_row(
                f"suggestions (`retail_clienteling_suggestions`), load {sug['load']}",
                sug["times"],
                sug["queries"],
                sug["cpu"],
            )
        )
    if "panel" in done:
        panel = done["panel"]
        rows.append(
            stats_row(
                f"customer's panel, one call (`retail_clienteling_panel`), "
                f"load {panel['load']}",
                panel["times"],
                panel["queries"],
                panel["cpu"],
            )
        )
    if rows:
        out += [
            "## Suggestions and the customer's panel",
            "",
            "Real baskets (a till order's first products, 1 to 5 units), 70 % with "
            "the order's customer and 30 % anonymous for the suggestions; the "
            "panel for the customers of real baskets (history, favourite "
            "categories, consent, points and tier, suggestions). CPU per call: "
            "the CPU time this process and its PostgreSQL backend used over the "
            "series, divided by the calls (ms): what a call costs whatever the "
            "load, where the elapsed times also hold the wait for a CPU.",
            "",
            benchlib.markdown_table(
                [
                    "Call",
                    "N",
                    "Median",
                    "p95",
                    "Queries (median)",
                    "CPU per call, Odoo + PostgreSQL (mean)",
                    "Target p95",
                    "",
                ],
                rows,
            ),
            "",
        ]
        if "suggestions" in done:
            sug = done["suggestions"]
            out += [
                f"Suggestions per call (median): {median(sug['counts']):.0f}; by "
                "source: "
                + ", ".join(f"{k} {v:,}" for k, v in sorted(sug["sources"].items()))
                + ".",
            ]
        if "panel" in done:
            panel = done["panel"]
            out += [
                f"Panel: history lines (median) {median(panel['history']):.0f}, "
                f"suggestions (median) {median(panel['suggestions']):.0f}.",
            ]
        out.append("")
    return "\n".join(out)


def render_search(args, results):
    rows = []
    for result in results:
        times = result["times"]
        n_native = len(times["native"])
        rows.append(
            [
                result["label"],
                len(times["module"]),
                f"{result['hits']['module']}/{len(times['module'])}",
                median(times["module"]),
                percentile(times["module"], 95),
                median(result["queries"]),
                median(times["search"]),
                percentile(times["search"], 95),
                n_native,
                f"{result['hits']['native']}/{n_native}",
                median(times["native"]),
                percentile(times["native"], 95),
                result["load"],
            ]
        )
    return [
        "## The till's customer search, full call (target: p95 <= 30 ms)",
        "",
        "Module = `res.partner.retail_pos_search` as the till calls it (the search "
        "and the fields the till reads, up to 100 partners); search = "
        "`retail_find_customers` alone; native = point_of_sale's "
        "`get_new_partner` with the domain of partner_list.js (an OR of "
        f"`ilike 'q%'` over eleven fields), on the first {args.native_queries} "
        "queries of each kind, interleaved with the module's. Hits: the target "
        "customer is in the answer.",
        "",
        benchlib.markdown_table(
            [
                "Query",
                "N",
                "Hits",
                "Full call median",
                "Full call p95",
                "Queries",
                "Search median",
                "Search p95",
                "N native",
                "Hits native",
                "Native median",
                "Native p95",
                "Load",
            ],
            rows,
        ),
        "",
    ]


def render_rebuild(args, info, rebuild):
    seconds = rebuild["ms"] / 1000
    status = "met" if seconds <= TARGET_REBUILD_S else "**not met**"
    return [
        "## Products bought together rebuilt (target: <= 60 s)",
        "",
        benchlib.markdown_table(
            [
                "Order lines",
                "Pairs kept",
                "Best sellers kept",
                "Time (s)",
                "CPU, Odoo + PostgreSQL (s)",
                "",
                "Load",
            ],
            [
                [
                    info["pos_lines"] + info["sale_lines"],
                    rebuild["pairs"],
                    rebuild["popular"],
                    seconds,
                    cpu_text(
                        tuple(
                            v / 1000 if v is not None else None for v in rebuild["cpu"]
                        )
                    ),
                    status,
                    rebuild["load"],
                ]
            ],
        ),
        "",
        "Slowest statements (s):",
        "",
        *[f"- {ms / 1000:.1f} s: `{code}`" for ms, code in rebuild["statements"]],
        "",
    ]


def measure(bench, only):
    user = bench.cashier()
    if "search" in only:
        yield "search", bench.bench_search(user)
    if "rebuild" in only:
        yield "rebuild", bench.bench_rebuild()
    if "suggestions" in only:
        yield "suggestions", bench.bench_suggestions(user)
    if "panel" in only:
        yield "panel", bench.bench_panel(user)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--lines", type=int, default=2_000_000)
    parser.add_argument("--categories", type=int, default=30)
    parser.add_argument("--per-category", type=int, default=100)
    parser.add_argument("--queries", type=int, default=200, help="per kind of search")
    parser.add_argument(
        "--native-queries", type=int, default=30, help="native searches per kind"
    )
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--only",
        nargs="*",
        default=[],
        help="measures among: search rebuild suggestions panel (default: all)",
    )
    parser.add_argument("--output", default=benchlib.RESULTS_DIR)
    benchlib.add_common_arguments(parser)
    args = parser.parse_args()
    started = time.perf_counter()
    only = set(args.only) or {"search", "rebuild", "suggestions", "panel"}
    os.makedirs(args.output, exist_ok=True)
    path = os.path.join(args.output, "clienteling.md")
    done = {}
    with benchlib.odoo_env(args.db, args.conf, args.log_level) as env:
        bench = ClientelingBench(env, args)
        done["setup"] = bench.setup()
        info = bench.describe()
        for name, result in measure(bench, only):
            done[name] = result
            with open(path, "w") as handle:
                handle.write(render(args, info, done))
        env.cr.rollback()
    report = render(args, info, done)
    report += f"\nBenchmark run time: {time.perf_counter() - started:.0f} s.\n"
    with open(path, "w") as handle:
        handle.write(report)
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())

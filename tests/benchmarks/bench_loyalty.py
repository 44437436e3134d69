# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Loyalty benchmarks of retail_loyalty, on a database where it is installed.

Usage::

    .local/venv/bin/python tests/benchmarks/bench_loyalty.py --db <db> \\
        --customers 200000 --rows 1000000

The database needs retail_loyalty (and so pos_loyalty). Synthetic data is made
once and kept (marker parameter ``retail_bench.loyalty``): a retail ledger
loyalty program with an expiry and four tiers, ``--customers`` customers with
one card each (customers already in the database are reused: run it on a
database made by generate.py to measure on realistic customers), ``--rows``
ledger rows spread over 24 months (earnings, spendings, reversals) with the
matching points per order. Measured, in the same run:

1. Expiry job: ``loyalty.program._retail_expire_points`` over every card, by
   chunks of 5,000 as the cron does (rolled back), and how many cards expired.
2. Tier job: ``loyalty.program._retail_recompute_tiers`` (rolled back).
3. POS order sync: real ``pos.order.sync_from_ui`` of paid orders of random
   customers then ``confirm_coupon_programs`` with the till's payload, with the
   retail program, and with a native pos_loyalty program of the same rule on
   the same customers (interleaved, rolled back); median, p95 and the ratio.

The figures are printed as markdown and written to
tests/benchmarks/results/loyalty.md.
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
from benchlib import Timer, median, percentile  # noqa: E402

_logger = logging.getLogger("retail_bench.loyalty")

MARKER = "retail_bench.loyalty"
PROGRAM = "Bench Retail Points"
NATIVE_PROGRAM = "Bench Native Points"
STORE = "Bench Loyalty Store"
CHUNK = 5000


class LoyaltyBench:
    def __init__(self, env, args):
        self.env = env
        self.args = args
        self.rng = random.Random(args.seed)

    def query(self, sql):
        return self.env.execute_query(sql)

    # ------------------------------------------------------------------
    # Data
    # ------------------------------------------------------------------

    def setup(self):
        env = self.env
        marker = env["ir.config_parameter"].get_param(MARKER)
        wanted = f"customers={self.args.customers},rows={self.args.rows}"
        if marker == wanted:
            _logger.info("loyalty data already generated (%s)", wanted)
            return
        if marker:
            raise SystemExit(f"{env.cr.dbname} holds other bench data ({marker})")
        started = time.perf_counter()
        program, native = self.setup_programs()
        self.setup_store()
        partner_ids = self.setup_customers()
        card_ids = self.setup_cards(program, partner_ids)
        self.setup_ledger(program, card_ids)
        native.pos_ok = False
        env["ir.config_parameter"].set_param(MARKER, wanted)
        env.cr.commit()
        self.query(SQL("ANALYZE loyalty_history"))
        self.query(SQL("ANALYZE loyalty_card"))
        self.query(SQL("ANALYZE retail_loyalty_order_points"))
        _logger.info("data generated in %.0f s", time.perf_counter() - started)

    def setup_programs(self):
        Program = self.env["loyalty.program"]
        Program.search([("pos_ok", "=", True)]).pos_ok = False
        rule = {"reward_point_mode": "money", "reward_point_amount": 1}
        reward = {
            "reward_type": "discount",
            "discount_mode": "per_order",
            "discount": 10,
            "required_points": 100,
            "discount_applicability": "order",
        }
        common = {
            "program_type": "loyalty",
            "applies_on": "both",
            "trigger": "auto",
            "pos_ok": True,
            "rule_ids": [(0, 0, rule)],
            "reward_ids": [(0, 0, reward)],
        }
        program = Program.create(
            {
                **common,
                "name": PROGRAM,
                "retail_ledger": True,
                "retail_expiry_months": 12,
                "retail_tier_ids": [
                    (0, 0, {"name": "Bronze", "sequence": 1, "threshold": 0}),
                    (0, 0, {"name": "Silver", "sequence": 2, "threshold": 300}),
                    (
                        0,
                        0,
                        {
                            "name": "Gold",
                            "sequence": 3,
                            "threshold": 1000,
                            "multiplier": 1.5,
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "name": "VIP",
                            "sequence": 4,
                            "threshold": 3000,
                            "multiplier": 2,
                        },
                    ),
                ],
            }
        )
        native = Program.create({**common, "name": NATIVE_PROGRAM})
        return program, native

    def setup_store(self):
        PosConfig = self.env["pos.config"].with_company(self.env.company)
        if PosConfig.search([("name", "=", STORE)]):
            return
        journal, payment_method_ids = PosConfig._create_journal_and_payment_methods(
            cash_journal_vals={"name": "Caja Bench Loyalty", "code": "CJBL"}
        )
        PosConfig.create(
            {
                "name": STORE,
                "journal_id": journal.id,
                "payment_method_ids": [(6, 0, payment_method_ids)],
            }
        )
        self.env["product.product"].create(
            [
                {
                    "name": f"Bench Loyalty Product {i}",
                    "list_price": 5 + 7 * i,
                    "available_in_pos": True,
                    "taxes_id": [(5, 0, 0)],
                }
                for i in range(10)
            ]
        )

    def setup_customers(self):
        Partner = self.env["res.partner"].with_context(
            tracking_disable=True, mail_create_nolog=True
        )
        ids = Partner.search(
            [("is_company", "=", False), ("type", "=", "contact")],
            limit=self.args.customers,
            order="id",
        ).ids
        missing = self.args.customers - len(ids)
        for start in range(0, missing, CHUNK):
            size = min(CHUNK, missing - start)
            ids += Partner.create(
                [{"name": f"Bench Loyalty Customer {start + i}"} for i in range(size)]
            ).ids
            self.env.cr.commit()
            self.env.invalidate_all()
            _logger.info("customers: %s / %s", start + size, missing)
        return ids

    def setup_cards(self, program, partner_ids):
        Card = self.env["loyalty.card"].with_context(
            tracking_disable=True, action_no_send_mail=True
        )
        card_ids = []
        for start in range(0, len(partner_ids), CHUNK):
            card_ids += Card.create(
                [
                    {"program_id": program.id, "partner_id": pid, "points": 0}
                    for pid in partner_ids[start : start + CHUNK]
                ]
            ).ids
            self.env.cr.commit()
            self.env.invalidate_all()
        return card_ids

    def setup_ledger(self, program, card_ids):
        """Ledger rows as the engine writes them, set-based: per card, earnings
        over 24 months (with their points per order), then a spending of a part
        of what was earned, then one reversal in ten cards; balances updated
        to the sum of the rows."""
        per_card = max(1, self.args.rows // len(card_ids))
        earn = max(1, per_card - 1)
        self.env.flush_all()
        self.query(
            SQL(
                """
                WITH earns AS (
                    SELECT c.id AS card_id, c.partner_id, g.n,
                           round((5 + random() * 120)::numeric, 2)::float8 AS amount,
                           now() - (random() * interval '730 days') AS at
                      FROM loyalty_card c, generate_series(1, %(earn)s) g(n)
                     WHERE c.program_id = %(program)s
                ), points AS (
                    INSERT INTO retail_loyalty_order_points (
                        active, program_id, card_id, partner_id, company_id,
                        order_model, order_id, order_ref, date, amount_basis,
                        amount_returned, multiplier, points_earned, points_spent,
                        points_earned_reversed, points_spent_returned, state,
                        points_pending, create_date, write_date, create_uid,
                        write_uid)
                    SELECT TRUE, %(program)s, card_id, partner_id, %(company)s,
                           'pos.order', card_id * 100 + n, 'Bench order', at,
                           amount, 0, 1, amount, 0, 0, 0, 'posted', 0, at, at, 1, 1
                      FROM earns
                    RETURNING id, card_id, points_earned, date
                )
                INSERT INTO loyalty_history (
                    card_id, description, issued, used, order_model,
                    order_id, retail_kind, retail_balance_after,
                    retail_idempotency_key, create_date, write_date, create_uid,
                    write_uid)
                SELECT card_id, 'Points earned: Bench order',
                       points_earned, 0, 'pos.order', id, 'earn', 0,
                       'retail_loyalty/' || id || '/earn', date, date, 1, 1
                  FROM points
                """,
                earn=earn,
                program=program.id,
                company=self.env.company.id,
            )
        )
        self.env.cr.commit()
        _logger.info("earnings inserted")
        self.query(
            SQL(
                """
                INSERT INTO loyalty_history (
                    card_id, description, issued, used, retail_kind,
                    retail_balance_after, create_date, write_date, create_uid,
                    write_uid)
                SELECT h.card_id, 'Points spent: Bench order', 0,
                       round((SUM(h.issued) * random() * 0.6)::numeric, 2)::float8,
                       'spend', 0, now() - interval '30 days',
                       now() - interval '30 days', 1, 1
                  FROM loyalty_history h
                  JOIN loyalty_card c ON c.id = h.card_id
                 WHERE c.program_id = %(program)s
                 GROUP BY h.card_id
                """,
                program=program.id,
            )
        )
        self.query(
            SQL(
                """
                INSERT INTO loyalty_history (
                    card_id, description, issued, used, retail_kind,
                    retail_reason, retail_balance_after, create_date, write_date,
                    create_uid, write_uid)
                SELECT id, 'Reversal: bench return', 0, 1, 'reverse',
                       'Return', 0, now() - interval '10 days',
                       now() - interval '10 days', 1, 1
                  FROM loyalty_card
                 WHERE program_id = %(program)s AND id %% 10 = 0
                """,
                program=program.id,
            )
        )
        self.query(
            SQL(
                """
                UPDATE loyalty_card c
                   SET points = s.balance
                  FROM (SELECT h.card_id, SUM(h.issued) - SUM(h.used) AS balance
                          FROM loyalty_history h
                          JOIN loyalty_card hc ON hc.id = h.card_id
                         WHERE hc.program_id = %(program)s
                         GROUP BY h.card_id) s
                 WHERE c.id = s.card_id
                """,
                program=program.id,
            )
        )
        self.env.cr.commit()
        self.env.invalidate_all()

    # ------------------------------------------------------------------
    # Measures
    # ------------------------------------------------------------------

    def describe(self):
        program = self.program()
        [[cards]] = self.query(
            SQL("SELECT count(*) FROM loyalty_card WHERE program_id = %s", program.id)
        )
        [[rows]] = self.query(
            SQL(
                "SELECT count(*) FROM loyalty_history h JOIN loyalty_card c "
                "ON c.id = h.card_id WHERE c.program_id = %s",
                program.id,
            )
        )
        return {"cards": cards, "rows": rows}

    def program(self):
        return self.env["loyalty.program"].search([("name", "=", PROGRAM)], limit=1)

    def bench_expiry(self):
        program = self.program()
        card_ids = (
            self.env["loyalty.card"].search([("program_id", "=", program.id)]).ids
        )
        expired = 0
        try:
            with Timer() as timer:
                for start in range(0, len(card_ids), CHUNK):
                    expired += len(
                        program._retail_expire_points(
                            card_ids=card_ids[start : start + CHUNK]
                        )
                    )
                self.env.flush_all()
        finally:
            self.env.cr.rollback()
            self.env.invalidate_all()
        return {"ms": timer.ms, "cards": len(card_ids), "expired": expired}

    def bench_tiers(self):
        program = self.program()
        try:
            with Timer() as timer:
                changed = program._retail_recompute_tiers()
        finally:
            self.env.cr.rollback()
            self.env.invalidate_all()
        return {"ms": timer.ms, "changed": changed}

    def open_session(self):
        config = self.env["pos.config"].search([("name", "=", STORE)], limit=1)
        session = config.current_session_id
        if not session:
            session = self.env["pos.session"].create(
                {"user_id": self.env.uid, "config_id": config.id}
            )
        if session.state == "opening_control":
            session.set_opening_control(0, "")
        return config, session

    def order_data(self, config, session, partner_id, index):
        products = self.env["product.product"].search(
            [("name", "like", "Bench Loyalty Product")]
        )
        cash = config.payment_method_ids.filtered(
            lambda pm: pm.is_cash_count and not pm.split_transactions
        )[:1]
        product_qtys = [
            (product, self.rng.randint(1, 3))
            for product in self.rng.sample(list(products), 3)
        ]
        return benchlib.pos_order_data(
            config,
            session,
            partner_id,
            product_qtys,
            f"loyalty-{self.args.seed}-{index}",
            cash,
        )

    def bench_pos_sync(self):
        """Each order: sync_from_ui then confirm_coupon_programs, with the retail
        program (retail) or the native one (native), alternately."""
        Program = self.env["loyalty.program"]
        retail = self.program()
        native = Program.search([("name", "=", NATIVE_PROGRAM)], limit=1)
        config, session = self.open_session()
        n = self.args.orders
        cards = self.env["loyalty.card"].search(
            [("program_id", "=", retail.id)], limit=20 * n
        )
        chosen = self.rng.sample(list(cards), 2 * n + 2)
        native_cards = {
            card.partner_id.id: card
            for card in self.env["loyalty.card"].create(
                [
                    {"program_id": native.id, "partner_id": card.partner_id.id}
                    for card in chosen
                ]
            )
        }
        times = {"retail": [], "native": []}
        try:
            for index, card in enumerate(chosen):
                variant = "retail" if index % 2 == 0 else "native"
                retail.pos_ok = variant == "retail"
                native.pos_ok = variant == "native"
                used = card if variant == "retail" else native_cards[card.partner_id.id]
                data, total = self.order_data(
                    config, session, card.partner_id.id, index
                )
                self.env.flush_all()
                self.env.invalidate_all()
                with Timer() as timer:
                    result = self.env["pos.order"].sync_from_ui([data])
                    order = self.env["pos.order"].browse(result["pos.order"][0]["id"])
                    order.confirm_coupon_programs(
                        {
                            str(used.id): {
                                "points": total,
                                "program_id": used.program_id.id,
                                "coupon_id": used.id,
                                "partner_id": card.partner_id.id,
                            }
                        }
                    )
                    self.env.flush_all()
                if index >= 2:
                    times[variant].append(timer.ms)
        finally:
            self.env.cr.rollback()
            self.env.invalidate_all()
        return times


def render(args, info, expiry, tiers, sync):
    retail_median = median(sync["retail"])
    native_median = median(sync["native"])
    out = [
        "# Loyalty benchmarks (retail_loyalty)",
        "",
        f"Database `{args.db}`: {info['cards']:,} cards of the retail program, "
        f"{info['rows']:,} ledger rows.",
        benchlib.machine_line(),
        "",
        benchlib.markdown_table(
            ["Job", "Cards", "Result", "Time (s)"],
            [
                [
                    "Expiry (chunks of 5,000)",
                    expiry["cards"],
                    f"{expiry['expired']:,} cards expired",
                    expiry["ms"] / 1000.0,
                ],
                [
                    "Tier recomputation",
                    info["cards"],
                    f"{tiers['changed']:,} cards changed tier",
                    tiers["ms"] / 1000.0,
                ],
            ],
        ),
        "",
        "POS order synced paid then confirmed (sync_from_ui + "
        "confirm_coupon_programs, 3 lines), per order:",
        "",
        benchlib.markdown_table(
            ["Program", "Orders", "Median ms", "p95 ms"],
            [
                [
                    "native pos_loyalty",
                    len(sync["native"]),
                    native_median,
                    percentile(sync["native"], 95),
                ],
                [
                    "retail_loyalty (ledger)",
                    len(sync["retail"]),
                    retail_median,
                    percentile(sync["retail"], 95),
                ],
            ],
        ),
        "",
        f"Ratio retail / native (medians): {retail_median / native_median:.2f} "
        "(aim: at most 1.2).",
        "",
    ]
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--customers", type=int, default=200000)
    parser.add_argument("--rows", type=int, default=1000000)
    parser.add_argument("--orders", type=int, default=30, help="orders per variant")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--output", default=benchlib.RESULTS_DIR)
    benchlib.add_common_arguments(parser)
    args = parser.parse_args()
    started = time.perf_counter()
    with benchlib.odoo_env(args.db, args.conf, args.log_level) as env:
        bench = LoyaltyBench(env, args)
        bench.setup()
        info = bench.describe()
        expiry = bench.bench_expiry()
        _logger.info("expiry measured")
        tiers = bench.bench_tiers()
        _logger.info("tiers measured")
        sync = bench.bench_pos_sync()
        _logger.info("POS sync measured")
        env.cr.rollback()
    report = render(args, info, expiry, tiers, sync)
    report += f"\nBenchmark run time: {time.perf_counter() - started:.0f} s.\n"
    os.makedirs(args.output, exist_ok=True)
    with open(os.path.join(args.output, "loyalty.md"), "w") as handle:
        handle.write(report)
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())

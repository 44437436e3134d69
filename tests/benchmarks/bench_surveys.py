# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Store questionnaire benchmarks of retail_surveys.

Usage::

    createdb -h .local/pg/run -p 54329 -T retail_tmpl_<hash> bench_surveys
    .local/venv/bin/python tests/benchmarks/bench_surveys.py --db bench_surveys \\
        --orders 1000 --lines 1000000

``--db`` is any database where retail_surveys is installed (a copy of the test
template will do: ``make test`` leaves it as ``retail_tmpl_<hash>``). Measured in
one run, everything rolled back at the end:

1. POS order sync: ``--orders`` paid orders synced with the questionnaire's
   answers (10 questions, each answered) and ``--orders`` identical orders
   without, interleaved one by one through the real ``pos.order.sync_from_ui``
   in an open session; total, median and p95 per order, and the ratio (target:
   at most 1.15).
2. Analysis: ``--lines`` answer lines (10 per answer, 5 stores, one year)
   inserted set-based (``INSERT ... SELECT generate_series``, one statement per
   question), then the queries of the analysis screens: the pivot by question
   and answer with the stores in columns (the default view), answers per store
   and month, one store over one quarter, and the response rate per store and
   cashier; ``formatted_read_group`` as the web client calls it, median of
   ``--repeat`` runs (target: 2 s).

The figures are printed as markdown and written to
tests/benchmarks/results/surveys.md.
"""

import argparse
import datetime
import logging
import os
import random
import sys
import time
from unittest import mock

from odoo.fields import Command
from odoo.tools import SQL

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402
from benchlib import Timer, median, percentile  # noqa: E402

_logger = logging.getLogger("retail_bench.surveys")
STORE = "Bench Surveys Store"


class SurveysBench:
    def __init__(self, env, args):
        self.env = env
        self.args = args
        self.rng = random.Random(args.seed)
        self.products = env["product.product"]

    def setup_store(self):
        PosConfig = self.env["pos.config"].with_company(self.env.company)
        config = PosConfig.search([("name", "=", STORE)], limit=1)
        if not config:
            journal, method_ids = PosConfig._create_journal_and_payment_methods(
                cash_journal_vals={"name": "Caja Bench Surveys", "code": "CJBS"}
            )
            config = PosConfig.create(
                {
                    "name": STORE,
                    "journal_id": journal.id,
                    "payment_method_ids": [Command.set(method_ids)],
                }
            )
        self.products = self.env["product.product"].create(
            [
                {
                    "name": f"Bench Surveys Product {i}",
                    "list_price": 5 + 7 * i,
                    "available_in_pos": True,
                    "taxes_id": [Command.clear()],
                }
                for i in range(10)
            ]
        )
        survey = self.env["survey.survey"].create(
            {
                "title": "Bench checkout",
                "retail_is_store": True,
                "question_and_page_ids": [
                    Command.create(
                        {
                            "title": f"Bench question {q}",
                            "question_type": "simple_choice",
                            "suggested_answer_ids": [
                                Command.create({"value": f"Q{q} answer {a}"})
                                for a in range(1, 6)
                            ],
                        }
                    )
                    for q in range(1, 11)
                ],
            }
        )
        rule = self.env["retail.survey.rule"].create(
            {"survey_id": survey.id, "config_ids": [Command.set(config.ids)]}
        )
        session = config.current_session_id or self.env["pos.session"].create(
            {"user_id": self.env.uid, "config_id": config.id}
        )
        if session.state == "opening_control":
            session.set_opening_control(0, "")
        return config, session, survey, rule

    def order_data(self, config, session, index):
        cash = config.payment_method_ids.filtered(
            lambda pm: pm.is_cash_count and not pm.split_transactions
        )[:1]
        lines = []
        for product in self.rng.sample(list(self.products), 3):
            qty = self.rng.randint(1, 3)
            lines.append(
                Command.create(
                    {
                        "product_id": product.id,
                        "qty": qty,
                        "price_unit": product.list_price,
                        "price_subtotal": product.list_price * qty,
                        "price_subtotal_incl": product.list_price * qty,
                        "tax_ids": [Command.set([])],
                        "pack_lot_ids": [],
                    }
                )
            )
        total = round(sum(line[2]["price_subtotal_incl"] for line in lines), 2)
        now = datetime.datetime.now().strftime("%Y-%m-%d %H:%M:%S")
        return {
            "amount_paid": total,
            "amount_return": 0,
            "amount_tax": 0,
            "amount_total": total,
            "date_order": now,
            "fiscal_position_id": False,
            "pricelist_id": config.pricelist_id.id,
            "name": f"Order bench-surveys-{index}",
            "last_order_preparation_change": "{}",
            "lines": lines,
            "partner_id": False,
            "session_id": session.id,
            "payment_ids": [
                Command.create(
                    {"amount": total, "payment_method_id": cash.id, "name": now}
                )
            ],
            "uuid": f"bench-surveys-{self.args.seed}-{index}",
            "user_id": self.env.uid,
            "to_invoice": False,
            "state": "paid",
        }

    def payload(self, survey, rule):
        return {
            "survey_id": survey.id,
            "rule_id": rule.id,
            "status": "answered",
            "duration": round(self.rng.uniform(4, 12), 1),
            "answers": [
                {
                    "question_id": question.id,
                    "answer_ids": [self.rng.choice(question.suggested_answer_ids.ids)],
                }
                for question in survey.question_ids
            ],
        }

    def bench_sync(self, config, session, survey, rule):
        times = {"with": [], "without": []}
        for index in range(2 * self.args.orders + 4):
            variant = "with" if index % 2 == 0 else "without"
            data = self.order_data(config, session, index)
            if variant == "with":
                data["retail_survey_payload"] = self.payload(survey, rule)
            self.env.flush_all()
            self.env.invalidate_all()
            with Timer() as timer:
                self.env["pos.order"].sync_from_ui([data])
                self.env.flush_all()
            if index >= 4:  # warm-up
                times[variant].append(timer.ms)
            if index % 100 == 99:
                _logger.info("%s orders synced", index + 1)
        answers = self.env["survey.user_input"].search_count(
            [("retail_rule_id", "=", rule.id)]
        )
        return times, answers

    def analysis_dimensions(self):
        """5 stores, 5 segments, 500 customers and the channels to spread the
        generated answers over (made when the database has fewer)."""
        configs = self.env["pos.config"].search([], limit=5)
        for index in range(len(configs), 5):
            configs |= configs[:1].copy({"name": f"{STORE} {index + 1}"})
        segments = self.env["retail.segment"].search([], limit=5)
        if len(segments) < 5:
            segments |= segments.create(
                [
                    {"name": f"Bench segment {index}", "kind": "manual"}
                    for index in range(len(segments), 5)
                ]
            )
        partners = self.env["res.partner"].create(
            [{"name": f"Bench respondent {index}"} for index in range(500)]
        )
        channels = self.env["retail.channel"].search([], limit=3)
        return configs, segments, partners, channels

    def generate_lines(self, survey):
        """--lines answer lines: --lines / 10 answers in 5 stores over a year
        (one in 10 skipped, six in 10 by an identified customer of one of the
        segments), one chosen answer per question, in one INSERT ... SELECT per
        table and question."""
        configs, segments, partners, channels = self.analysis_dimensions()
        questions = survey.question_ids
        started = time.perf_counter()
        self.env.flush_all()
        inputs = self.env.execute_query(
            SQL(
                """
                INSERT INTO survey_user_input (
                    survey_id, access_token, state, create_date, write_date,
                    create_uid, write_uid, retail_config_id, retail_company_id,
                    retail_cashier_id, retail_status, retail_date,
                    retail_duration, retail_amount, retail_units, partner_id,
                    retail_segment_id, retail_channel_id)
                SELECT %(survey)s, md5(g::text || 'bench'), 'done', now(), now(),
                       %(uid)s, %(uid)s,
                       (%(configs)s::int[])[1 + g %% %(nconfigs)s],
                       %(company)s, %(uid)s,
                       CASE WHEN g %% 10 = 0 THEN 'skipped' ELSE 'answered' END,
                       now() - (g %% 365) * interval '1 day'
                           - (g %% 600) * interval '1 minute',
                       4 + (g %% 9), 5 + (g %% 175), 1 + (g %% 9),
                       CASE WHEN g %% 10 < 6
                            THEN (%(partners)s::int[])[1 + g %% %(npartners)s] END,
                       CASE WHEN g %% 10 < 6
                            THEN (%(segments)s::int[])[1 + g %% %(nsegments)s] END,
                       (%(channels)s::int[])[1 + g %% %(nchannels)s]
                  FROM generate_series(1, %(n)s) g
                RETURNING id
                """,
                survey=survey.id,
                uid=self.env.uid,
                configs=configs.ids,
                nconfigs=len(configs),
                company=self.env.company.id,
                partners=partners.ids or [None],
                npartners=max(len(partners), 1),
                segments=segments.ids or [None],
                nsegments=max(len(segments), 1),
                channels=channels.ids or [None],
                nchannels=max(len(channels), 1),
                n=self.args.lines * 10 // 9 // len(questions),
            )
        )
        first, last = min(r[0] for r in inputs), max(r[0] for r in inputs)
        for question in questions:
            self.env.execute_query(
                SQL(
                    """
                    INSERT INTO survey_user_input_line (
                        user_input_id, survey_id, question_id, question_sequence,
                        answer_type, suggested_answer_id, skipped, answer_score,
                        answer_is_correct, create_date, write_date, create_uid,
                        write_uid)
                    SELECT ui.id, ui.survey_id, %(question)s, %(sequence)s,
                           'suggestion',
                           (%(answers)s::int[])[1 + (ui.id * 7 + %(question)s) %% 5],
                           FALSE, 0, FALSE, now(), now(), %(uid)s, %(uid)s
                      FROM survey_user_input ui
                     WHERE ui.id BETWEEN %(first)s AND %(last)s
                       AND ui.retail_status = 'answered'
                    """,
                    question=question.id,
                    sequence=question.sequence,
                    answers=question.suggested_answer_ids.ids,
                    uid=self.env.uid,
                    first=first,
                    last=last,
                )
            )
        self.env.execute_query(SQL("ANALYZE survey_user_input"))
        self.env.execute_query(SQL("ANALYZE survey_user_input_line"))
        generated = time.perf_counter() - started
        started = time.perf_counter()
        self.env["retail.survey.answer.stat"]._retail_refresh()
        refreshed = time.perf_counter() - started
        self.env.execute_query(SQL("ANALYZE retail_survey_answer_stat"))
        count = self.env["retail.survey.answer.report"].search_count(
            [("survey_id", "=", survey.id)]
        )
        rows = self.env["retail.survey.answer.stat"].search_count(
            [("survey_id", "=", survey.id)]
        )
        return count, len(inputs), generated, refreshed, rows

    def analysis_queries(self, survey):
        """(label, callable) of the analysis screens' typical calls, made as
        the web client makes them."""
        Report = self.env["retail.survey.answer.stat"]
        Response = self.env["retail.survey.response.report"]
        store = self.env["pos.config"].search([], limit=1)
        since = datetime.date.today() - datetime.timedelta(days=91)
        quarter = [
            ("survey_id", "=", survey.id),
            ("config_id", "=", store.id),
            ("date", ">=", since),
        ]
        everything = [("survey_id", "=", survey.id)]
        # the default pivot: question > answer in rows, stores in columns
        pivot_sets = [
            [],
            ["question_id"],
            ["question_id", "answer_id"],
            ["config_id"],
            ["question_id", "config_id"],
            ["question_id", "answer_id", "config_id"],
        ]
        return [
            (
                "Pivot (default): question > answer × store; answers, share, "
                "average basket",
                lambda: Report.formatted_read_grouping_sets(
                    everything,
                    pivot_sets,
                    ["answer_count:sum", "answer_share:sum", "order_amount:avg"],
                ),
            ),
            (
                "Graph: answers and share per store and month",
                lambda: Report.formatted_read_group(
                    everything,
                    ["config_id", "date:month"],
                    ["answer_count:sum", "answer_share:sum"],
                ),
            ),
            (
                "Per segment: segment × question × answer with share",
                lambda: Report.formatted_read_group(
                    everything,
                    ["segment_id", "question_id", "answer_id"],
                    ["answer_count:sum", "answer_share:sum"],
                ),
            ),
            (
                "Crossed with sales: average basket and units per answer and channel",
                lambda: Report.formatted_read_group(
                    everything,
                    ["answer_id", "channel_id"],
                    ["answer_count:sum", "order_amount:avg", "order_units:avg"],
                ),
            ),
            (
                "One store, last quarter: question × answer with share",
                lambda: Report.formatted_read_group(
                    quarter,
                    ["question_id", "answer_id"],
                    ["answer_count:sum", "answer_share:sum", "order_amount:avg"],
                ),
            ),
            (
                "Response rate per store and cashier",
                lambda: Response.formatted_read_group(
                    everything,
                    ["config_id", "cashier_id"],
                    [
                        "asked_count:sum",
                        "answered_count:sum",
                        "skipped_count:sum",
                        "response_rate:avg",
                    ],
                ),
            ),
        ]

    def bench_analysis(self, survey):
        results, plans = [], []
        for label, run in self.analysis_queries(survey):
            timings = []
            for _index in range(self.args.repeat):
                self.env.invalidate_all()
                with Timer() as timer:
                    groups = run()
                timings.append(timer.ms)
            count = (
                len(groups[-1])
                if groups and isinstance(groups[0], list)
                else len(groups)
            )
            results.append((label, count, median(timings), max(timings)))
            plans.append((label, self.explain(run)))
        return results, plans

    def explain(self, run):
        """EXPLAIN ANALYZE of the SELECTs the call runs on the report views."""
        statements = []
        cursor_class = type(self.env.cr)
        execute = cursor_class.execute

        def record(cr, query, params=None, log_exceptions=True):
            code = query.code if isinstance(query, SQL) else str(query)
            if "retail_survey_" in code and code.lstrip().upper().startswith("SELECT"):
                statements.append((query, params))
            return execute(cr, query, params, log_exceptions)

        self.env.invalidate_all()
        with mock.patch.object(cursor_class, "execute", record):
            run()
        plans = []
        for query, params in statements:
            sql = query if isinstance(query, SQL) else SQL(query, *(params or ()))
            rows = self.env.execute_query(SQL("EXPLAIN (ANALYZE, BUFFERS) %s", sql))
            plans.append("\n".join(row[0] for row in rows))
        return plans


def render_sync(args, sync, answers):
    with_ms, without_ms = sync["with"], sync["without"]
    ratio = sum(with_ms) / sum(without_ms)
    return [
        "## POS order sync with and without the questionnaire's answers",
        "",
        f"{args.orders:,} paid orders of 3 lines each way, synced one by one through "
        "`pos.order.sync_from_ui`, interleaved; an order with answers carries a "
        "10-question payload turned into a survey answer with 10 lines "
        f"({answers:,} answers recorded).",
        "",
        benchlib.markdown_table(
            ["", "total (s)", "median (ms)", "p95 (ms)"],
            [
                (
                    "without answers",
                    sum(without_ms) / 1000,
                    median(without_ms),
                    percentile(without_ms, 95),
                ),
                (
                    "with answers",
                    sum(with_ms) / 1000,
                    median(with_ms),
                    percentile(with_ms, 95),
                ),
            ],
        ),
        "",
        f"Ratio with / without (totals): **{ratio:.3f}** (target ≤ 1.15).",
        "",
    ]


def render_analysis(args, generated, analysis):
    return [
        "## Analysis over answer lines",
        "",
        f"{generated[0]:,} answer lines of {generated[1]:,} questionnaires asked "
        "(10 % skipped; 5 stores, 5 segments and anonymous, one year), generated "
        f"set-based in {generated[2]:.0f} s. The pivot and graph read their daily "
        "counts, the materialised view `retail.survey.answer.stat` "
        f"({generated[4]:,} rows; `REFRESH MATERIALIZED VIEW CONCURRENTLY` took "
        f"{generated[3]:.1f} s, hourly cron); the calls the pivot "
        "(`formatted_read_grouping_sets`) and the graph (`formatted_read_group`) "
        f"make, median of {args.repeat} runs (groups: of the last grouping set for "
        "the pivot); the response rate reads `retail.survey.response.report`, a "
        "plain view over the questionnaires asked:",
        "",
        benchlib.markdown_table(
            ["query", "groups", "median (ms)", "max (ms)"], analysis
        ),
        "",
        "Target: 2,000 ms. Query plans (EXPLAIN ANALYZE) in `surveys_plans.txt`.",
        "",
    ]


def render_plans(plans):
    text = []
    for label, statements in plans:
        text += [f"== {label}", ""]
        for plan in statements:
            text += [plan, ""]
    return "\n".join(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", required=True)
    parser.add_argument(
        "--orders", type=int, default=1000, help="orders per variant (0: no sync)"
    )
    parser.add_argument(
        "--lines", type=int, default=1000000, help="0: sync measure only"
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--output", default=benchlib.RESULTS_DIR)
    benchlib.add_common_arguments(parser)
    args = parser.parse_args()
    started = time.perf_counter()
    lines = [
        "# retail_surveys benchmark",
        "",
        benchlib.machine_line() + f" Database `{args.db}`.",
        "",
    ]
    plans = []
    with benchlib.odoo_env(args.db, args.conf, args.log_level) as env:
        bench = SurveysBench(env, args)
        try:
            config, session, survey, rule = bench.setup_store()
            if args.orders:
                sync, answers = bench.bench_sync(config, session, survey, rule)
                lines += render_sync(args, sync, answers)
                _logger.info("sync measured")
            if args.lines:
                generated = bench.generate_lines(survey)
                _logger.info("%s answer lines generated", generated[0])
                analysis, plans = bench.bench_analysis(survey)
                lines += render_analysis(args, generated, analysis)
        finally:
            env.cr.rollback()
    report = "\n".join(lines)
    report += f"\nBenchmark run time: {time.perf_counter() - started:.0f} s.\n"
    os.makedirs(args.output, exist_ok=True)
    with open(os.path.join(args.output, "surveys.md"), "w") as handle:
        handle.write(report)
    if plans:
        with open(os.path.join(args.output, "surveys_plans.txt"), "w") as handle:
            handle.write(render_plans(plans))
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())

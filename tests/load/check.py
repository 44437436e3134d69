# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Checks and figures of a load run (an Odoo script, run by tests/load/run.sh).

Usage::

    .local/venv/bin/python tests/load/check.py --conf .local/load-odoo.conf \\
        --run .local/load-run --results tests/load/results.md

Reads what the driver sent and was answered (``phase-*.json`` of ``--run``) and
checks it against the databases ``load_retail`` and ``load_native``:

1. every order the tills sent was synced exactly once (one ``pos.order`` per
   uuid), none lost or refused, and no order landed that no till sent;
2. every answer to an order sent again (after its answer, or after a cut
   connection) names the same order as the first answer, which is the order
   stored under that uuid;
3. (retail) every card's balance equals the sum of its ledger rows
   (``loyalty.card._retail_check_balance_invariant`` of retail_card);
4. no points created or lost: each customer's card holds the starting points
   plus what the driver's orders earned, less what they spent, with refunds
   taking back what the refunded order earned and giving back what it spent
   (retail; the native till sends the points itself and refunds move none);
5. no gift card money created or lost: each card holds its starting balance
   plus the loads, less the payments, plus the refunds onto it that the driver
   sent; the cash of each till equals the cash the driver paid;
6. (retail) after the sessions are closed, each company's gift card liability
   account equals the outstanding balance of its cards
   (``loyalty.card._retail_giftcard_outstanding`` of retail_giftcard).

7. at every level, the retail modules' orders per minute are at least native
   pos_loyalty's divided by ``--max-ratio`` (1.2) and their p95 sync time at
   most native's times it (both measured in the same run, on the same machine).

Then the figures (orders per minute, p50/p95 sync time per level, retail
against native, errors seen by the tills, time to recover after each fault) and
the checks are written to ``--results`` (markdown). Exit code 1 when a check
fails.
"""

import argparse
import glob
import json
import logging
import os
import sys
from collections import Counter, defaultdict

sys.path.insert(
    0,
    os.path.join(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "benchmarks"
    ),
)
import benchlib  # noqa: E402
from benchlib import markdown_table, median, percentile  # noqa: E402

from odoo import fields  # noqa: E402
from odoo.tools import SQL  # noqa: E402

_logger = logging.getLogger("retail_load.check")
START_POINTS = 1000
TOLERANCE = 0.005
SAME = ("id", "name", "amount_total", "state")


def load_phases(folder):
    phases = {}
    for path in sorted(glob.glob(os.path.join(folder, "phase-*.json"))):
        name = os.path.basename(path)[len("phase-") : -len(".json")]
        with open(path) as handle:
            phases[name] = json.load(handle)
    return phases


def synced(records):
    return [r for r in records if not r.get("lost_or_refused")]


class Checks:
    def __init__(self):
        self.rows = []  # (variant, check, ok, detail)

    def add(self, variant, name, problems, count):
        ok = not problems
        detail = (
            f"{count:,} checked"
            if ok
            else f"{len(problems):,} of {count:,} wrong, e.g. {problems[:3]}"
        )
        self.rows.append((variant, name, ok, detail))
        _logger.info("%s %s: %s", variant, name, "ok" if ok else detail)

    @property
    def failed(self):
        return [row for row in self.rows if not row[2]]


def check_orders(env, variant, records, checks):
    """Exactly once, nothing lost, nothing unexpected; answers all the same."""
    lost = [
        (
            r["uuid"],
            r["kind"],
            "confirm" if r.get("confirm_failed") else "sync",
            (
                [a.get("message", "")[:160] for a in r["attempts"] if a.get("error")]
                or [""]
            )[-1],
        )
        for r in records
        if r.get("lost_or_refused") or r.get("confirm_failed")
    ]
    checks.add(variant, "no order lost or refused", lost, len(records))
    uuids = [r["uuid"] for r in records]
    rows = env.execute_query(
        SQL(
            "SELECT uuid, count(*), min(id) FROM pos_order WHERE uuid = ANY(%s) "
            "GROUP BY uuid",
            uuids,
        )
    )
    in_db = {uuid: (count, order_id) for uuid, count, order_id in rows}
    not_once = [
        (r["uuid"], in_db.get(r["uuid"], (0,))[0])
        for r in synced(records)
        if in_db.get(r["uuid"], (0,))[0] != 1
    ]
    checks.add(variant, "every order synced exactly once", not_once, len(records))
    tills = sorted({r["till"] for r in records})
    [[others]] = env.execute_query(
        SQL(
            "SELECT count(*) FROM pos_order o JOIN pos_session s "
            "ON s.id = o.session_id WHERE s.config_id = ANY(%s) "
            "AND NOT (o.uuid = ANY(%s))",
            tills,
            uuids,
        )
    )
    checks.add(
        variant,
        "no order that no till sent",
        [f"{others} orders"] if others else [],
        len(tills),
    )
    wrong = []
    resent = 0
    for rec in synced(records):
        answers = rec["answers"]
        first = answers[0] or {}
        stored = in_db.get(rec["uuid"], (0, None))[1]
        if first.get("id") != stored:
            wrong.append((rec["uuid"], "first answer", first.get("id"), stored))
        failed_before = any(
            a.get("error") and a["method"] == "sync_from_ui" and not a.get("resend")
            for a in rec["attempts"]
        )
        if len(answers) > 1 or failed_before:
            resent += 1
        for answer in answers[1:]:
            if answer is None or any(answer.get(k) != first.get(k) for k in SAME):
                wrong.append((rec["uuid"], "answer again", answer, first))
    checks.add(variant, "every retry answered with the original result", wrong, resent)
    return in_db


def check_points(env, variant, records, fixture, checks):
    expected = {}
    for company in fixture["companies"].values():
        for customer in company["customers"]:
            expected[customer["card_id"]] = float(START_POINTS)
    by_uuid = {r["uuid"]: r for r in records}
    for rec in synced(records):
        card = rec.get("card_id")
        if card not in expected:
            continue
        if rec["kind"] in ("earn", "spend", "offline"):
            if variant == "native" and rec.get("confirm_failed"):
                continue
            expected[card] += rec["earned"] - rec["spent"]
        elif rec["kind"] == "refund" and variant == "retail":
            original = by_uuid[rec["refunds"]]
            expected[card] += original["spent"] - original["earned"]
    cards = env["loyalty.card"].browse(list(expected))
    problems = [
        (card.id, card.points, expected[card.id])
        for card in cards
        if abs(card.points - expected[card.id]) > TOLERANCE
    ]
    checks.add(
        variant, "points: every card holds what the orders sent", problems, len(cards)
    )


def check_giftcards(env, variant, records, fixture, checks):
    expected = {}
    for company in fixture["companies"].values():
        for card in company["giftcards"]["pool"]:
            expected[card["id"]] = float(card["balance"])
    new_sold = 0.0
    for rec in synced(records):
        card = rec.get("giftcard_id")
        amount = rec.get("giftcard_amount") or 0.0
        if rec["kind"] == "gc_sale" and variant == "native":
            if not rec.get("confirm_failed"):
                new_sold += amount
            continue
        if not card or not amount:
            continue
        if variant == "native" and rec.get("confirm_failed"):
            continue
        expected[card] = expected.get(card, 0.0) + amount
    cards = env["loyalty.card"].browse(list(expected))
    problems = [
        (card.code, card.points, expected[card.id])
        for card in cards
        if abs(card.points - expected[card.id]) > TOLERANCE
    ]
    if variant == "native":
        program = next(iter(fixture["companies"].values()))["giftcards"]
        pool = [
            card["id"]
            for company in fixture["companies"].values()
            for card in company["giftcards"]["pool"]
        ]
        [[total]] = env.execute_query(
            SQL(
                "SELECT COALESCE(SUM(points), 0) FROM loyalty_card "
                "WHERE program_id = %s AND NOT (id = ANY(%s))",
                program["program_id"],
                pool,
            )
        )
        if abs(total - new_sold) > TOLERANCE:
            problems.append(("cards sold", total, new_sold))
    checks.add(
        variant,
        "gift cards: every card holds what the orders moved",
        problems,
        len(cards),
    )


def check_cash(env, variant, records, fixture, checks):
    by_till = defaultdict(float)
    for rec in synced(records):
        by_till[rec["till"]] += rec["cash"]
    cash_methods = {t["config_id"]: t["cash_method_id"] for t in fixture["tills"]}
    problems = []
    for till, amount in by_till.items():
        [[paid]] = env.execute_query(
            SQL(
                "SELECT COALESCE(SUM(p.amount), 0) FROM pos_payment p "
                "JOIN pos_order o ON o.id = p.pos_order_id "
                "JOIN pos_session s ON s.id = o.session_id "
                "WHERE s.config_id = %s AND p.payment_method_id = %s",
                till,
                cash_methods[till],
            )
        )
        if abs(paid - amount) > TOLERANCE:
            problems.append((till, paid, round(amount, 2)))
    checks.add(variant, "cash: every till holds what was paid", problems, len(by_till))


def check_ledger(env, checks):
    cards = env["loyalty.card"].search(
        [
            "|",
            ("program_id.retail_ledger", "=", True),
            ("retail_series_id", "!=", False),
        ]
    )
    broken = cards._retail_check_balance_invariant()
    checks.add(
        "retail",
        "every card's balance equals its ledger",
        [(k, v) for k, v in broken.items()],
        len(cards),
    )


def close_sessions(env, fixture):
    problems = []
    sessions = env["pos.session"].browse([t["session_id"] for t in fixture["tills"]])
    for session in sessions.filtered(lambda s: s.state == "opened"):
        cash = session.cash_register_balance_end
        session.post_closing_cash_details(cash)
        result = session.close_session_from_ui()
        env.cr.commit()
        if not result.get("successful"):
            problems.append((session.name, result.get("message")))
    return problems, len(sessions)


def check_liability(env, fixture, checks):
    problems, count = close_sessions(env, fixture)
    checks.add("retail", "every session closed", problems, count)
    problems = []
    today = fields.Date.today()
    companies = env["res.company"].browse([int(k) for k in fixture["companies"]])
    Card = env["loyalty.card"]
    outstanding = defaultdict(float)
    for row in Card._retail_giftcard_outstanding(today, companies):
        outstanding[row["company_id"]] += row["amount"]
    for company in companies:
        account = company._retail_giftcard_liability_account()
        [[balance]] = env.execute_query(
            SQL(
                "SELECT COALESCE(SUM(balance), 0) FROM account_move_line "
                "WHERE account_id = %s AND company_id = %s AND parent_state = 'posted'",
                account.id,
                company.id,
            )
        )
        # a liability is a credit: its balance is minus the money owed
        if abs(-balance - outstanding[company.id]) > TOLERANCE:
            problems.append((company.name, -balance, outstanding[company.id]))
    checks.add(
        "retail",
        "gift card liability equals the outstanding balance (sessions closed)",
        problems,
        len(companies),
    )


# -- figures ---------------------------------------------------------------------


def phase_figures(phase):
    """Figures of the measured part of a phase: the driver's warm-up orders
    (played before the clock started) are checked but not counted here."""
    records = [r for r in synced(phase["orders"]) if not r.get("warmup")]
    minutes = max((phase["ended"] - phase["started"]) / 60.0, 1e-9)
    times = [
        (r.get("sync_ms") or 0.0) + (r.get("confirm_ms") or 0.0)
        for r in records
        if r.get("sync_ms") is not None and not r.get("batch_of")
    ]
    errors = Counter()
    for rec in phase["orders"]:
        for attempt in rec["attempts"] + rec.get("confirm_attempts", []):
            if attempt.get("error"):
                errors[attempt["error"]] += 1
    return {
        "orders": len(records),
        "per_minute": len(records) / minutes,
        "p50": median(times),
        "p95": percentile(times, 95),
        "errors": errors,
        "lost": len(phase["orders"]) - len(synced(phase["orders"])),
        "warmup": sum(1 for r in phase["orders"] if r.get("warmup")),
    }


def recovery(phase, phases):
    """For each fault: the time from the fault until every order that met an
    error after it was synced, and until the first answer to a request sent
    after it; for the connections cut by the tills (every phase), the time
    until their order was synced."""
    rows = []
    records = phase["orders"]
    for fault in phase["faults"]:
        at = fault.get("at")
        if not at:
            rows.append([fault["fault"], "not done", "", "", fault.get("error", "")])
            continue
        hit = [
            r
            for r in records
            if any(
                a.get("error") and at - 1 <= a["end"] <= at + 120 for a in r["attempts"]
            )
        ]
        synced_at = [r.get("synced_at") for r in hit if r.get("synced_at")]
        first_ok = min(
            (
                a["end"]
                for r in records
                for a in r["attempts"]
                if a.get("ok") and a["start"] >= (fault.get("done") or at)
            ),
            default=None,
        )
        rows.append(
            [
                fault["fault"],
                len(hit),
                f"{(max(synced_at) - at):.1f}" if synced_at else "0 (no till saw it)",
                f"{(first_ok - at):.1f}" if first_ok else "-",
                f"restart took {fault['done'] - at:.1f} s" if fault.get("done") else "",
            ]
        )
    cuts = [
        r["synced_at"] - r["attempts"][0]["start"]
        for other in phases.values()
        for r in other["orders"]
        if r["attempts"]
        and r["attempts"][0].get("error") == "cut"
        and r.get("synced_at")
    ]
    if cuts:
        rows.append(
            [
                "connection cut after sending (till retries)",
                len(cuts),
                f"{max(cuts):.1f}",
                f"{median(cuts):.1f} (median)",
                "",
            ]
        )
    return rows


def levels_of(phases):
    """[(tills, retail figures, native figures)] of the measured levels."""
    levels = sorted(
        {int(name.split("-")[1]) for name in phases if not name.endswith("faults")}
    )
    out = []
    for level in levels:
        retail = phases.get(f"retail-{level}")
        native = phases.get(f"native-{level}")
        if retail and native:
            out.append((level, phase_figures(retail), phase_figures(native)))
    return out


def check_ratios(phases, checks, limit):
    """At every level, the retail modules cost at most ``limit`` times native
    pos_loyalty: orders per minute (native / retail) and p95 sync time (retail /
    native), measured in the same run."""
    for level, fr, fn in levels_of(phases):
        problems = []
        throughput = fn["per_minute"] / fr["per_minute"] if fr["per_minute"] else 0
        if not fr["per_minute"] or throughput > limit:
            problems.append(
                f"orders/min {fr['per_minute']:.1f} retail, "
                f"{fn['per_minute']:.1f} native (x{throughput:.2f})"
            )
        p95 = fr["p95"] / fn["p95"] if fn["p95"] else float("inf")
        if p95 > limit:
            problems.append(
                f"p95 {fr['p95']:.0f} ms retail, {fn['p95']:.0f} ms native (x{p95:.2f})"
            )
        checks.add(
            "both",
            f"{level} tills: orders/min and p95 sync time within x{limit} of native",
            problems,
            2,
        )


def render(args, phases, checks, load_before):
    rows = []
    for level, fr, fn in levels_of(phases):
        rows.append(
            [
                level,
                fr["orders"],
                fr["per_minute"],
                fn["per_minute"],
                fr["p50"],
                fn["p50"],
                fr["p50"] / fn["p50"] if fn["p50"] else float("nan"),
                fr["p95"],
                fn["p95"],
                fr["p95"] / fn["p95"] if fn["p95"] else float("nan"),
            ]
        )
    error_rows = []
    for name, phase in phases.items():
        figures = phase_figures(phase)
        error_rows.append(
            [
                name,
                figures["orders"],
                figures["warmup"],
                sum(figures["errors"].values()),
                ", ".join(f"{k}: {v}" for k, v in sorted(figures["errors"].items()))
                or "-",
                figures["lost"],
                ", ".join(f"{v:.1f}" for v in phase.get("load", [])) or "-",
            ]
        )
    faults = phases.get("retail-faults")
    out = [
        "# Load test: a chain's busiest Saturday",
        "",
        f"`make load-{args.mode}`: {args.customers:,} customers, Odoo with "
        f"{args.workers} workers (config/production.conf.example) on the load "
        "test's own PostgreSQL cluster, tills played by tests/load/driver.py "
        "(JSON-RPC, asyncio).",
        benchlib.machine_line(),
        f"Load average when the checks started: {load_before}.",
        "",
        "## Checks",
        "",
        markdown_table(
            ["Database", "Check", "Result", "Detail"],
            [[v, n, "ok" if ok else "FAILED", d] for v, n, ok, d in checks.rows],
        ),
        "",
        "## Throughput and sync time, retail modules against native pos_loyalty",
        "",
        "Sync time: the till's calls after payment (`sync_from_ui`, then "
        "`confirm_coupon_programs` when the order has a customer or a card), "
        "per order, in ms; offline batches counted once per call. Each phase "
        "starts after a warm-up that is not counted; the two phases of a level "
        "are played one after the other, the side played first alternating "
        "from one level to the next (`LOAD_FIRST` at the first).",
        "",
        markdown_table(
            [
                "Tills",
                "Orders (retail)",
                "Orders/min retail",
                "Orders/min native",
                "p50 retail",
                "p50 native",
                "p50 ratio",
                "p95 retail",
                "p95 native",
                "p95 ratio",
            ],
            rows,
        ),
        "",
        "## Errors seen by the tills",
        "",
        "Every error is followed by the till sending the same order again; "
        "`cut` are the connections the driver cut after sending on purpose. "
        "Warm-up orders: played before the phase's clock started (one of each "
        "kind by up to 10 tills), checked like the others, not in the figures; "
        "errors and lost orders count them.",
        "",
        markdown_table(
            [
                "Phase",
                "Orders synced",
                "Warm-up orders",
                "Errors",
                "By kind",
                "Orders lost",
                "Load average at its start (1, 5, 15 min)",
            ],
            error_rows,
        ),
        "",
    ]
    if faults:
        out += [
            f"## Recovery after each fault (retail, {faults['tills']} tills)",
            "",
            markdown_table(
                [
                    "Fault",
                    "Orders that met an error",
                    "All of them synced after (s)",
                    "First answer after (s)",
                    "Note",
                ],
                recovery(faults, phases),
            ),
            "",
        ]
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--run", required=True, help="folder of the phase files")
    parser.add_argument("--results", required=True)
    parser.add_argument("--mode", default="check")
    parser.add_argument("--customers", type=int, default=0)
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument("--retail-db", default="load_retail")
    parser.add_argument("--native-db", default="load_native")
    parser.add_argument(
        "--max-ratio",
        type=float,
        default=1.2,
        help="largest cost of the retail modules against native (default 1.2)",
    )
    parser.add_argument("--fixture-retail")
    parser.add_argument("--fixture-native")
    benchlib.add_common_arguments(parser)
    args = parser.parse_args()
    load_before = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    phases = load_phases(args.run)
    checks = Checks()
    for variant, db in (("retail", args.retail_db), ("native", args.native_db)):
        mine = [p for name, p in phases.items() if name.startswith(variant)]
        if not mine:
            continue
        records = [r for p in mine for r in p["orders"]]
        fixture_path = getattr(args, f"fixture_{variant}") or mine[0]["fixture"]
        with open(fixture_path) as handle:
            fixture = json.load(handle)
        for phase in mine:
            if phase.get("crashes"):
                checks.add(variant, "driver ran without crashing", phase["crashes"], 1)
        with benchlib.odoo_env(db, args.conf, args.log_level) as env:
            check_orders(env, variant, records, checks)
            check_points(env, variant, records, fixture, checks)
            check_giftcards(env, variant, records, fixture, checks)
            check_cash(env, variant, records, fixture, checks)
            if variant == "retail":
                check_ledger(env, checks)
                check_liability(env, fixture, checks)
    check_ratios(phases, checks, args.max_ratio)
    report = render(args, phases, checks, load_before)
    with open(args.results, "w") as handle:
        handle.write(report + "\n")
    print(report)
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())

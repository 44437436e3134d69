# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared helpers of the benchmark scripts: Odoo bootstrap, timers, tables.

Not a test module (pytest never collects tests/benchmarks: `make test` only runs
addons/*/tests and tests/integration).
"""

import contextlib
import datetime
import logging
import os
import platform
import statistics
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_CONF = os.path.join(ROOT, ".local", "odoo.conf")
RESULTS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "results")
# Where the generator leaves its seed and sizes (an ir.config_parameter).
GENERATED_PARAM = "retail_bench.generated"

_logger = logging.getLogger("retail_bench")


def add_common_arguments(parser):
    parser.add_argument("--conf", default=DEFAULT_CONF, help="Odoo configuration file")
    parser.add_argument(
        "--log-level", default="warn", help="Odoo log level (default: warn)"
    )


_configured = []


@contextlib.contextmanager
def odoo_env(db, conf=DEFAULT_CONF, log_level="warn"):
    """Yield a superuser environment on ``db`` (several databases may be opened
    in one process; the configuration is read once). The cursor is committed
    when the block ends without error: the scripts roll back what they must not
    keep themselves."""
    import odoo  # noqa: PLC0415 - Odoo is only importable from the project venv
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415

    if not _configured:
        odoo.tools.config.parse_config(
            ["-c", conf, "-d", db, f"--log-level={log_level}"], setup_logging=True
        )
        logging.getLogger("retail_bench").setLevel(logging.INFO)
        _configured.append(db)
    registry = Registry(db)
    with registry.cursor() as cr:
        yield api.Environment(cr, SUPERUSER_ID, {})


class Timer:
    """``with Timer() as t: ...`` then ``t.ms``."""

    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.ms = (time.perf_counter() - self.start) * 1000.0
        return False


def percentile(values, pct):
    """Nearest-rank percentile of ``values`` (pct in 0..100)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, round(pct / 100.0 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def median(values):
    return statistics.median(values) if values else float("nan")


def markdown_table(headers, rows):
    """A markdown table; floats get two decimals."""

    def cell(value):
        if isinstance(value, float):
            return f"{value:,.2f}"
        if isinstance(value, int) and not isinstance(value, bool):
            return f"{value:,}"
        return str(value)

    lines = [
        "| " + " | ".join(headers) + " |",
        "|" + "|".join("---" for _h in headers) + "|",
    ]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def pos_order_data(config, session, partner_id, product_qtys, ref, payment_method):
    """The payload of a paid order as the till sends it to ``sync_from_ui``:
    one untaxed line per (product, quantity) at the product's price, paid in
    full with ``payment_method``; ``ref`` makes its name and uuid unique.

    :return: (payload, total)
    """
    now = datetime.datetime.now().strftime("%Y-%m-%d %H:%M:%S")
    lines = [
        (
            0,
            0,
            {
                "product_id": product.id,
                "qty": qty,
                "price_unit": product.list_price,
                "price_subtotal": product.list_price * qty,
                "price_subtotal_incl": product.list_price * qty,
                "tax_ids": [(6, 0, [])],
                "pack_lot_ids": [],
            },
        )
        for product, qty in product_qtys
    ]
    total = round(sum(line[2]["price_subtotal_incl"] for line in lines), 2)
    payment = {"amount": total, "payment_method_id": payment_method.id, "name": now}
    data = {
        "amount_paid": total,
        "amount_return": 0,
        "amount_tax": 0,
        "amount_total": total,
        "date_order": now,
        "fiscal_position_id": False,
        "pricelist_id": config.pricelist_id.id,
        "name": f"Order {ref}",
        "last_order_preparation_change": "{}",
        "lines": lines,
        "partner_id": partner_id,
        "session_id": session.id,
        "payment_ids": [(0, 0, payment)],
        "uuid": f"bench-{ref}",
        "user_id": session.env.uid,
        "to_invoice": False,
        "state": "paid",
    }
    return data, total


def machine_line():
    """Where and when the figures were taken: date, host, CPUs and the load
    average at that moment (other work on the machine inflates absolute times;
    ratios of interleaved runs hold better)."""
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"Run {datetime.datetime.now():%Y-%m-%d %H:%M} on {platform.node()} "
        f"({os.cpu_count()} CPUs, Python {platform.python_version()}; "
        f"load average {load} over 1, 5 and 15 min)."
    )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared helpers of the benchmark scripts: Odoo bootstrap, timers, tables.

Not a test module (pytest never collects tests/benchmarks: `make test` only runs
addons/*/tests and tests/integration).
"""

import contextlib
import logging
import os
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

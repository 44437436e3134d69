# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import contextlib

from odoo.tools import SQL


@contextlib.contextmanager
def bulk_statements(env, work_mem=None):
    """Run the statements of the block without PostgreSQL's JIT compilation,
    and with ``work_mem`` (for example ``"32MB"``) when given, in this
    transaction, then as they were after the block.

    Set-based statements over tens of thousands of rows (a bulk posting, the
    expiry job's lots, a campaign's results) pass JIT's cost thresholds, and
    compiling them takes longer than running them; their sorts and hashes
    spill to disk under the default ``work_mem``. Left as they are when the
    block fails: the transaction is rolled back."""
    settings = {"jit": "off"}
    if work_mem:
        settings["work_mem"] = work_mem
    names = list(settings)
    [previous] = env.execute_query(
        SQL(
            "SELECT %s",
            SQL(", ").join(SQL("current_setting(%s)", name) for name in names),
        )
    )
    _set(env, settings)
    yield
    _set(env, dict(zip(names, previous, strict=True)))


def _set(env, settings):
    env.cr.execute(
        SQL(
            "SELECT %s",
            SQL(", ").join(
                SQL("set_config(%s, %s, true)", name, value)
                for name, value in settings.items()
            ),
        )
    )

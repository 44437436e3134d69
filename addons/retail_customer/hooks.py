# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo.modules.db import has_trigram

_logger = logging.getLogger(__name__)


def pre_init_hook(env):
    """The till searches names with a contains-search: it needs pg_trgm (a trusted
    extension: the database owner may create it). Without it the trigram index is
    left out and the search still works, slower."""
    cr = env.cr
    if not has_trigram(cr):
        try:
            with cr.savepoint():
                cr.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except Exception:  # noqa: BLE001 - any refusal only costs the index
            _logger.warning(
                "pg_trgm could not be created: customer name search from the POS "
                "will not be indexed. Run CREATE EXTENSION pg_trgm as a superuser."
            )
    env.registry.has_trigram = has_trigram(cr)


def post_init_hook(env):
    """Number the partners that existed before the install (set-based)."""
    partners = (
        env["res.partner"]
        .with_context(active_test=False)
        .search([("parent_id", "=", False), ("customer_number", "=", False)])
    )
    partners._retail_assign_customer_numbers()

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

# Failed lookups older than this are purged by the daily cron.
RETENTION_DAYS = 30
# Characters of the query kept in clear: the first ones and the last ones.
MASK_HEAD = 4
MASK_TAIL = 2
QUERY_MAX_LENGTH = 64


class RetailCardLookupFailure(models.Model):
    """A failed lookup of a card (or a customer) by its number, or a wrong PIN.

    Rows are written by ``loyalty.card._retail_log_failed_lookup`` only, in a
    cursor of their own so that they survive the rollback of the request that
    failed; they feed the throttle (``loyalty.card._retail_check_throttle``) and
    let head office see who tries numbers. The query is stored masked.
    """

    _name = "retail.card.lookup.failure"
    _description = "Failed Card Lookup"
    _order = "id desc"
    _rec_name = "query"

    _user_date_idx = models.Index("(user_id, create_date)")
    _pos_config_date_idx = models.Index("(pos_config_id, create_date)")
    _create_date_idx = models.Index("(create_date)")
    _card_date_idx = models.Index("(card_id, create_date) WHERE card_id IS NOT NULL")

    user_id = fields.Many2one(
        comodel_name="res.users",
        readonly=True,
        ondelete="cascade",
    )
    pos_config_id = fields.Many2one(
        comodel_name="pos.config",
        string="Till",
        readonly=True,
        ondelete="cascade",
    )
    card_id = fields.Many2one(
        comodel_name="loyalty.card",
        readonly=True,
        ondelete="cascade",
        help="The card whose PIN was wrong (PIN checks are throttled per card).",
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        readonly=True,
        ondelete="cascade",
    )
    kind = fields.Char(
        readonly=True,
        help="What was looked up: card, pin, customer...",
    )
    query = fields.Char(
        string="Query (masked)",
        readonly=True,
        help="The number typed or scanned, masked: only its first four and last "
        "two characters are kept.",
    )
    ip = fields.Char(string="IP Address", readonly=True)

    @api.model
    def _retail_mask(self, query):
        """The query with all but its first 4 and last 2 characters masked.

        Queries of 8 characters or fewer keep only their first character, so that
        the stored text never gives the whole number.
        """
        if query is None or query is False:
            return ""
        text = query if isinstance(query, str) else repr(query)
        text = text.strip()[: QUERY_MAX_LENGTH * 4]
        if len(text) <= MASK_HEAD + MASK_TAIL + 2:
            return text[:1] + "*" * (len(text) - 1)
        masked = text[:MASK_HEAD] + "*" * (len(text) - MASK_HEAD - MASK_TAIL)
        masked += text[-MASK_TAIL:]
        if len(masked) > QUERY_MAX_LENGTH:
            masked = masked[: QUERY_MAX_LENGTH - MASK_TAIL - 1] + "…" + masked[-2:]
        return masked

    @api.model_create_multi
    def create(self, vals_list):
        # Failures are logged by the card engine in SQL; nobody creates them
        # through the ORM (a forged row would lock a cashier out).
        if not self.env.su:
            raise AccessError(
                self.env._("Failed lookups are logged by the system only.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            raise AccessError(
                self.env._("Failed lookups are logged by the system only.")
            )
        return super().write(vals)

    @api.model
    def _cron_purge(self):
        """Delete failures older than ``RETENTION_DAYS`` days, in one query."""
        self.env.cr.execute(
            SQL(
                "DELETE FROM retail_card_lookup_failure "
                "WHERE create_date < (now() AT TIME ZONE 'UTC') - make_interval("
                "days => %s)",
                RETENTION_DAYS,
            )
        )
        _logger.info("Purged %s failed card lookups", self.env.cr.rowcount)
        return self.env.cr.rowcount

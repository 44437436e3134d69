# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.retail_card.models.loyalty_card_ledger_write import BULK_MIN_LINES


class LoyaltyCard(models.Model):
    """The card's next expiry, kept by the ledger: every posting on cards of
    retail ledger programs with an expiry writes it again from their lots
    (``loyalty.program._retail_lots_query``), so that audiences and reports
    filter cards by it through an index instead of reading the ledger."""

    _inherit = "loyalty.card"

    retail_next_expiry_date = fields.Date(
        string="Next Points Expiry",
        compute="_compute_retail_next_expiry",
        store=True,
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Day the earliest lot of points still held expires (the expiry job "
        "removes it that day, or at its first run after it). Empty: no points "
        "to expire.",
    )
    retail_next_expiry_points = fields.Float(
        string="Points Expiring Next",
        compute="_compute_retail_next_expiry",
        store=True,
        readonly=True,
        copy=False,
        help="Points of the lots that expire on the Next Points Expiry.",
    )

    @api.depends()
    def _compute_retail_next_expiry(self):
        """Computed when the field is installed (every card at once, in SQL)
        and for new cards; afterwards written by the ledger's postings."""
        stored = self.filtered("id")
        (self - stored).update(
            {"retail_next_expiry_date": False, "retail_next_expiry_points": 0.0}
        )
        values = stored._retail_next_expiry_values()
        for card in stored:
            day, points = values.get(card.id, (False, 0.0))
            card.retail_next_expiry_date = day
            card.retail_next_expiry_points = points

    def _retail_next_expiry_values(self):
        """{card id: (next expiry day, its points)} of the cards with points
        still to expire, read from their lots in one query."""
        if not self.ids:
            return {}
        lots = self.env["loyalty.program"]._retail_lots_query(SQL("TRUE"), self.ids)
        return {
            card_id: (day, float(points))
            for card_id, day, points in self.env.execute_query(
                SQL(
                    """
                    SELECT DISTINCT ON (card_id) card_id, expiry, SUM(points)
                      FROM (%s) AS lots
                     GROUP BY card_id, expiry
                     ORDER BY card_id, expiry
                    """,
                    lots,
                )
            )
        }

    def _retail_refresh_next_expiry(self):
        """Write the cards' next expiry again from their lots, in one query
        (only the cards whose values change are written)."""
        if not self.ids:
            return
        self.flush_recordset(["retail_next_expiry_date", "retail_next_expiry_points"])
        lots = self.env["loyalty.program"]._retail_lots_query(SQL("TRUE"), self.ids)
        self.env.execute_query(
            SQL(
                """
                WITH nexts AS (
                    SELECT DISTINCT ON (card_id) card_id, expiry,
                           SUM(points)::float8 AS points
                      FROM (%(lots)s) AS lots
                     GROUP BY card_id, expiry
                     ORDER BY card_id, expiry
                )
                UPDATE loyalty_card AS card
                   SET retail_next_expiry_date = nexts.expiry,
                       retail_next_expiry_points = COALESCE(nexts.points, 0)
                  FROM unnest(%(ids)s::int[]) AS moved(id)
                  LEFT JOIN nexts ON nexts.card_id = moved.id
                 WHERE card.id = moved.id
                   AND (card.retail_next_expiry_date IS DISTINCT FROM nexts.expiry
                        OR COALESCE(card.retail_next_expiry_points, 0)
                           IS DISTINCT FROM COALESCE(nexts.points, 0))
                """,
                lots=lots,
                ids=self.ids,
            )
        )
        self.invalidate_recordset(
            ["retail_next_expiry_date", "retail_next_expiry_points"]
        )

    @api.model
    def _retail_ledger_card_fields(self):
        return super()._retail_ledger_card_fields() | {
            "retail_next_expiry_date",
            "retail_next_expiry_points",
        }

    def _retail_record_movements(self, lines, balances, card_values=None):
        moved = super()._retail_record_movements(lines, balances, card_values)
        # a caller that knows the next expiry (the expiry job, from the lots
        # it read) gives it with the balances
        known = {
            card_id
            for card_id, values in (card_values or {}).items()
            if "retail_next_expiry_date" in values
        }
        debited = {line["card_id"] for line in lines if line["amount"] < 0}
        cards = moved.browse(set(moved.ids) - known)
        if len(cards) < BULK_MIN_LINES:
            # a till's posting: its cards' programs are in the cache, and
            # most programs keep no expiry
            cards = cards.filtered(
                lambda card: card.program_id.retail_ledger
                and card.program_id.retail_expiry_months
            )
        if cards:
            cards._retail_next_expiry_moved(debited)._retail_refresh_next_expiry()
        return moved

    def _retail_next_expiry_moved(self, debited):
        """The cards of retail ledger programs with an expiry whose next expiry
        a posting may have moved, in one query: the cards ``debited`` (ids),
        those without a next expiry, and those whose next expiry is the day
        today's lot expires (a credit joins that lot). A card only credited
        keeps an earlier next expiry: a credit consumes no lot, and today's lot
        is the last one."""
        if not self.ids:
            return self.browse()
        self.flush_recordset(["program_id", "retail_next_expiry_date"])
        self.env["loyalty.program"].flush_model(
            ["retail_ledger", "retail_expiry_months"]
        )
        today = fields.Date.to_date(self.env.cr.now())
        return self.browse(
            card_id
            for (card_id,) in self.env.execute_query(
                SQL(
                    """
                    SELECT card.id
                      FROM loyalty_card AS card
                      JOIN loyalty_program AS program
                           ON program.id = card.program_id
                     WHERE card.id = ANY(%(ids)s)
                       AND program.retail_ledger
                       AND program.retail_expiry_months > 0
                       AND (card.id = ANY(%(debited)s)
                            OR card.retail_next_expiry_date IS NULL
                            OR card.retail_next_expiry_date >= (
                                %(today)s::date
                                + make_interval(
                                    months => program.retail_expiry_months)
                            )::date)
                    """,
                    ids=self._retail_sql_array(self.ids, "int"),
                    debited=self._retail_sql_array(list(debited), "int"),
                    today=today,
                )
            )
        )

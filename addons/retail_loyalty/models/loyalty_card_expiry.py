# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL


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

    def _retail_write_next_expiry(self, values):
        """Write the cards' next expiry ``values`` {card id: (day or False,
        points)} in one query."""
        ids = [card_id for card_id in self.ids if card_id in values]
        if not ids:
            return
        self.flush_recordset(["retail_next_expiry_date", "retail_next_expiry_points"])
        self.env.execute_query(
            SQL(
                """
                UPDATE loyalty_card AS card
                   SET retail_next_expiry_date = new.day,
                       retail_next_expiry_points = new.points
                  FROM unnest(%s::int[], %s::date[], %s::float8[])
                       AS new(id, day, points)
                 WHERE card.id = new.id
                """,
                ids,
                [values[card_id][0] or None for card_id in ids],
                [values[card_id][1] for card_id in ids],
            )
        )
        self.invalidate_recordset(
            ["retail_next_expiry_date", "retail_next_expiry_points"]
        )

    def _retail_record_movements(self, lines, balances):
        moved = super()._retail_record_movements(lines, balances)
        expiring = moved.filtered(
            lambda card: card.program_id.retail_ledger
            and card.program_id.retail_expiry_months
        )
        # the expiry job writes the next expiry itself, from the lots it read
        if expiring and not self.env.context.get("retail_next_expiry_known"):
            debited = {line["card_id"] for line in lines if line["amount"] < 0}
            expiring._retail_next_expiry_moved(debited)._retail_refresh_next_expiry()
        return moved

    def _retail_next_expiry_moved(self, debited):
        """The cards whose next expiry a posting may have moved: the cards
        ``debited`` (ids), those without a next expiry, and those whose next
        expiry is the day today's lot expires (a credit joins that lot). A card
        only credited keeps an earlier next expiry: a credit consumes no lot,
        and today's lot is the last one."""
        moved = self.browse(debited) & self
        today = self.env.cr.now()
        for program, cards in (self - moved).grouped("program_id").items():
            today_lot = program._retail_lot_expiry_date(today)
            moved |= cards.filtered(
                lambda card, lot=today_lot: not card.retail_next_expiry_date
                or card.retail_next_expiry_date >= lot
            )
        return moved

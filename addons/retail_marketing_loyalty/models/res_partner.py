# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

# The placeholders of this module (its USAGE table): usable in a mailing by
# marketers who are not mail template editors.
PLACEHOLDERS = (
    "object.retail_loyalty_points_text",
    "object.retail_loyalty_tier_id.name",
    "object.retail_points_expiring_text",
    "object.retail_points_expiry_date_text",
    "object.retail_points_expiry_days",
)


# The lots of points still to expire of the customers' cards (see
# res.partner._retail_points_lots_query): parameters companies, partner_filter,
# card_filter.
POINTS_LOTS_SQL = """
    WITH cards AS (
        SELECT c.id, c.partner_id, c.points,
               p.retail_expiry_months AS months,
               COALESCE(p.retail_notice_days, 0) AS notice
          FROM loyalty_card c
          JOIN loyalty_program p ON p.id = c.program_id
         WHERE p.retail_ledger AND p.retail_expiry_months > 0
           AND c.points > 0 AND c.partner_id IS NOT NULL
           AND (c.company_id IS NULL OR c.company_id = ANY(%(companies)s))
           %(partner_filter)s %(card_filter)s
    ), used AS (
        SELECT h.card_id, SUM(COALESCE(h.used, 0)) AS used
          FROM loyalty_history h
          JOIN cards ON cards.id = h.card_id
         GROUP BY h.card_id
    ), earned AS (
        SELECT h.card_id, h.create_date::date AS day, SUM(h.issued) AS points
          FROM loyalty_history h
          JOIN cards ON cards.id = h.card_id
         WHERE h.retail_kind IN ('earn', 'adjust') AND h.issued > 0
         GROUP BY h.card_id, h.create_date::date
    ), lots AS (
        -- what the lots up to this one hold, after the debits
        SELECT e.card_id, e.day,
               SUM(e.points) OVER w - u.used AS upto,
               SUM(e.points) OVER w - e.points - u.used AS before
          FROM earned e
          JOIN used u ON u.card_id = e.card_id
        WINDOW w AS (PARTITION BY e.card_id ORDER BY e.day)
    ), remaining AS (
        SELECT cards.partner_id, cards.notice,
               (l.day + make_interval(months => cards.months))::date AS expiry,
               ROUND((GREATEST(0, LEAST(cards.points, l.upto))
                      - GREATEST(0, LEAST(cards.points, l.before)))::numeric,
                     2) AS points
          FROM lots l
          JOIN cards ON cards.id = l.card_id
    )
    SELECT partner_id, expiry, notice, points
      FROM remaining
     WHERE points > 0.005
"""

# The customers' cards with points still to expire and their next expiry, as
# the ledger keeps it on the card (loyalty.card.retail_next_expiry_date):
# parameters companies, partner_filter.
NEXT_EXPIRY_SQL = """
    SELECT c.partner_id, c.retail_next_expiry_date AS expiry,
           COALESCE(p.retail_notice_days, 0) AS notice,
           c.retail_next_expiry_points AS points
      FROM loyalty_card c
      JOIN loyalty_program p ON p.id = c.program_id
     WHERE p.retail_ledger AND p.retail_expiry_months > 0
       AND c.points > 0 AND c.partner_id IS NOT NULL
       AND c.retail_next_expiry_date IS NOT NULL
       AND (c.company_id IS NULL OR c.company_id = ANY(%(companies)s))
       %(partner_filter)s
"""


class ResPartner(models.Model):
    _inherit = "res.partner"

    retail_points_expiry_date = fields.Date(
        string="Next Points Expiry",
        compute="_compute_retail_points_expiry",
        search="_search_retail_points_expiry_date",
        help="Day the customer's earliest points still held expire (retail "
        "loyalty programs with an expiry; the expiry job removes them that day).",
    )
    retail_points_expiry_days = fields.Integer(
        string="Days to Points Expiry",
        compute="_compute_retail_points_expiry",
        search="_search_retail_points_expiry_days",
        help="Days from today to the Next Points Expiry (0: today). In a filter, "
        "'at most 30' selects the customers with points that expire within 30 "
        "days of the day the filter runs; customers without points to expire "
        "never match.",
    )
    retail_points_expiring = fields.Float(
        string="Points Expiring Next",
        compute="_compute_retail_points_expiry",
        help="Points that expire on the Next Points Expiry.",
    )
    retail_points_expiring_soon = fields.Float(
        string="Points Expiring Soon",
        compute="_compute_retail_points_expiry",
        search="_search_retail_points_expiring_soon",
        help="Points that expire within the expiry notice period of their "
        "program (Expiry Notice, 10 days by default), all days together: the "
        "points the loyalty notice announces.",
    )
    retail_loyalty_points_text = fields.Char(
        string="Loyalty Points (text)",
        compute="_compute_retail_points_expiry",
        help="The loyalty points balance as messages print it, in the customer's "
        "language.",
    )
    retail_points_expiring_text = fields.Char(
        string="Points Expiring Next (text)",
        compute="_compute_retail_points_expiry",
        help="Points Expiring Next as messages print it, in the customer's language.",
    )
    retail_points_expiry_date_text = fields.Char(
        string="Next Points Expiry (text)",
        compute="_compute_retail_points_expiry",
        help="Next Points Expiry as messages print it, in the customer's language "
        "and date format.",
    )

    @api.depends_context("allowed_company_ids")
    def _compute_retail_points_expiry(self):
        """The next expiry as the ledger keeps it on the cards; the points
        expiring soon from the lots of the cards whose next expiry falls within
        their program's notice period (the only ones with points due soon)."""
        today = fields.Date.today()
        nexts, soon_lots = {}, {}
        partner_ids = [partner_id for partner_id in self._origin.ids if partner_id]
        if partner_ids:
            for partner_id, expiry, __, points in self.env.execute_query(
                self._retail_next_expiry_query(partner_ids)
            ):
                nexts.setdefault(partner_id, []).append((expiry, points))
            for partner_id, expiry, notice, points in self.env.execute_query(
                self._retail_points_lots_query(partner_ids, soon_only=True)
            ):
                if notice > 0 and (expiry - today).days <= notice:
                    soon_lots[partner_id] = soon_lots.get(partner_id, 0.0) + float(
                        points
                    )
        formatter = self._retail_text_formatter()
        for partner in self:
            cards = nexts.get(partner._origin.id, [])
            first = min((expiry for expiry, __ in cards), default=False)
            expiring = sum(points for expiry, points in cards if expiry == first)
            soon = soon_lots.get(partner._origin.id, 0.0)
            lang = partner._retail_text_lang()
            partner.retail_points_expiry_date = first
            partner.retail_points_expiry_days = (
                max(0, (first - today).days) if first else 0
            )
            partner.retail_points_expiring = round(expiring, 2)
            partner.retail_points_expiring_soon = round(soon, 2)
            partner.retail_loyalty_points_text = formatter.points(
                lang, partner.retail_loyalty_points
            )
            partner.retail_points_expiring_text = formatter.points(lang, expiring)
            partner.retail_points_expiry_date_text = (
                formatter.date(lang, first) if first else False
            )

    # ------------------------------------------------------------------
    # The customers' lots of points still to expire, in SQL
    # ------------------------------------------------------------------
    @api.model
    def _retail_points_lots_query(self, partner_ids=None, soon_only=False):
        """Rows ``(partner id, expiry day, notice days, points)``: the lots of
        points still to expire of the customers' cards (companies the user acts
        in), counted as ``loyalty.program._retail_expiry_lots`` counts them (a
        day's points form a lot; debits consume the oldest lots first; the lots
        never add up to more than the balance), for every customer at once.

        :param partner_ids: the customers to read (all of them if None)
        :param soon_only: only the cards whose next expiry falls within their
            program's notice period (the card's next expiry, kept by the ledger,
            read through its index), whose lots may be due soon
        """
        self._retail_points_lots_flush()
        card_filter = SQL()
        if soon_only:
            card_filter = SQL(
                "AND p.retail_notice_days > 0 AND c.retail_next_expiry_date "
                "<= %s::date + p.retail_notice_days",
                fields.Date.today(),
            )
        return SQL(
            POINTS_LOTS_SQL,
            companies=self.env.companies.ids,
            partner_filter=self._retail_points_partner_filter(partner_ids),
            card_filter=card_filter,
        )

    @api.model
    def _retail_next_expiry_query(self, partner_ids=None):
        """Rows ``(partner id, expiry day, notice days, points)``: the next
        expiry of each of the customers' cards with points to expire (companies
        the user acts in), as the ledger keeps it on the card.

        :param partner_ids: the customers to read (all of them if None)
        """
        self._retail_points_lots_flush()
        return SQL(
            NEXT_EXPIRY_SQL,
            companies=self.env.companies.ids,
            partner_filter=self._retail_points_partner_filter(partner_ids),
        )

    @api.model
    def _retail_points_partner_filter(self, partner_ids):
        if partner_ids is None:
            return SQL()
        return SQL("AND c.partner_id = ANY(%s)", list(partner_ids))

    @api.model
    def _retail_points_lots_flush(self):
        """Write to the database what the lots query reads."""
        self.env["loyalty.history"].flush_model(
            ["card_id", "issued", "used", "retail_kind", "create_date"]
        )
        self.env["loyalty.card"].flush_model(
            [
                "partner_id",
                "points",
                "program_id",
                "company_id",
                "retail_next_expiry_date",
                "retail_next_expiry_points",
            ]
        )
        self.env["loyalty.program"].flush_model(
            ["retail_ledger", "retail_expiry_months", "retail_notice_days"]
        )

    @api.model
    def _retail_points_expiry_domain(self, having, *values, rows=None):
        """The customers whose ``rows`` (default: their cards' next expiries,
        ``_retail_next_expiry_query``), grouped, meet ``having`` (SQL over
        ``MIN(expiry)`` and ``SUM(points)``...)."""
        return Domain(
            "id",
            "in",
            SQL(
                "SELECT partner_id FROM (%s) AS lots GROUP BY partner_id HAVING %s",
                rows if rows is not None else self._retail_next_expiry_query(),
                SQL(having, *values),
            ),
        )

    @api.model
    def _search_retail_points_expiry_days(self, operator, value):
        return self._retail_search_expiry_days(
            "retail_points_expiry_days",
            operator,
            value,
            self._retail_points_expiry_domain,
            SQL("GREATEST(0, MIN(expiry) - %s::date)", fields.Date.today()),
        )

    @api.model
    def _search_retail_points_expiry_date(self, operator, value):
        return self._retail_search_expiry_date(
            operator, value, self._retail_points_expiry_domain
        )

    @api.model
    def _search_retail_points_expiring_soon(self, operator, value):
        parsed = self._retail_amount_condition(operator, value)
        if parsed is NotImplemented:
            return NotImplemented
        condition, operand, zero_matches = parsed
        soon = SQL(
            "COALESCE(SUM(points) FILTER (WHERE notice > 0 "
            "AND expiry <= %s::date + notice), 0)",
            fields.Date.today(),
        )
        rows = self._retail_points_lots_query(soon_only=True)
        domain = self._retail_points_expiry_domain(condition, soon, operand, rows=rows)
        if zero_matches:
            # customers without points to expire within the notice period
            # have none expiring soon
            domain |= ~self._retail_points_expiry_domain("TRUE", rows=rows)
        return domain

    @api.model
    def _search_retail_loyalty_points(self, operator, value):
        """The balance the field shows (the customer's retail loyalty cards of
        the companies the user acts in, added up), in SQL: a marketer who
        reads customers but not loyalty cards filters an audience by points."""
        parsed = self._retail_amount_condition(operator, value)
        if parsed is NotImplemented:
            return NotImplemented
        condition, operand, zero_matches = parsed
        self.env["loyalty.card"].flush_model(["partner_id", "points", "company_id"])
        self.env["loyalty.program"].flush_model(["retail_ledger"])
        balances = SQL(
            """
            SELECT c.partner_id
              FROM loyalty_card c
              JOIN loyalty_program p ON p.id = c.program_id
             WHERE p.retail_ledger AND c.partner_id IS NOT NULL
               AND (c.company_id IS NULL OR c.company_id = ANY(%s))
             GROUP BY c.partner_id
            HAVING %s
            """,
            self.env.companies.ids,
            SQL(condition, SQL("COALESCE(SUM(c.points), 0)"), operand),
        )
        domain = Domain("id", "in", balances)
        if zero_matches:
            # customers without a card hold 0 points
            domain |= ~Domain(
                "id",
                "in",
                SQL(
                    "SELECT c.partner_id FROM loyalty_card c "
                    "JOIN loyalty_program p ON p.id = c.program_id "
                    "WHERE p.retail_ledger AND c.partner_id IS NOT NULL "
                    "AND (c.company_id IS NULL OR c.company_id = ANY(%s))",
                    self.env.companies.ids,
                ),
            )
        return domain

    @api.model
    def _search_retail_loyalty_tier_id(self, operator, value):
        """The customers whose retail loyalty cards (of the companies the user
        acts in) hold the tier: searchable by a marketer who reads customers
        but not loyalty cards."""
        self.check_access("read")
        # sudo: the caller reads customers, and their tier is shown to them on
        # the customer (computed from the cards the same way); only which
        # customers hold the tier is returned, never the cards
        cards = (
            self.env["loyalty.card"]
            .sudo()
            ._search(
                [
                    ("partner_id", "!=", False),
                    ("program_id.retail_ledger", "=", True),
                    ("company_id", "in", [*self.env.companies.ids, False]),
                    ("retail_tier_id", operator, value),
                ]
            )
        )
        return Domain("id", "in", cards.subselect("partner_id"))

    @api.model
    def mail_allowed_qweb_expressions(self):
        return (*super().mail_allowed_qweb_expressions(), *PLACEHOLDERS)

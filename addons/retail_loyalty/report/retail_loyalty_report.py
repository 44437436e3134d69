# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class RetailLoyaltyReport(models.Model):
    """Points issued, spent, expired and reversed, one row per ledger movement
    of a retail loyalty card. The customer's segments are a many2many over a
    view (``retail_loyalty_report_segment_rel``): grouped by segment, a customer
    of two segments counts in both; every other total counts each movement once."""

    _name = "retail.loyalty.report"
    _inherit = ["retail.report.view.mixin"]
    _description = "Loyalty Points Analysis"
    _auto = False
    _order = "date desc"

    date = fields.Datetime(readonly=True)
    program_id = fields.Many2one("loyalty.program", readonly=True)
    card_id = fields.Many2one("loyalty.card", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    tier_id = fields.Many2one("retail.loyalty.tier", readonly=True)
    state_id = fields.Many2one("res.country.state", string="Province", readonly=True)
    city = fields.Char(readonly=True)
    zip = fields.Char(string="Postal Code", readonly=True)
    segment_ids = fields.Many2many(
        "retail.segment",
        relation="retail_loyalty_report_segment_rel",
        column1="report_id",
        column2="segment_id",
        string="Segments",
        readonly=True,
    )
    store_id = fields.Many2one("pos.config", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    kind = fields.Selection(
        [
            ("earn", "Points earned"),
            ("spend", "Points spent"),
            ("expire", "Points expired"),
            ("reverse", "Reversal"),
            ("adjust", "Manual adjustment"),
        ],
        readonly=True,
    )
    points_issued = fields.Float(readonly=True)
    points_spent = fields.Float(readonly=True)
    points_expired = fields.Float(readonly=True)
    points_net = fields.Float(string="Net Points", readonly=True)

    def _query(self):
        return SQL(
            """
            SELECT h.id AS id,
                   h.create_date AS date,
                   c.program_id,
                   h.card_id,
                   c.partner_id,
                   c.retail_tier_id AS tier_id,
                   p.state_id,
                   p.city,
                   p.zip,
                   h.retail_store_id AS store_id,
                   prog.company_id,
                   h.retail_kind AS kind,
                   CASE WHEN h.retail_kind = 'expire' THEN 0
                        ELSE COALESCE(h.issued, 0) END AS points_issued,
                   CASE WHEN h.retail_kind IN ('spend') THEN COALESCE(h.used, 0)
                        ELSE 0 END AS points_spent,
                   CASE WHEN h.retail_kind = 'expire' THEN COALESCE(h.used, 0)
                        ELSE 0 END AS points_expired,
                   COALESCE(h.issued, 0) - COALESCE(h.used, 0) AS points_net
              FROM loyalty_history h
              JOIN loyalty_card c ON c.id = h.card_id
              JOIN loyalty_program prog ON prog.id = c.program_id
                   AND prog.retail_ledger
              LEFT JOIN res_partner p ON p.id = c.partner_id
             WHERE h.retail_kind IS NOT NULL
            """
        )

    def _segment_query(self):
        """The segments of each movement's customer (the relation of
        ``segment_ids``)."""
        return SQL(
            """
            SELECT h.id AS report_id, rel.segment_id
              FROM loyalty_history h
              JOIN loyalty_card c ON c.id = h.card_id
              JOIN retail_segment_partner_rel rel ON rel.partner_id = c.partner_id
             WHERE h.retail_kind IS NOT NULL
            """
        )

    def init(self):
        relation = self._fields["segment_ids"].relation
        self._retail_replace_view(self._table, self._query())
        self._retail_replace_view(relation, self._segment_query())

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class RetailSuggestionReport(models.Model):
    """The till's suggestion results: one row per day, store, cashier (the
    order's user) and product of the paid till orders, with the times the
    product was suggested (once per order that showed it), the suggested
    lines kept in the basket and their revenue (taxes included, with the
    line's sign: a refund counts against the sale)."""

    _name = "retail.suggestion.report"
    _inherit = ["retail.clienteling.report.mixin"]
    _description = "Suggestion Results Analysis"
    _auto = False

    date = fields.Datetime(string="Day", readonly=True)
    cashier_id = fields.Many2one("res.users", readonly=True)
    shown_count = fields.Integer(string="Suggestions Shown", readonly=True)
    accepted_count = fields.Integer(string="Suggestions Accepted", readonly=True)
    revenue = fields.Float(string="Revenue of Accepted Lines", readonly=True)
    acceptance_rate = fields.Float(
        string="Acceptance Rate (%)", readonly=True, aggregator="avg"
    )

    def _read_group_select(self, aggregate_spec, query):
        """The acceptance rate of a group is its accepted over its shown, not
        the average of its rows' rates."""
        if aggregate_spec != "acceptance_rate:avg":
            return super()._read_group_select(aggregate_spec, query)
        return SQL(
            "ROUND(100.0 * SUM(%(accepted)s) / NULLIF(SUM(%(shown)s), 0), 2)",
            accepted=self._field_to_sql(self._table, "accepted_count", query),
            shown=self._field_to_sql(self._table, "shown_count", query),
        )

    def _select_sql(self):
        return SQL(
            """
            WITH results AS (
                SELECT o.id AS order_id, p.id AS product_id,
                       1 AS shown_count, 0 AS accepted_count, 0.0 AS revenue
                  FROM pos_order o
                 CROSS JOIN LATERAL jsonb_array_elements_text(
                           o.retail_suggestions_shown) AS shown(value)
                  JOIN product_product p ON p.id::text = shown.value
                 WHERE o.state IN ('paid', 'done')
                   AND jsonb_typeof(o.retail_suggestions_shown) = 'array'
                UNION ALL
                SELECT o.id, l.product_id, 0,
                       s.sign,
                       s.sign * l.price_subtotal_incl
                           / COALESCE(NULLIF(o.currency_rate, 0), 1.0)
                  FROM pos_order_line l
                  JOIN pos_order o ON o.id = l.order_id
                 CROSS JOIN LATERAL (
                       SELECT CASE WHEN o.is_refund THEN -1 ELSE 1 END AS sign) s
                 WHERE o.state IN ('paid', 'done') AND l.retail_suggested
            )
            SELECT ROW_NUMBER() OVER (
                       ORDER BY date_trunc('day', o.date_order), o.config_id,
                                o.user_id, r.product_id) AS id,
                   date_trunc('day', o.date_order) AS date,
                   r.product_id,
                   t.categ_id,
                   o.config_id,
                   c.crm_team_id,
                   o.user_id AS cashier_id,
                   o.company_id,
                   SUM(r.shown_count) AS shown_count,
                   SUM(r.accepted_count) AS accepted_count,
                   SUM(r.revenue) AS revenue,
                   ROUND(100.0 * SUM(r.accepted_count)
                         / NULLIF(SUM(r.shown_count), 0), 2) AS acceptance_rate
              FROM results r
              JOIN pos_order o ON o.id = r.order_id
              JOIN pos_config c ON c.id = o.config_id
              JOIN product_product p ON p.id = r.product_id
              JOIN product_template t ON t.id = p.product_tmpl_id
             GROUP BY date_trunc('day', o.date_order), r.product_id, t.categ_id,
                      o.config_id, c.crm_team_id, o.user_id, o.company_id
            """
        )

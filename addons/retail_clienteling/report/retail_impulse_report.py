# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class RetailImpulseReport(models.Model):
    """Impulse products: one row per line of a paid till basket of two lines
    or more (rewards and returns left out). A line is the basket's last when
    it was added last (the till sends the lines in the order they were
    added); a single extra is a last line of one unit. The products most
    often last, or a single extra, are the impulse buys."""

    _name = "retail.impulse.report"
    _inherit = ["retail.clienteling.report.mixin"]
    _description = "Impulse Products Analysis"
    _auto = False

    basket_count = fields.Integer(string="Baskets", readonly=True)
    last_line_count = fields.Integer(string="Last Line", readonly=True)
    single_extra_count = fields.Integer(string="Single Extra", readonly=True)
    last_line_rate = fields.Float(
        string="Last Line (%)", readonly=True, aggregator="avg"
    )
    revenue = fields.Float(string="Revenue (untaxed)", readonly=True)

    def _select_sql(self):
        return SQL(
            """
            WITH lines AS (
                SELECT l.id, l.order_id, l.product_id, l.qty, l.price_subtotal,
                       count(*) OVER (PARTITION BY l.order_id) AS basket_lines,
                       row_number() OVER (PARTITION BY l.order_id ORDER BY l.id DESC)
                           AS from_end
                  FROM pos_order_line l
                  JOIN pos_order o ON o.id = l.order_id
                 WHERE o.state IN ('paid', 'done') AND NOT o.is_refund
                   AND l.qty > 0 AND NOT COALESCE(l.is_reward_line, FALSE)
            )
            SELECT l.id AS id,
                   o.date_order AS date,
                   l.product_id,
                   t.categ_id,
                   o.config_id,
                   c.crm_team_id,
                   o.company_id,
                   1 AS basket_count,
                   (l.from_end = 1)::int AS last_line_count,
                   (l.from_end = 1 AND l.qty = 1)::int AS single_extra_count,
                   CASE WHEN l.from_end = 1 THEN 100.0 ELSE 0.0 END AS last_line_rate,
                   l.price_subtotal / COALESCE(NULLIF(o.currency_rate, 0), 1.0)
                       AS revenue
              FROM lines l
              JOIN pos_order o ON o.id = l.order_id
              JOIN pos_config c ON c.id = o.config_id
              JOIN product_product p ON p.id = l.product_id
              JOIN product_template t ON t.id = p.product_tmpl_id
             WHERE l.basket_lines >= 2
            """
        )

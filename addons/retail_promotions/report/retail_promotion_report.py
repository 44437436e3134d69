# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL

from ..models.loyalty_program_employee import POS_DONE_STATES

# Amount of a POS reward line (or of a refunded promotion share), taxes included,
# with the sign of quantity x unit price: the till stores the subtotals of refund
# orders with the sign of the refund, not of the line.
POS_SIGNED_AMOUNT = SQL("SIGN(pol.qty * pol.price_unit) * ABS(pol.price_subtotal_incl)")


class RetailPromotionReport(models.Model):
    """One row per order and promotion that gave it a reward (POS orders and
    confirmed sale orders), refunds included (negative): the discount given, the
    units of the promotion's product group in the order, and the order's revenue.
    Built on the reward lines (pos_order_line.reward_id and
    sale_order_line.reward_id, both indexed) and on the refunded promotion shares
    (pos_order_line.retail_refunded_reward_line_id, indexed)."""

    _name = "retail.promotion.report"
    _description = "Promotion Results"
    _auto = False
    _order = "date desc"

    date = fields.Datetime(string="Order Date", readonly=True)
    program_id = fields.Many2one("loyalty.program", string="Promotion", readonly=True)
    channel = fields.Selection(
        [("pos", "Point of Sale"), ("sale", "Sale Order")], readonly=True
    )
    pos_config_id = fields.Many2one("pos.config", string="Store", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    pos_order_id = fields.Many2one("pos.order", string="POS Order", readonly=True)
    sale_order_id = fields.Many2one("sale.order", readonly=True)
    is_refund = fields.Boolean(readonly=True)
    order_count = fields.Integer(string="Orders", readonly=True)
    units = fields.Float(string="Units of the Group", readonly=True)
    discount = fields.Float(string="Discount Given", readonly=True)
    revenue = fields.Float(readonly=True)
    basket = fields.Float(string="Average Basket", readonly=True, aggregator="avg")

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT ROW_NUMBER() OVER (ORDER BY r.date, r.channel, r.order_id,
                                      r.program_id) AS id,
                   r.*,
                   CASE WHEN r.is_refund THEN 0 ELSE 1 END AS order_count,
                   CASE WHEN r.is_refund THEN NULL ELSE r.revenue END AS basket
              FROM (%(pos)s UNION ALL %(sale)s) r
            """,
            pos=self._retail_pos_query(),
            sale=self._retail_sale_query(),
        )

    @api.model
    def _retail_pos_query(self):
        return SQL(
            """
            SELECT 'pos' AS channel, po.id AS order_id, po.id AS pos_order_id,
                   NULL::integer AS sale_order_id, po.date_order AS date,
                   rw.program_id, po.config_id AS pos_config_id,
                   NULL::integer AS team_id, po.company_id,
                   po.amount_total < 0 AS is_refund,
                   -SUM(%(signed_amount)s) AS discount,
                   (SELECT COALESCE(SUM(gl.qty), 0)
                      FROM pos_order_line gl
                      JOIN loyalty_program_retail_product_rel g
                        ON g.product_id = gl.product_id
                       AND g.program_id = rw.program_id
                     WHERE gl.order_id = po.id) AS units,
                   po.amount_total AS revenue
              FROM pos_order_line pol
              LEFT JOIN pos_order_line refunded
                ON refunded.id = pol.retail_refunded_reward_line_id
              JOIN loyalty_reward rw
                ON rw.id = COALESCE(pol.reward_id, refunded.reward_id)
              JOIN pos_order po ON po.id = pol.order_id
             WHERE (pol.reward_id IS NOT NULL
                    OR pol.retail_refunded_reward_line_id IS NOT NULL)
               AND po.state IN %(states)s
             GROUP BY po.id, rw.program_id
            """,
            states=POS_DONE_STATES,
            signed_amount=POS_SIGNED_AMOUNT,
        )

    @api.model
    def _retail_sale_query(self):
        return SQL(
            """
            SELECT 'sale' AS channel, so.id AS order_id, NULL::integer AS pos_order_id,
                   so.id AS sale_order_id, so.date_order AS date,
                   rw.program_id, NULL::integer AS pos_config_id,
                   so.team_id, so.company_id, FALSE AS is_refund,
                   -SUM(sol.price_total) AS discount,
                   (SELECT COALESCE(SUM(gl.product_uom_qty), 0)
                      FROM sale_order_line gl
                      JOIN loyalty_program_retail_product_rel g
                        ON g.product_id = gl.product_id
                       AND g.program_id = rw.program_id
                     WHERE gl.order_id = so.id) AS units,
                   so.amount_total AS revenue
              FROM sale_order_line sol
              JOIN loyalty_reward rw ON rw.id = sol.reward_id
              JOIN sale_order so ON so.id = sol.order_id
             WHERE sol.reward_id IS NOT NULL AND so.state = 'sale'
             GROUP BY so.id, rw.program_id
            """
        )

    @api.model
    def _retail_group_figures(self, programs, date_from, date_to):
        """Per (program, channel, store or sales team), over [date_from, date_to[:
        the orders that bought products of the program's group, whether the
        promotion applied or not (refunds subtract), the units of the group, the
        revenue of those orders, and the discount the program gave. Comparing
        two periods of the same stores this way shows what a promotion changed.

        :return: {(program, channel, store_id): {orders, units, revenue,
            discount, promoted}}
        """
        companies = self.env.companies.ids
        result = {}
        for channel, query in (
            ("pos", self._retail_pos_group_query),
            ("sale", self._retail_sale_group_query),
        ):
            rows = self.env.execute_query(
                query(programs.ids, date_from, date_to, companies)
            )
            for (
                program_id,
                store_id,
                orders,
                units,
                revenue,
                discount,
                promoted,
            ) in rows:
                result[
                    (self.env["loyalty.program"].browse(program_id), channel, store_id)
                ] = {
                    "orders": orders,
                    "units": units or 0.0,
                    "revenue": revenue or 0.0,
                    "discount": discount or 0.0,
                    "promoted": promoted,
                }
        return result

    @api.model
    def _retail_group_query(self, orders, discounts):
        """The figures per program and store from two sub-queries of one order
        source: ``orders`` (program_id, order_id, store_id, amount_total, units:
        the orders that bought the program's group) and ``discounts`` (order_id,
        program_id, discount). A refund (negative total) is not an order."""
        return SQL(
            """
            WITH orders AS (%s), discounts AS (%s)
            SELECT o.program_id, o.store_id,
                   COUNT(*) FILTER (WHERE o.amount_total >= 0),
                   SUM(o.units), SUM(o.amount_total), SUM(d.discount),
                   COUNT(d.order_id) FILTER (WHERE o.amount_total >= 0)
              FROM orders o
              LEFT JOIN discounts d
                ON d.order_id = o.order_id AND d.program_id = o.program_id
             GROUP BY o.program_id, o.store_id
            """,
            orders,
            discounts,
        )

    @api.model
    def _retail_pos_group_query(self, program_ids, date_from, date_to, company_ids):
        orders = SQL(
            """
            SELECT g.program_id, po.id AS order_id, po.config_id AS store_id,
                   po.amount_total, SUM(pol.qty) AS units
              FROM pos_order po
              JOIN pos_order_line pol ON pol.order_id = po.id
              JOIN loyalty_program_retail_product_rel g
                ON g.product_id = pol.product_id
             WHERE g.program_id = ANY(%(programs)s)
               AND po.state IN %(states)s
               AND po.company_id = ANY(%(companies)s)
               AND po.date_order >= %(start)s AND po.date_order < %(end)s
             GROUP BY g.program_id, po.id
            """,
            programs=program_ids,
            states=POS_DONE_STATES,
            companies=company_ids,
            start=date_from,
            end=date_to,
        )
        discounts = SQL(
            """
            SELECT pol.order_id, rw.program_id, -SUM(%(signed_amount)s) AS discount
              FROM pos_order_line pol
              LEFT JOIN pos_order_line refunded
                ON refunded.id = pol.retail_refunded_reward_line_id
              JOIN loyalty_reward rw
                ON rw.id = COALESCE(pol.reward_id, refunded.reward_id)
             WHERE pol.order_id IN (SELECT order_id FROM orders)
             GROUP BY pol.order_id, rw.program_id
            """,
            signed_amount=POS_SIGNED_AMOUNT,
        )
        return self._retail_group_query(orders, discounts)

    @api.model
    def _retail_sale_group_query(self, program_ids, date_from, date_to, company_ids):
        orders = SQL(
            """
            SELECT g.program_id, so.id AS order_id, so.team_id AS store_id,
                   so.amount_total, SUM(sol.product_uom_qty) AS units
              FROM sale_order so
              JOIN sale_order_line sol ON sol.order_id = so.id
              JOIN loyalty_program_retail_product_rel g
                ON g.product_id = sol.product_id
             WHERE g.program_id = ANY(%(programs)s)
               AND so.state = 'sale'
               AND so.company_id = ANY(%(companies)s)
               AND so.date_order >= %(start)s AND so.date_order < %(end)s
             GROUP BY g.program_id, so.id
            """,
            programs=program_ids,
            companies=company_ids,
            start=date_from,
            end=date_to,
        )
        discounts = SQL(
            """
            SELECT sol.order_id, rw.program_id, -SUM(sol.price_total) AS discount
              FROM sale_order_line sol
              JOIN loyalty_reward rw ON rw.id = sol.reward_id
             WHERE sol.order_id IN (SELECT order_id FROM orders)
             GROUP BY sol.order_id, rw.program_id
            """
        )
        return self._retail_group_query(orders, discounts)

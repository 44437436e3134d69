# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PosOrder(models.Model):
    _inherit = "pos.order"

    retail_channel_id = fields.Many2one(
        "retail.channel",
        string="Channel",
        compute="_compute_retail_channel_id",
        store=True,
        index="btree_not_null",
    )
    retail_kpi_done = fields.Boolean(
        copy=False,
        readonly=True,
        help="Technical: this order is counted in its customer's purchase KPIs.",
    )

    @api.depends("config_id.retail_channel_id")
    def _compute_retail_channel_id(self):
        for order in self:
            order.retail_channel_id = order.retail_channel_id or (
                order.config_id.retail_channel_id
            )

    def action_pos_order_paid(self):
        res = super().action_pos_order_paid()
        self._retail_kpi_count()
        return res

    def write(self, vals):
        res = super().write(vals)
        if vals.get("state") == "cancel":
            self._retail_kpi_uncount()
        return res

    def _retail_kpi_count(self):
        """Add paid orders to their customers' KPIs, once (an order synced twice
        is counted once)."""
        orders = self.filtered(
            lambda o: o.partner_id and not o.retail_kpi_done and o.state != "cancel"
        )
        if orders:
            self.env["res.partner"]._retail_kpi_apply(orders._retail_kpi_facts(), 1)
            orders.retail_kpi_done = True

    def _retail_kpi_uncount(self):
        orders = self.filtered("retail_kpi_done")
        if orders:
            orders.retail_kpi_done = False
            self.env["res.partner"]._retail_kpi_apply(orders._retail_kpi_facts(), -1)

    def _retail_kpi_facts(self):
        """Facts for res.partner._retail_kpi_apply, in company currency."""
        facts = []
        for order in self:
            company = order.company_id
            rate = order.currency_rate or 1.0
            categories = {}
            for line in order.lines:
                categ = line.product_id.categ_id.id
                if categ:
                    categories[categ] = (
                        categories.get(categ, 0.0) + line.price_subtotal_incl / rate
                    )
            facts.append(
                {
                    "partner_id": order.partner_id.commercial_partner_id.id,
                    "date": order.date_order,
                    "amount": company.currency_id.round(order.amount_total / rate),
                    "count": 0 if order.is_refund or order.amount_total < 0 else 1,
                    "channel_id": order.retail_channel_id.id,
                    "store_id": order.config_id.id,
                    "categories": categories,
                }
            )
        return facts

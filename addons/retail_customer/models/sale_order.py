# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    retail_channel_id = fields.Many2one(
        "retail.channel",
        string="Channel",
        compute="_compute_retail_channel_id",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
        help="Channel of the order: from the sales team, or chosen here.",
    )
    retail_kpi_done = fields.Boolean(
        copy=False,
        readonly=True,
        help="Technical: this order is counted in its customer's purchase KPIs.",
    )

    @api.depends("team_id")
    def _compute_retail_channel_id(self):
        for order in self:
            order.retail_channel_id = (
                order.team_id.retail_channel_id
                or order.retail_channel_id
                or self.env.ref(
                    "retail_customer.retail_channel_wholesale", raise_if_not_found=False
                )
            )

    def action_confirm(self):
        res = super().action_confirm()
        self._retail_kpi_count()
        return res

    def _action_cancel(self):
        res = super()._action_cancel()
        self._retail_kpi_uncount()
        return res

    def _retail_kpi_count(self):
        orders = self.filtered(
            lambda o: o.state == "sale" and not o.retail_kpi_done and o.partner_id
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

            def to_company(amount, order=order, company=company):
                return order.currency_id._convert(
                    amount, company.currency_id, company, order.date_order
                )

            categories = {}
            for line in order.order_line.filtered(lambda ln: not ln.display_type):
                categ = line.product_id.categ_id.id
                if categ:
                    categories[categ] = categories.get(categ, 0.0) + to_company(
                        line.price_total
                    )
            facts.append(
                {
                    "partner_id": order.partner_id.commercial_partner_id.id,
                    "date": order.date_order,
                    "amount": to_company(order.amount_total),
                    "count": 1,
                    "channel_id": order.retail_channel_id.id,
                    "store_id": False,
                    "categories": categories,
                }
            )
        return facts

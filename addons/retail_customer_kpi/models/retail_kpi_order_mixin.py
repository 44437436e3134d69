# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RetailKpiOrderMixin(models.AbstractModel):
    """Counting of orders (POS and sale) in their customers' purchase KPIs.

    An order is added once (an order synced or confirmed twice counts once) and
    taken out when cancelled. Each model says which of its orders count
    (`_retail_kpi_countable`) and gives the facts of one order
    (`_retail_kpi_fact`)."""

    _name = "retail.kpi.order.mixin"
    _description = "Orders counted in the customers' purchase KPIs"

    retail_kpi_done = fields.Boolean(
        copy=False,
        readonly=True,
        help="Technical: this order is counted in its customer's purchase KPIs.",
    )

    def _retail_kpi_countable(self):
        """The orders of self that may be counted now (not yet counted)."""
        return self.filtered(lambda o: o.partner_id and not o.retail_kpi_done)

    def _retail_kpi_fact(self):
        """Facts of one order for res.partner._retail_kpi_apply, in company
        currency: partner_id, date, amount, count, channel_id, store_id,
        categories ({category id: amount})."""
        raise NotImplementedError()

    def _retail_kpi_count(self):
        orders = self._retail_kpi_countable()
        if orders:
            self.env["res.partner"]._retail_kpi_apply(orders._retail_kpi_facts(), 1)
            orders.retail_kpi_done = True

    def _retail_kpi_uncount(self):
        orders = self.filtered("retail_kpi_done")
        if orders:
            orders.retail_kpi_done = False
            self.env["res.partner"]._retail_kpi_apply(orders._retail_kpi_facts(), -1)

    def _retail_kpi_facts(self):
        return [order._retail_kpi_fact() for order in self]

    def _retail_kpi_categories(self, line_amounts):
        """Amounts per product category of (line, amount) pairs."""
        categories = {}
        for line, amount in line_amounts:
            categ = line.product_id.categ_id.id
            if categ:
                categories[categ] = categories.get(categ, 0.0) + amount
        return categories

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RetailCustomerSegmentReport(models.Model):
    """One row per (customer, segment): customers and KPIs by segment. A
    customer in two segments counts in both."""

    _name = "retail.customer.segment.report"
    _inherit = "retail.customer.report"
    _description = "Customer Statistics by Segment"
    _auto = False

    segment_id = fields.Many2one("retail.segment", readonly=True)

    def _select_sql(self):
        return self._retail_per_segment_sql(
            "retail.customer.report", super()._select_sql()
        )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class RetailCustomerSegmentReport(models.Model):
    """One row per (customer, segment): customers and KPIs by segment. A
    customer in two segments counts in both."""

    _name = "retail.customer.segment.report"
    _inherit = "retail.customer.report"
    _description = "Customer Statistics by Segment"
    _auto = False

    segment_id = fields.Many2one("retail.segment", readonly=True)

    def _select_sql(self):
        columns = [
            name
            for name, field in self.env["retail.customer.report"]._fields.items()
            if field.store and name != "id"
        ]
        return SQL(
            """
            SELECT r.id::bigint * 1000000 + s.segment_id AS id, %s, s.segment_id
              FROM (%s) r
              JOIN retail_segment_partner_rel s ON s.partner_id = r.partner_id
            """,
            SQL(", ").join(SQL("r.%s", SQL.identifier(name)) for name in columns),
            super()._select_sql(),
        )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

# (field name, header) of the purchase KPIs in the marketing export.
KPI_EXPORT_COLUMNS = [
    ("retail_first_purchase_date", "First purchase"),
    ("retail_last_purchase_date", "Last purchase"),
    ("retail_purchase_count", "Purchases"),
    ("retail_total_spent", "Total spent"),
    ("retail_average_basket", "Average basket"),
    ("retail_favorite_category_id", "Favourite category"),
    ("retail_preferred_store_id", "Preferred store"),
]


class RetailCustomerExport(models.TransientModel):
    _inherit = "retail.customer.export"

    @api.model
    def _retail_export_columns(self):
        return super()._retail_export_columns() + KPI_EXPORT_COLUMNS

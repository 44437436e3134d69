# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def _retail_amount(self, field="price_total"):
        """The sum of the lines' ``field`` (``price_total`` or
        ``price_subtotal``): a sale order line is stored with its own sign, as
        ``pos.order.line._retail_amount`` reads a till line, so code reading
        either kind of line calls the same method."""
        return sum(self.mapped(field))

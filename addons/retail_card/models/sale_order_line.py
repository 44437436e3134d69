# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from ..trusted import trusted_flow


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def unlink(self):
        """sale_loyalty gives the points of a confirmed order's reward lines back
        to their cards when the lines are removed (the discount goes with
        them): a trusted flow. Creating or changing reward lines moves points
        only inside the order's own flows (confirmation, reward application,
        promotion update), never from a direct write."""
        with trusted_flow("sale.order.line.unlink"):
            return super().unlink()

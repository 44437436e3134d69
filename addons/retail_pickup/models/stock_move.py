# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class StockMove(models.Model):
    _inherit = "stock.move"

    def write(self, vals):
        res = super().write(vals)
        if vals.get("state") in ("assigned", "partially_available"):
            # sudo: the ready message is the system's, whoever made the goods
            # ready (a warehouse worker, the scheduler) and whatever they may read
            orders = self.sudo().sale_line_id.order_id
            orders.filtered("retail_pickup_warehouse_id")._retail_pickup_check_ready()
        return res

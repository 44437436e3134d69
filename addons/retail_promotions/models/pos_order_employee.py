# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class PosOrder(models.Model):
    _inherit = "pos.order"

    @api.model
    def _process_order(self, order, existing_order):
        """Employee discounts synchronised from a till are checked against what
        is left of the employee's ceiling for the month (the till computes the
        discount from an allowance it asked before: another till may have used
        it since)."""
        order_id = super()._process_order(order, existing_order)
        if order.get("state") != "draft":
            pos_order = self.browse(order_id)
            lines = pos_order.lines.filtered(
                lambda line: line.reward_id.program_id.retail_promotion_type
                == "employee"
            )
            self.env["loyalty.program"]._retail_check_employee_ceilings(
                pos_order, lines
            )
        return order_id

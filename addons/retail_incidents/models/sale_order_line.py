# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def write(self, vals):
        substituted = self.browse()
        if "product_id" in vals:
            substituted = self.filtered(
                lambda line: line.state == "sale"
                and not line.display_type
                and line.product_id.id != vals["product_id"]
            )
        before = substituted._retail_values_by_order(lambda line: line.product_id)
        result = super().write(vals)
        if substituted:
            after = substituted._retail_values_by_order(
                lambda line: line.product_id, keys=before
            )
            orders = substituted.order_id
            self.env["retail.incident"]._retail_raise_incident(
                "sale_line_product",
                orders,
                [before[order] for order in orders],
                [after[order] for order in orders],
            )
        return result

    def _update_line_quantity(self, values):
        new_qty = values["product_uom_qty"]
        reduced = self.filtered(
            lambda line: line.product_uom_id.compare(new_qty, line.product_uom_qty) < 0
        )
        before = reduced._retail_values_by_order(lambda line: line.product_uom_qty)
        result = super()._update_line_quantity(values)
        event = "sale_line_cancel" if not new_qty else "sale_line_qty"
        orders = reduced.order_id
        self.env["retail.incident"]._retail_raise_incident(
            event,
            orders,
            [before[order] for order in orders],
            [dict.fromkeys(before[order], new_qty) for order in orders],
        )
        return result

    def _retail_values_by_order(self, value, keys=None):
        """{order: {line key: value(line)}} for before/after values.

        ``keys`` (a previous result) keeps the line keys of the "before" values
        when the product, and so the readable key, has changed.
        """
        result = {}
        for order in self.order_id:
            lines = self.filtered(lambda line, order=order: line.order_id == order)
            seen = set()
            old_keys = list(keys[order]) if keys else []
            values = {}
            for index, line in enumerate(lines):
                key = old_keys[index] if keys else order._retail_line_key(line, seen)
                val = value(line)
                values[key] = val.display_name if hasattr(val, "display_name") else val
            result[order] = values
        return result

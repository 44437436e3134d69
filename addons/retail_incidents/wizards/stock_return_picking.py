# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class StockReturnPicking(models.TransientModel):
    _inherit = "stock.return.picking"

    def _create_return(self):
        new_picking = super()._create_return()
        origin = self.picking_id
        if origin.picking_type_code != "outgoing":
            return new_picking
        seen = set()
        before, after = {}, {}
        for move in new_picking.move_ids:
            key = origin._retail_line_key(move, seen)
            delivered = sum(
                origin.move_ids.filtered(
                    lambda m, move=move: m.product_id == move.product_id
                ).mapped("quantity")
            )
            before[key] = delivered
            after[key] = delivered - move.product_uom_qty
        self.env["retail.incident"]._retail_raise_incident(
            "delivery_return",
            new_picking,
            [before],
            [after],
            related=[(origin, origin.sale_id)],
        )
        return new_picking

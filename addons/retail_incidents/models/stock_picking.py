# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StockPicking(models.Model):
    _name = "stock.picking"
    _inherit = ["stock.picking", "retail.incident.linked.mixin"]

    retail_incident_ids = fields.Many2many(
        "retail.incident",
        relation="retail_incident_stock_picking_rel",
        column1="picking_id",
        column2="incident_id",
        string="Incidents",
        copy=False,
    )

    def _action_done(self):
        """Deliveries validated with less than ordered, with or without backorder.

        Hooked here rather than in ``_create_backorder`` so that both answers of
        the backorder wizard (create one, or cancel the rest) are seen.
        """
        short = {}
        deliveries = self.filtered(
            lambda p: p.picking_type_code == "outgoing"
            and p.location_dest_id.usage == "customer"
        )
        for picking in deliveries:
            seen = set()
            before, after = {}, {}
            for move in picking.move_ids.filtered(lambda m: m.state != "cancel"):
                if move.product_uom.compare(move.quantity, move.product_uom_qty) < 0:
                    key = picking._retail_line_key(move, seen)
                    before[key] = move.product_uom_qty
                    after[key] = move.quantity
            if before:
                short[picking] = (before, after)
        result = super()._action_done()
        if short:
            pickings = self.browse([picking.id for picking in short])
            with_backorder = {p: bool(p.backorder_ids) for p in pickings}
            self.env["retail.incident"]._retail_raise_incident(
                "delivery_short",
                pickings,
                [short[p][0] for p in pickings],
                [{**short[p][1], "backorder": with_backorder[p]} for p in pickings],
                related=[p.sale_id for p in pickings],
            )
        return result

    def _retail_incident_place(self):
        return {"warehouse_id": self.picking_type_id.warehouse_id.id}

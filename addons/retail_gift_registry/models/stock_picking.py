# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import groupby


class StockPicking(models.Model):
    _inherit = "stock.picking"

    retail_gift_registry_id = fields.Many2one(
        "retail.gift.registry",
        string="Gift List",
        index="btree_not_null",
        readonly=True,
        copy=True,
        help="The gift list whose kept gifts this transfer delivers to the owners.",
    )
    retail_gift_registry_held = fields.Boolean(
        string="Held for the Gift List",
        readonly=True,
        copy=False,
        help="Kept gifts wait in store (reserved) until the list closes or the "
        "owners ask for them (Deliver Now on the list): the transfer cannot be "
        "validated before.",
    )

    def button_validate(self):
        held = self.filtered("retail_gift_registry_held")
        if held:
            raise UserError(
                self.env._(
                    "%(pickings)s hold gifts kept for the owners of gift list "
                    "%(lists)s: they leave when the list closes or when the owners "
                    "ask (Deliver Now on the list).",
                    pickings=", ".join(held.mapped("name")),
                    lists=", ".join(held.retail_gift_registry_id.mapped("name")),
                )
            )
        return super().button_validate()

    def _action_done(self):
        res = super()._action_done()
        self.retail_gift_registry_id._gift_registry_update_delivered()
        return res

    # ------------------------------------------------------------------
    # Point of sale: kept gifts leave the till's own picking
    # ------------------------------------------------------------------

    @api.model
    def _create_picking_from_pos_order_lines(
        self, location_dest_id, lines, picking_type, partner=False
    ):
        """Gifts kept for the owners are not handed over: instead of the till's
        picking (validated at once), they go into a held delivery to the list's
        address. A refund of a kept gift not delivered yet reduces that delivery
        instead of bringing goods back that never left."""
        kept = lines.filtered(
            lambda line: line.retail_gift_registry_keep
            and line.retail_gift_registry_id
            and line.product_id.type == "consu"
            and line.qty > 0
        )
        unheld = self.env["stock.move"]._retail_gift_registry_unhold_pos_refunds(
            lines.filtered(
                lambda line: line.qty < 0
                and line.refunded_orderline_id.retail_gift_registry_keep
            )
        )
        pickings = super()._create_picking_from_pos_order_lines(
            location_dest_id, lines - kept - unheld, picking_type, partner=partner
        )
        if kept:
            self._retail_gift_registry_hold_pos_lines(kept, picking_type)
        return pickings

    @api.model
    def _retail_gift_registry_hold_pos_lines(self, lines, picking_type):
        """One held delivery per till order and list, its moves reserved."""
        Move = self.env["stock.move"]
        out_type = picking_type.warehouse_id.out_type_id or picking_type
        held = self.browse()
        for (order, registry), group in groupby(
            lines, key=lambda line: (line.order_id, line.retail_gift_registry_id)
        ):
            group = lines.browse().concat(*group)
            picking = self.create(
                registry._gift_registry_picking_vals(
                    out_type,
                    origin=f"{order.name} - {registry.name}",
                    pos_order_id=order.id,
                    pos_session_id=order.session_id.id,
                )
            )
            Move.create(
                [
                    {
                        **picking._prepare_stock_move_vals(line, line),
                        "partner_id": picking.partner_id.id,
                        "origin": picking.origin,
                        "date": picking.scheduled_date,
                        "retail_gift_registry_id": registry.id,
                        "retail_gift_registry_item_id": (
                            line.retail_gift_registry_item_id.id
                        ),
                        "retail_gift_registry_pos_line_id": line.id,
                    }
                    for line in group
                ]
            )._action_confirm()
            held |= picking
        held.action_assign()
        return held

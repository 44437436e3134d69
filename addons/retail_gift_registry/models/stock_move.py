# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import float_compare, float_is_zero


class StockMove(models.Model):
    _inherit = "stock.move"

    retail_gift_registry_id = fields.Many2one(
        "retail.gift.registry",
        string="Kept for Gift List",
        index="btree_not_null",
        readonly=True,
        help="Set on the moves of gifts kept for the owners of the list.",
    )
    retail_gift_registry_item_id = fields.Many2one(
        "retail.gift.registry.item",
        string="Gift List Item",
        index="btree_not_null",
        readonly=True,
    )
    retail_gift_registry_pos_line_id = fields.Many2one(
        "pos.order.line",
        string="Till Order Line",
        index="btree_not_null",
        readonly=True,
    )

    def _action_done(self, cancel_backorder=False):
        returns = self.filtered(
            lambda move: move.origin_returned_move_id and move.sale_line_id
        )
        if returns:
            returns.sale_line_id.retail_gift_registry_id._ensure_refundable()
        return super()._action_done(cancel_backorder=cancel_backorder)

    def _key_assign_picking(self):
        # kept gifts never share a transfer with what the customer takes
        return super()._key_assign_picking() + (self.retail_gift_registry_id,)

    def _search_picking_for_assignation_domain(self):
        return super()._search_picking_for_assignation_domain() + [
            ("retail_gift_registry_id", "=", self.retail_gift_registry_id.id)
        ]

    def _get_new_picking_values(self):
        vals = super()._get_new_picking_values()
        registry = self.retail_gift_registry_id[:1]
        if registry:
            vals.update(
                retail_gift_registry_id=registry.id,
                retail_gift_registry_held=registry.state == "open",
            )
        return vals

    def _retail_gift_registry_unhold_pos_refunds(self, refund_lines):
        """Reduce the held moves of the refunded till lines by the refunded
        quantities; return the refund lines settled that way (the others,
        whose gift already left, get the till's native return)."""
        moves = self.search(
            [
                (
                    "retail_gift_registry_pos_line_id",
                    "in",
                    refund_lines.refunded_orderline_id.ids,
                ),
                ("state", "not in", ("done", "cancel")),
            ]
        )
        by_line = {move.retail_gift_registry_pos_line_id: move for move in moves}
        unheld = refund_lines.browse()
        for line in refund_lines:
            move = by_line.get(line.refunded_orderline_id)
            rounding = line.product_id.uom_id.rounding
            if (
                not move
                or float_compare(
                    -line.qty, move.product_uom_qty, precision_rounding=rounding
                )
                > 0
            ):
                continue
            left = move.product_uom_qty + line.qty
            if float_is_zero(left, precision_rounding=rounding):
                move._action_cancel()
            else:
                move._do_unreserve()
                move.product_uom_qty = left
                move._action_assign()
            unheld |= line
        return unheld

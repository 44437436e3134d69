# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare

REGISTRY_FIELDS = (
    "retail_gift_registry_id",
    "retail_gift_registry_item_id",
    "product_id",
)
# What a confirmed line of a list was counted from (the list's purchases, its
# contributions and the owners' settlement): fixed once the order is confirmed;
# a correction cancels the order and confirms a corrected one.
CONFIRMED_FIELDS = frozenset(
    {
        "product_id",
        "product_uom_id",
        "product_uom_qty",
        "price_unit",
        "discount",
        "tax_ids",
        "retail_gift_registry_id",
        "retail_gift_registry_item_id",
        "retail_gift_registry_keep",
    }
)
# Recorded by the server only (allocation at confirmation, returns, credit notes).
SERVER_FIELDS = frozenset(
    {"retail_gift_registry_surplus_qty", "retail_gift_registry_qty_back"}
)


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    retail_gift_registry_id = fields.Many2one(
        "retail.gift.registry",
        string="Gift List",
        index="btree_not_null",
        check_company=True,
        compute="_compute_retail_gift_registry_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    retail_gift_registry_item_id = fields.Many2one(
        "retail.gift.registry.item",
        string="Gift List Item",
        index="btree_not_null",
        check_company=True,
        domain="[('registry_id', '=', retail_gift_registry_id)]",
    )
    retail_gift_registry_guest = fields.Char(string="Guest Name")
    retail_gift_registry_message = fields.Text(string="Guest Message")
    retail_gift_registry_keep = fields.Boolean(
        string="Kept for the Owners",
        compute="_compute_retail_gift_registry_keep",
        store=True,
        readonly=False,
        precompute=True,
    )
    retail_gift_registry_surplus_qty = fields.Float(
        string="Bought Beyond the List",
        readonly=True,
        copy=False,
        digits="Product Unit",
    )
    # what came back of a line: the net quantity bought for a list (read by the
    # purchases view)
    retail_gift_registry_qty_back = fields.Float(
        string="Returned or Credited for the List",
        compute="_compute_retail_gift_registry_qty_back",
        store=True,
        digits="Product Unit",
        help="Units of a gift list line that came back: the larger of the "
        "returned goods and the posted credit notes. Stored when they happen, so "
        "that the bought quantities of a list are one grouped read.",
    )

    @api.depends("order_id.retail_gift_registry_id")
    def _compute_retail_gift_registry_id(self):
        for line in self:
            if not line.retail_gift_registry_id and not line.display_type:
                line.retail_gift_registry_id = line.order_id.retail_gift_registry_id

    @api.depends("retail_gift_registry_id")
    def _compute_retail_gift_registry_keep(self):
        for line in self:
            line.retail_gift_registry_keep = (
                line.retail_gift_registry_id.gift_mode == "keep"
            )

    @api.depends(
        "retail_gift_registry_id",
        "move_ids.state",
        "move_ids.quantity",
        "move_ids.origin_returned_move_id",
        "move_ids.to_refund",
        "invoice_lines.quantity",
        "invoice_lines.move_id.state",
        "invoice_lines.move_id.move_type",
    )
    def _compute_retail_gift_registry_qty_back(self):
        """Set-based: one grouped read of the returns and one of the credit
        notes of every list line in ``self``."""
        lines = self.filtered("retail_gift_registry_id")._origin
        # sudo: a stored quantity must not depend on who confirms, returns or
        # credits (a salesperson may not read deliveries or credit notes); only
        # sums of the lines' own moves come out
        returned = dict(
            self.env["stock.move"]
            .sudo()
            ._read_group(
                [
                    ("sale_line_id", "in", lines.ids),
                    ("state", "=", "done"),
                    ("origin_returned_move_id", "!=", False),
                    ("to_refund", "=", True),
                ],
                ["sale_line_id"],
                ["quantity:sum"],
            )
        )
        credited = dict(
            self.env["account.move.line"]
            .sudo()
            ._read_group(
                [
                    ("sale_line_ids", "in", lines.ids),
                    ("move_id.move_type", "=", "out_refund"),
                    ("move_id.state", "=", "posted"),
                ],
                ["sale_line_ids"],
                ["quantity:sum"],
            )
        )
        for line in self:
            line.retail_gift_registry_qty_back = max(
                returned.get(line._origin, 0.0), credited.get(line._origin, 0.0)
            )

    @api.constrains(*REGISTRY_FIELDS)
    def _check_retail_gift_registry_item(self):
        for line in self.filtered("retail_gift_registry_id"):
            item = line.retail_gift_registry_item_id
            if item and item.registry_id != line.retail_gift_registry_id:
                raise ValidationError(
                    self.env._(
                        "Item %(item)s is not on gift list %(name)s.",
                        item=item.display_name,
                        name=line.retail_gift_registry_id.name,
                    )
                )
            contribution = line.product_id.retail_gift_registry_contribution
            if item and not contribution and item.product_id != line.product_id:
                raise ValidationError(
                    self.env._(
                        "The line sells %(product)s but the list item is "
                        "%(item)s: choose the item's product or a contribution.",
                        product=line.product_id.display_name,
                        item=item.product_id.display_name,
                    )
                )

    @api.onchange("retail_gift_registry_item_id")
    def _onchange_retail_gift_registry_item_id(self):
        if (
            self.retail_gift_registry_item_id
            and not self.product_id.retail_gift_registry_contribution
        ):
            self.product_id = self.retail_gift_registry_item_id.product_id

    @api.onchange("product_uom_qty", "retail_gift_registry_item_id")
    def _onchange_retail_gift_registry_overbuy(self):
        item = self.retail_gift_registry_item_id
        if not item or self.product_id.retail_gift_registry_contribution:
            return None
        if float_compare(self.product_uom_qty, item.qty_remaining, 6) > 0:
            return {
                "warning": {
                    "title": self.env._("More than the list wants"),
                    "message": self.env._(
                        "%(remaining)s of %(product)s remain on list %(name)s; the "
                        "units beyond will be recorded as surplus.",
                        remaining=f"{item.qty_remaining:g}",
                        product=item.product_id.display_name,
                        name=item.registry_id.name,
                    ),
                }
            }
        return None

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._retail_gift_registry_link_items()
        lines._retail_gift_registry_ensure_linkable()
        return lines

    def write(self, vals):
        self._retail_gift_registry_ensure_write(vals)
        res = super().write(vals)
        if any(name in vals for name in REGISTRY_FIELDS):
            self._retail_gift_registry_link_items()
            self._retail_gift_registry_ensure_linkable()
        return res

    def _retail_gift_registry_ensure_write(self, vals):
        """Users cannot rewrite what a confirmed line of a list was counted
        from, nor what only the server records."""
        if self.env.su or not self:
            return
        server = SERVER_FIELDS & set(vals)
        if server:
            raise AccessError(
                self.env._(
                    "What a gift list line counts is recorded by the system: "
                    "%(fields)s.",
                    fields=", ".join(sorted(server)),
                )
            )
        changed = CONFIRMED_FIELDS & set(vals)
        if not changed:
            return
        counted = self.filtered(
            lambda line: line.order_id.state == "sale"
            and (line.retail_gift_registry_id or vals.get("retail_gift_registry_id"))
        )
        if counted:
            raise UserError(
                self.env._(
                    "Order %(orders)s counts for a gift list: its lines cannot "
                    "be changed (%(fields)s). Cancel the order and confirm a "
                    "corrected one.",
                    orders=", ".join(counted.order_id.mapped("name")),
                    fields=", ".join(sorted(changed)),
                )
            )

    def _retail_gift_registry_link_items(self):
        """Lines of a list without an item get the list's item of their product
        (a salesperson may just pick the product)."""
        lines = self.filtered(
            lambda line: line.retail_gift_registry_id
            and not line.retail_gift_registry_item_id
            and line.product_id
            and not line.product_id.retail_gift_registry_contribution
        )
        items = {
            (item.registry_id.id, item.product_id.id): item
            for item in lines.retail_gift_registry_id.item_ids
        }
        for line in lines:
            item = items.get((line.retail_gift_registry_id.id, line.product_id.id))
            if item:
                line.retail_gift_registry_item_id = item

    def _retail_gift_registry_ensure_linkable(self):
        """A line is linked only to an open list."""
        self.filtered(
            "retail_gift_registry_id"
        ).retail_gift_registry_id._ensure_sellable()

    def _prepare_procurement_values(self):
        """Gifts kept for the owners go to the list's delivery address at its
        preferred date, in a held transfer of their own."""
        values = super()._prepare_procurement_values()
        registry = self.retail_gift_registry_id
        if self.retail_gift_registry_keep and registry:
            values.update(registry._gift_registry_procurement_values())
            values["retail_gift_registry_item_id"] = (
                self.retail_gift_registry_item_id.id
            )
        return values

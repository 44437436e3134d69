# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command


class SaleOrder(models.Model):
    _inherit = "sale.order"

    retail_gift_registry_id = fields.Many2one(
        "retail.gift.registry",
        string="Gift List",
        index="btree_not_null",
        check_company=True,
        domain="[('state', '=', 'open')]",
        help="The gift list this order buys for (phone and online orders); its "
        "lines keep the link to the list's items.",
    )
    retail_gift_registry_guest = fields.Char(
        string="Guest Name", help="Who gives the gifts, as the owners will read it."
    )
    retail_gift_registry_message = fields.Text(string="Guest Message")

    def write(self, vals):
        if (
            "retail_gift_registry_id" in vals
            and not self.env.su
            and any(
                order.state == "sale"
                and order.retail_gift_registry_id.id
                != (vals["retail_gift_registry_id"] or False)
                for order in self
            )
        ):
            raise UserError(
                self.env._(
                    "The gift list of a confirmed order cannot change: cancel the "
                    "order and confirm a corrected one."
                )
            )
        return super().write(vals)

    @api.onchange("retail_gift_registry_id")
    def _onchange_retail_gift_registry_id(self):
        registry = self.retail_gift_registry_id
        if registry and registry.gift_mode == "keep":
            self.partner_shipping_id = registry.delivery_partner_id or registry.owner_id
            if registry.delivery_date:
                self.commitment_date = fields.Datetime.to_datetime(
                    registry.delivery_date
                )

    def action_retail_gift_registry_add_remaining(self):
        """Add a line for every item of the list that is not fully bought."""
        for order in self:
            if not order.retail_gift_registry_id:
                raise UserError(self.env._("Choose the gift list of the order first."))
            order._retail_gift_registry_add_remaining(order.retail_gift_registry_id)
        return True

    def _retail_gift_registry_add_remaining(self, registry):
        self.ensure_one()
        registry._ensure_sellable()
        if self.state not in ("draft", "sent"):
            raise UserError(
                self.env._(
                    "Items can be added to quotations only, not to %(name)s.",
                    name=self.name,
                )
            )
        on_order = self.order_line.retail_gift_registry_item_id
        items = registry.item_ids.filtered(
            lambda item: item.qty_remaining > 0 and item not in on_order
        )
        if not items:
            raise UserError(
                self.env._(
                    "Every item of list %(name)s is bought or already on the order.",
                    name=registry.name,
                )
            )
        self.write(
            {
                "order_line": [
                    Command.create(
                        {
                            "product_id": item.product_id.id,
                            "product_uom_qty": item.qty_remaining,
                            "retail_gift_registry_id": registry.id,
                            "retail_gift_registry_item_id": item.id,
                        }
                    )
                    for item in items
                ]
            }
        )
        return items

    def _retail_gift_registry_lines(self):
        return self.order_line.filtered("retail_gift_registry_id")

    def _action_confirm(self):
        lines = self._retail_gift_registry_lines()
        lines.retail_gift_registry_id._ensure_sellable()
        res = super()._action_confirm()
        if lines:
            self.env["retail.gift.registry.item"]._allocate(lines, "product_uom_qty")
        return res

    def _action_cancel(self):
        self.filtered(
            lambda o: o.state == "sale"
        )._retail_gift_registry_lines().retail_gift_registry_id._ensure_refundable()
        res = super()._action_cancel()
        lines = self._retail_gift_registry_lines().filtered(
            "retail_gift_registry_surplus_qty"
        )
        # sudo: the surplus is the server's record, frozen for users; a
        # cancelled order no longer carries any
        lines.sudo().write({"retail_gift_registry_surplus_qty": 0.0})
        return res

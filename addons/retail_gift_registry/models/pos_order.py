# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError


class PosOrder(models.Model):
    _inherit = "pos.order"

    @api.model
    def _process_order(self, order, existing_order):
        order_id = super()._process_order(order, existing_order)
        pos_order = self.browse(order_id)
        if pos_order.state in ("paid", "done"):
            pos_order._retail_gift_registry_process_lines()
        return order_id

    def _retail_gift_registry_process_lines(self):
        """At sync of a paid order: refuse lists that are not open (sales) or
        settled (refunds), check each line's item, then lock the items and record
        what was bought beyond the wanted quantities."""
        self._retail_gift_registry_ensure_money_lines()
        lines = self.lines.filtered("retail_gift_registry_id")
        if not lines:
            return
        sales = lines.filtered(lambda line: line.qty > 0)
        refunds = lines - sales
        # an exchange (a refund of a gift and what replaces it) may happen
        # after the list closed, as a refund may
        sales.filtered(
            lambda line: not line.retail_gift_registry_exchange_of_id
        ).retail_gift_registry_id._ensure_sellable()
        refunds.retail_gift_registry_id._ensure_refundable()
        for line in lines:
            item = line.retail_gift_registry_item_id
            contribution = line.product_id.retail_gift_registry_contribution
            if item and (
                item.registry_id != line.retail_gift_registry_id
                or (not contribution and item.product_id != line.product_id)
            ):
                raise UserError(
                    self.env._(
                        "Order %(order)s: line %(product)s does not match item "
                        "%(item)s of gift list %(name)s.",
                        order=line.order_id.pos_reference or line.order_id.name,
                        product=line.product_id.display_name,
                        item=item.display_name,
                        name=line.retail_gift_registry_id.name,
                    )
                )
            if (
                not item
                and not contribution
                and not line.retail_gift_registry_exchange_of_id
            ):
                raise UserError(
                    self.env._(
                        "Order %(order)s: %(product)s is neither an item of gift "
                        "list %(name)s nor a contribution.",
                        order=line.order_id.pos_reference or line.order_id.name,
                        product=line.product_id.display_name,
                        name=line.retail_gift_registry_id.name,
                    )
                )
        self.env["retail.gift.registry.item"]._allocate(sales, "qty")

    def _retail_gift_registry_ensure_money_lines(self):
        """Money given to a list comes from the guest's payment: a contribution
        is sold for a list only, and a line taking money back from a list
        refunds a line sold for that same list (a negative line of a list
        without it would pay an order's other lines with a list's money)."""
        for line in self.lines:
            registry = line.retail_gift_registry_id
            refunded = line.refunded_orderline_id
            if line.product_id.retail_gift_registry_contribution and not registry:
                raise UserError(
                    self.env._(
                        "Order %(order)s: %(product)s is given to a gift list "
                        "only: choose the list.",
                        order=line.order_id.pos_reference or line.order_id.name,
                        product=line.product_id.display_name,
                    )
                )
            if (
                registry
                and (line.qty < 0 or line._retail_amount() < 0)
                and not line.retail_gift_registry_exchange_of_id
                and refunded.retail_gift_registry_id != registry
            ):
                raise UserError(
                    self.env._(
                        "Order %(order)s: %(product)s takes back from gift list "
                        "%(name)s without refunding a line sold for it.",
                        order=line.order_id.pos_reference or line.order_id.name,
                        product=line.product_id.display_name,
                        name=registry.name,
                    )
                )

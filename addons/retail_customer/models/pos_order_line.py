# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import UserError

# The figures of a sold line that the server posted from (cards, points, lists,
# KPIs, the session's entries): frozen once the order is paid.
PAID_LINE_FIELDS = frozenset(
    {
        "order_id",
        "product_id",
        "qty",
        "price_unit",
        "discount",
        "price_subtotal",
        "price_subtotal_incl",
        "tax_ids",
        "refunded_orderline_id",
        "reward_id",
        "coupon_id",
        "points_cost",
        "is_reward_line",
    }
)


class PosOrderLine(models.Model):
    _name = "pos.order.line"
    _inherit = ["pos.order.line", "retail.till.payload.mixin"]

    def write(self, vals):
        self._retail_check_paid_write(vals, PAID_LINE_FIELDS)
        return super().write(vals)

    def _retail_check_paid_write(self, vals, frozen):
        """Users cannot rewrite what the server posted from once the order is
        paid: the line's figures, and every retail field only the server sets.
        Corrections go through refunds."""
        changed = self._retail_paid_changes(vals, frozen, self.order_id)
        if changed:
            raise UserError(
                self.env._(
                    "The lines of a paid order cannot be changed (%(fields)s): "
                    "refund them instead.",
                    fields=", ".join(sorted(changed)),
                )
            )

    def _retail_order_sign(self):
        """-1 for a line of a refund order, else 1: Odoo stores the totals of a
        refund order's lines with the order's sign (a returned unit positive,
        a line sold in the same order negative), and its reports read them so."""
        self.ensure_one()
        return -1 if self.order_id.is_refund else 1

    def _retail_server_amounts(self):
        """The line's totals computed by the server from its price, quantity,
        discount and taxes (the till's own figures are never used), stored as
        Odoo stores them (``_retail_order_sign``).

        :return: {"price_subtotal": ..., "price_subtotal_incl": ...}
        """
        self.ensure_one()
        sign = self._retail_order_sign()
        return {
            name: amount * sign
            for name, amount in self._compute_amount_line_all().items()
        }

    def _retail_amount(self, field="price_subtotal_incl"):
        """The sum of the lines' ``field`` (``price_subtotal_incl`` or
        ``price_subtotal``), each with its own sign: sold units positive,
        returned units and discounts negative, whatever the order. Every
        retail module reads a till line's money through it."""
        return sum(line[field] * line._retail_order_sign() for line in self)

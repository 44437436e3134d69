# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    @api.model_create_multi
    def create(self, vals_list):
        lines = super(
            SaleOrderLine, self.with_context(retail_loyalty_sale_line=True)
        ).create(vals_list)
        lines = lines.with_env(self.env)
        self._retail_post_reward_changes(lines._retail_reward_costs(1))
        return lines

    def write(self, vals):
        if "points_cost" not in vals and "coupon_id" not in vals:
            return super().write(vals)
        before = {line: (line.coupon_id, line.points_cost) for line in self}
        res = super(
            SaleOrderLine, self.with_context(retail_loyalty_sale_line=True)
        ).write(vals)
        changes = defaultdict(float)
        for line, (card, cost) in before.items():
            if card != line.coupon_id or cost != line.points_cost:
                changes[(line.order_id, card)] -= cost
                changes[(line.order_id, line.coupon_id)] += line.points_cost
        self._retail_post_reward_changes(changes)
        return res

    def unlink(self):
        # sale_loyalty removes the other lines of the same reward with them
        claims = {
            (line.reward_id, line.coupon_id, line.reward_identifier_code)
            for line in self
            if line.reward_id
        }
        removed = self | self.order_id.order_line.filtered(
            lambda line: (line.reward_id, line.coupon_id, line.reward_identifier_code)
            in claims
        )
        changes = removed._retail_reward_costs(-1)
        res = super(
            SaleOrderLine, self.with_context(retail_loyalty_sale_line=True)
        ).unlink()
        self._retail_post_reward_changes(changes)
        return res

    def _retail_reward_costs(self, sign):
        """{(order, card): points the lines take from the card, times sign}."""
        changes = defaultdict(float)
        for line in self.filtered("coupon_id"):
            changes[(line.order_id, line.coupon_id)] += sign * line.points_cost
        return changes

    @api.model
    def _retail_post_reward_changes(self, changes):
        """Post what reward lines of confirmed orders take from or give back to
        cards of retail ledger programs: {(order, card): points}. Lines of draft
        orders move nothing (their points are settled at confirmation), nor
        those removed by a cancellation (it reverses the whole order)."""
        OrderPoints = self.env["retail.loyalty.order.points"]
        for (order, card), delta in changes.items():
            # the state first: on a draft order sale_loyalty may already have
            # deleted the card (a coupon no longer used) in the same flush
            if (
                order.state == "sale"
                and not self.env.context.get("retail_loyalty_keep_ledger")
                and card.exists()
                and card.program_id.retail_ledger
            ):
                OrderPoints._retail_reward_change(order, card, delta)

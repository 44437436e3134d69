# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _program_check_compute_points(self, programs):
        """Points of retail ledger programs come from the retail computation
        (brackets, tier multiplier), the same as for POS orders."""
        result = super()._program_check_compute_points(programs)
        ours = programs.filtered("retail_ledger")
        if not ours:
            return result
        source = self._retail_loyalty_source()
        lines = source["lines"]
        cards = self.env["retail.loyalty.order.points"]._retail_partner_cards(
            self.partner_id, ours
        )
        for program in ours:
            program_result = result.get(program)
            if program_result is None or "error" in program_result:
                continue
            card = cards.get(program)
            multiplier = card.retail_tier_id.multiplier if card else 1.0
            program_result["points"] = [
                program._retail_compute_points(lines, multiplier, source)
                if program._retail_admits(self.partner_id, "sale", None)
                else 0.0
            ]
        return result

    def _get_point_changes(self):
        # Cards of retail ledger programs move through the ledger only.
        return {
            card: points
            for card, points in super()._get_point_changes().items()
            if not card.program_id.retail_ledger
        }

    def _add_loyalty_history_lines(self):
        res = super()._add_loyalty_history_lines()
        # The ledger rows of retail ledger cards are posted when the order is
        # confirmed; a native row beside them would break balance = sum of rows.
        # sudo: the native rows sale_loyalty just wrote for these orders' cards
        self.env["loyalty.history"].sudo().search(
            [
                ("order_model", "=", self._name),
                ("order_id", "in", self.ids),
                ("retail_kind", "=", False),
                ("card_id.program_id.retail_ledger", "=", True),
            ]
        ).unlink()
        return res

    def _update_loyalty_history(self, coupon_id, points):
        # Reward lines added to a confirmed order post ledger rows of their own
        # (sale.order.line); a ledger row is never edited.
        if coupon_id.program_id.retail_ledger:
            return
        return super()._update_loyalty_history(coupon_id, points)

    def action_confirm(self):
        res = super().action_confirm()
        confirmed = self.filtered(lambda order: order.state == "sale")
        if confirmed:
            self.env["retail.loyalty.order.points"]._retail_settle(
                [order._retail_loyalty_source() for order in confirmed]
            )
        return res

    def _action_cancel(self):
        rows = self.env["retail.loyalty.order.points"]._retail_rows_of(self)
        res = super(
            SaleOrder, self.with_context(retail_loyalty_keep_ledger=True)
        )._action_cancel()
        for order in self:
            order_rows = rows.filtered(
                lambda row, order=order: row.order_id == order.id
            )
            order_rows._retail_cancel(
                {
                    "order_model": order._name,
                    "order_id": order.id,
                    "order_ref": order.display_name,
                    "store_id": False,
                }
            )
        return res

    def _retail_loyalty_lines_data(self):
        self.ensure_one()
        return [
            {
                "product": line.product_id,
                "qty": line.product_uom_qty,
                "amount": line.price_total,
            }
            for line in self.order_line
            if line.product_id
            and not line.is_reward_line
            and not line.display_type
            and not line.combo_item_id
            and line.product_uom_qty > 0
        ]

    def _retail_loyalty_source(self):
        self.ensure_one()
        return {
            "order": self,
            "partner": self.partner_id,
            "company": self.company_id,
            "channel": "sale",
            "store": self.env["pos.config"],
            "date": self.date_order,
            "lines": self._retail_loyalty_lines_data(),
            "rewards": [
                {
                    "reward": line.reward_id,
                    "card": line.coupon_id,
                    "points_cost": line.points_cost,
                    "amount": line.price_total,
                    "code": line.reward_identifier_code,
                }
                for line in self.order_line
                if line.reward_id and line.coupon_id
            ],
        }

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import ValidationError

from ..trusted import trusted_flow


class SaleOrder(models.Model):
    """sale_loyalty's flows that move card points, run as trusted flows: they
    compute the points themselves (program rules, reward costs) and write cards
    and history rows as the user."""

    _inherit = "sale.order"

    def action_confirm(self):
        if any(line.points_cost < 0 for line in self.order_line):
            raise ValidationError(self.env._("A reward cannot give points back."))
        with trusted_flow("sale.order.action_confirm"):
            return super().action_confirm()

    def _action_cancel(self):
        with trusted_flow("sale.order._action_cancel"):
            return super()._action_cancel()

    def _update_programs_and_rewards(self):
        with trusted_flow("sale.order._update_programs_and_rewards"):
            return super()._update_programs_and_rewards()

    def _apply_program_reward(self, reward, coupon, **kwargs):
        with trusted_flow("sale.order._apply_program_reward"):
            return super()._apply_program_reward(reward, coupon, **kwargs)

    def _try_apply_code(self, code):
        """A coupon or promotion code typed on a quotation: a lookup by number,
        throttled per user; a code that is nothing is logged."""
        Card = self.env["loyalty.card"]
        if not isinstance(code, str):
            raise ValidationError(self.env._("The code must be text."))
        Card._retail_check_throttle("card")
        with trusted_flow("sale.order._try_apply_code"):
            result = super()._try_apply_code(code)
        if isinstance(result, dict) and result.get("not_found"):
            Card._retail_log_failed_lookup("card", code)
        return result

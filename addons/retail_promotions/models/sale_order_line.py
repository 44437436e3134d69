# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import float_round

from .pos_order import PROMOTION_PROGRAM_TYPES


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    # the results report reads reward lines (not indexed by sale_loyalty)
    reward_id = fields.Many2one(index="btree_not_null")

    def _retail_promotion_reward_lines(self):
        return self.filtered(
            lambda line: line.reward_id.reward_type == "discount"
            and (
                line.reward_id.program_id.retail_promotion_type
                or line.reward_id.program_id.program_type in PROMOTION_PROGRAM_TYPES
            )
        )

    def _retail_promotion_shares(self):
        """{reward line: {product line: amount}} for the lines `self` of one order:
        each promotion reward line (untaxed amount) spread over the lines it
        discounts (its products, with its taxes: sale_loyalty writes one reward
        line per tax set) in proportion to their value; the last line takes the
        rounding remainder. The same split as pos.order.line in the till."""
        product_lines = self.filtered(
            lambda line: not line.reward_id
            and not line.display_type
            and not line.is_downpayment
            and line.product_uom_qty > 0
        )
        currency = self.order_id.currency_id[:1]
        result = {}
        for reward_line in self._retail_promotion_reward_lines():
            reward = reward_line.reward_id
            lines = product_lines
            if reward.discount_applicability != "order":
                lines = lines.filtered_domain(
                    [("product_id", "any", reward._get_discount_product_domain())]
                )
            if reward_line.tax_ids:
                taxes = reward_line.tax_ids
                lines = lines.filtered(lambda line, t=taxes: line.tax_ids == t)
            base = sum(lines.mapped("price_total"))
            if not lines or not base:
                continue
            amount = reward_line.price_subtotal
            shares = result[reward_line] = {}
            left = amount
            for line in lines[:-1]:
                shares[line] = currency.round(amount * line.price_total / base)
                left -= shares[line]
            shares[lines[-1]] = float_round(left, precision_rounding=currency.rounding)
        return result

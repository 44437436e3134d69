# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, fields, models
from odoo.tools import float_round

from .pos_order import PROMOTION_PROGRAM_TYPES

_logger = logging.getLogger(__name__)


class PosOrderLine(models.Model):
    _inherit = "pos.order.line"

    retail_promotion_shares = fields.Json(
        string="Promotion Shares",
        readonly=True,
        copy=False,
        help="Part of each promotion reward line this line took, {reward line id: "
        "amount}, in proportion to the value of the lines the reward discounts: "
        "what a refund of its units gives back of the promotion.",
    )
    retail_refunded_reward_line_id = fields.Many2one(
        "pos.order.line",
        string="Refunded Promotion",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="On a refund: the promotion reward line whose share this line gives back.",
    )

    @api.model
    def _retail_till_fields(self):
        return super()._retail_till_fields() | {"retail_refunded_reward_line_id"}

    @api.model
    def _load_pos_data_fields(self, config):
        return super()._load_pos_data_fields(config) + [
            "retail_promotion_shares",
            "retail_refunded_reward_line_id",
        ]

    def _retail_promotion_reward_lines(self):
        return self.filtered(
            lambda line: line.reward_id.reward_type == "discount"
            and (
                line.reward_id.program_id.retail_promotion_type
                or line.reward_id.program_id.program_type in PROMOTION_PROGRAM_TYPES
            )
        )

    def _retail_discounted_lines(self, product_lines):
        """Of `product_lines`, those the reward line `self` discounts: the products
        of its reward (all of them for an order discount), with its taxes."""
        self.ensure_one()
        reward = self.reward_id
        lines = product_lines
        if reward.discount_applicability != "order":
            lines = lines.filtered_domain(
                [("product_id", "any", reward._get_discount_product_domain())]
            )
        if self.tax_ids:
            # pos_loyalty writes one reward line per tax set of the discounted lines
            lines = lines.filtered(lambda line: line.tax_ids == self.tax_ids)
        return lines

    def _retail_allocate_promotions(self):
        """Spread each promotion reward line of `self` (the lines of one order) over
        the lines it discounts, in proportion to their value; the last line takes
        the rounding remainder so that the shares add up to the reward line."""
        product_lines = self.filtered(
            lambda line: not line.reward_id
            and line.qty > 0
            and not line.combo_parent_id
        )
        shares = {line: {} for line in product_lines}
        currency = self.order_id.currency_id[:1]
        corrected = self.order_id[:1].retail_promotion_server_amounts or {}
        for reward_line in self._retail_promotion_reward_lines():
            amount = reward_line.price_unit * reward_line.qty
            if str(reward_line.id) in corrected:
                # the server's figure (_retail_check_promotion_amounts)
                till = reward_line._retail_amount()
                amount *= corrected[str(reward_line.id)] / till if till else 0.0
            lines = reward_line._retail_discounted_lines(product_lines)
            base = lines._retail_amount()
            if not lines or not base:
                continue
            left = amount
            for line in lines[:-1]:
                share = currency.round(amount * line._retail_amount() / base)
                shares[line][str(reward_line.id)] = share
                left -= share
            shares[lines[-1]][str(reward_line.id)] = float_round(
                left, precision_rounding=currency.rounding
            )
        for line, line_shares in shares.items():
            if line.retail_promotion_shares != (line_shares or False):
                # sudo: the shares are the system's (frozen for users once paid)
                line.sudo().retail_promotion_shares = line_shares or False

    def _retail_check_refunded_reward_lines(self):
        """The promotion a refund line gives back (a till's field) must be a
        promotion reward line of an order the refund refunds: another link is
        dropped and logged (the promotions' report would count it)."""
        lines = self.filtered("retail_refunded_reward_line_id")
        refunded = self.refunded_orderline_id.order_id
        wrong = lines.filtered(
            lambda line: line.retail_refunded_reward_line_id.order_id not in refunded
            or not line.retail_refunded_reward_line_id._retail_promotion_reward_lines()
        )
        if wrong:
            _logger.warning(
                "Refund lines %s pointed at promotion lines of other orders: dropped",
                wrong.ids,
            )
            # sudo: a link of the system's audit, dropped whoever syncs the order
            wrong.sudo().retail_refunded_reward_line_id = False

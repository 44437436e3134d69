# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class LoyaltyRule(models.Model):
    _inherit = "loyalty.rule"

    retail_bracket_mode = fields.Selection(
        [
            ("none", "Single rate"),
            ("whole", "Whole order at the band's rate"),
            ("marginal", "Each band at its own rate"),
        ],
        string="Amount Brackets",
        default="none",
        required=True,
        help="For points per amount spent: with brackets the rate depends on the "
        "amount. Whole: the rate of the band the amount falls in applies to the "
        "whole amount. Marginal: each part of the amount earns its band's rate.",
    )
    retail_bracket_ids = fields.One2many(
        "retail.loyalty.rule.bracket", "rule_id", string="Brackets"
    )
    retail_brackets = fields.Json(
        compute="_compute_retail_brackets",
        help="Technical: the brackets [[from, rate], ...] for the till.",
    )

    @api.depends("retail_bracket_ids.amount_from", "retail_bracket_ids.rate")
    def _compute_retail_brackets(self):
        for rule in self:
            rule.retail_brackets = [
                [bracket.amount_from, bracket.rate]
                for bracket in rule.retail_bracket_ids.sorted("amount_from")
            ]

    @api.model
    def _load_pos_data_fields(self, config):
        return super()._load_pos_data_fields(config) + [
            "retail_bracket_mode",
            "retail_brackets",
        ]

    def _retail_points(self, qty, amount):
        """Points this rule gives for ``qty`` units worth ``amount`` (tax
        included), before any tier multiplier. Meant to be overridden."""
        self.ensure_one()
        if self.reward_point_mode == "order":
            return self.reward_point_amount
        if self.reward_point_mode == "unit":
            return self.reward_point_amount * qty
        if self.retail_bracket_mode == "none" or not self.retail_bracket_ids:
            return self.reward_point_amount * amount
        return self._retail_bracket_points(amount)

    def _retail_bracket_points(self, amount):
        self.ensure_one()
        brackets = self.retail_bracket_ids.sorted("amount_from")
        if self.retail_bracket_mode == "whole":
            rate = 0.0
            for bracket in brackets:
                if amount >= bracket.amount_from:
                    rate = bracket.rate
            return amount * rate
        points = 0.0
        bounds = brackets.mapped("amount_from")[1:] + [float("inf")]
        for bracket, upper in zip(brackets, bounds, strict=True):
            if amount <= bracket.amount_from:
                break
            points += (min(amount, upper) - bracket.amount_from) * bracket.rate
        return points

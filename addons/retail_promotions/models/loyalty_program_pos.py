# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The tills: what they load of the promotions, and the most discount a
promotion may give to a till's order (the server re-check)."""

from odoo import api, models

from odoo.addons.retail_customer.models.retail_schedule_mixin import SCHEDULE_FIELDS


class LoyaltyProgram(models.Model):
    _inherit = "loyalty.program"

    def _retail_pos_discount_bound(self, reward_lines, product_lines, partner):
        """Most discount, taxes included, that the promotion ``self`` may give
        to a till order through its reward lines ``reward_lines``, computed
        from the server's figures of the order's ``product_lines`` (sold lines,
        reward lines left out) for its customer ``partner``: what the till's
        reward lines may not exceed.

        - nothing when the promotion is not for the customer, or when its rules
          (minimum quantity of its products, minimum amount) are not met by the
          basket (the order's whole amount, an upper bound);
        - scaled promotions (N for M, fixed price, 2nd and 3rd units, quantity
          breaks): the discount of ``_retail_group_discount`` on the units of
          the group, the computation of sale orders and of the till;
        - a percentage: the percentage of the lines the reward discounts;
        - a fixed amount: the amount per claim;
        - never more than the lines the reward discounts.

        :return: (bound, reason): the bound (>= 0) and what makes it, in words
        """
        self.ensure_one()
        currency = self.currency_id
        reward = reward_lines.reward_id[:1]
        discounted = self._retail_discounted_lines(reward_lines, product_lines)
        discountable = discounted._retail_amount()
        if self.retail_promotion_type in (
            "customer",
            "employee",
        ) and not self._retail_customer_matches(partner):
            return 0.0, self.env._("not for this customer")
        if self.applies_on != "future" and not self._retail_pos_rules_met(
            product_lines
        ):
            return 0.0, self.env._("the basket does not meet its conditions")
        bound, reason = self._retail_reward_bound(
            reward_lines, product_lines, discountable
        )
        if reward.discount_max_amount:
            bound = min(bound, reward.discount_max_amount)
        if bound > discountable:
            bound = discountable
            reason = self.env._(
                "the lines it discounts: %(amount)s",
                amount=currency.format(discountable),
            )
        return max(0.0, currency.round(bound)), reason

    @api.model
    def _retail_discounted_lines(self, reward_lines, product_lines):
        """The lines of ``product_lines`` the rewards of ``reward_lines``
        discount."""
        discounted = product_lines.browse()
        for line_reward in reward_lines.reward_id:
            if line_reward.discount_applicability != "specific":
                return product_lines
            discounted |= product_lines.filtered_domain(
                [("product_id", "any", line_reward._get_discount_product_domain())]
            )
        return discounted

    def _retail_reward_bound(self, reward_lines, product_lines, discountable):
        """(bound, reason) of _retail_pos_discount_bound before its caps: the
        type's group discount for the scaled types, else the reward's
        percentage, amount per claim, or the lines it discounts."""
        currency = self.currency_id
        reward = reward_lines.reward_id[:1]
        if self._retail_promotion_method(self.retail_promotion_type, "discount"):
            group = product_lines.filtered(
                lambda line: line.product_id in self.retail_product_ids
            )
            unit_prices = [
                line._retail_amount() / line.qty
                for line in group
                for _unit in range(int(line.qty))
            ]
            return self._retail_group_discount(unit_prices), self.env._(
                "%(units)s units of its products", units=len(unit_prices)
            )
        if reward.discount_mode == "percent":
            return discountable * reward.discount / 100, self.env._(
                "%(percent)s %% of %(amount)s",
                percent=reward.discount,
                amount=currency.format(discountable),
            )
        if reward.discount_mode == "per_order":
            claims = len(set(reward_lines.mapped("reward_identifier_code"))) or 1
            return reward.discount * claims, self.env._(
                "%(amount)s per claim", amount=currency.format(reward.discount)
            )
        return discountable, self.env._("the lines it discounts")

    def _retail_pos_rules_met(self, product_lines):
        """Whether one rule of the promotion is met by the till order's
        ``product_lines`` (server figures): the quantity of the rule's products,
        and the amount of the whole basket (an upper bound of what the rule
        counts)."""
        self.ensure_one()
        if not self.rule_ids:
            return True
        valid = self._get_valid_products(product_lines.product_id)
        for rule in self.rule_ids:
            lines = product_lines.filtered(
                lambda line, r=rule: line.product_id in valid.get(r, [])
            )
            amount_field = (
                "price_subtotal_incl"
                if rule.minimum_amount_tax_mode == "incl"
                else "price_subtotal"
            )
            amount = product_lines._retail_amount(amount_field)
            if (
                lines
                and sum(lines.mapped("qty")) >= rule.minimum_qty
                and self.currency_id.compare_amounts(amount, rule.minimum_amount) >= 0
            ):
                return True
        return False

    @api.model
    def _load_pos_data_fields(self, config):
        return super()._load_pos_data_fields(config) + [
            "retail_promotion_type",
            "retail_exclusive",
            "retail_priority",
            "retail_buy_qty",
            "retail_fixed_price",
            "retail_pay_qty",
            "retail_second_discount",
            "retail_third_discount",
            "retail_break_table",
            "retail_customer_scope",
            "retail_employee_ceiling",
            *SCHEDULE_FIELDS,
        ]

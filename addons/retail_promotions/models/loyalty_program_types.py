# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The promotion types, one block of methods per type, found by name:

- ``_retail_promotion_<type>_error()``: why the configuration is invalid, or False;
- ``_retail_promotion_<type>_vals(vals, product_ids)``: the native rule and reward
  (``{"rule": {...}, "reward": {...} or None, "program_type", "applies_on"}``);
- ``_retail_promotion_<type>_discount(unit_prices)``: for the scaled types, the
  discount on the units of the group (mirrored in the till's registry
  ``retail_promotion_types``, static/src/app/models/pos_order.esm.js);
- ``_retail_promotion_<type>_text(group, amount)``: the rule in words;
- ``_retail_promotion_<type>_engine()``: False when the native engines do not
  apply the type by itself (its effect comes through another program).

A module adds a type by adding it to ``retail_promotion_type`` and defining its
methods."""

from odoo import Command, api, models
from odoo.exceptions import ValidationError
from odoo.tools import format_amount

# The reward of the scaled types (those with a ``_discount`` method) is a native
# fixed discount of the whole group, an amount too large to cut anything, scaled
# down to the type's discount by sale.order._get_reward_values_discount and the
# till. A fixed amount rather than 100 %: the native engines then count the
# line's real amount, not 100 %, when another discount applies to the same
# products.
SCALED_REWARD_AMOUNT = 1e9


class LoyaltyProgram(models.Model):
    _inherit = "loyalty.program"

    # ------------------------------------------------------------------
    # The registry
    # ------------------------------------------------------------------

    @api.model
    def _retail_promotion_method(self, kind, step):
        """The method of promotion type `kind` for `step` (error, vals,
        discount, text, engine), or None when the type has none."""
        return getattr(self, f"_retail_promotion_{kind}_{step}", None) if kind else None

    @api.model
    def _retail_scaled_types(self):
        """The types whose reward is scaled to their own discount."""
        selection = self._fields["retail_promotion_type"].get_values(self.env)
        return [
            kind
            for kind in selection
            if self._retail_promotion_method(kind, "discount")
        ]

    @api.model
    def _retail_non_engine_types(self):
        """The types the native engines do not apply by themselves."""
        selection = self._fields["retail_promotion_type"].get_values(self.env)
        return [
            kind
            for kind in selection
            if (engine := self._retail_promotion_method(kind, "engine"))
            and not engine()
        ]

    @api.constrains("reward_ids")
    def _constrains_reward_ids(self):
        # The types the native engines do not apply have no reward of their own.
        non_engine = self._retail_non_engine_types()
        return super(
            LoyaltyProgram,
            self.filtered(lambda p: p.retail_promotion_type not in non_engine),
        )._constrains_reward_ids()

    def _retail_promotion_error(self):
        """The reason this promotion's configuration is invalid, or False."""
        self.ensure_one()
        if not self.retail_product_ids:
            return self.env._("the product group is empty.")
        check = self._retail_promotion_method(self.retail_promotion_type, "error")
        return check() if check else False

    @api.model
    def _retail_promotion_vals(self, vals):
        """Native program, rule and reward values of a retail promotion given as
        create or write values (missing keys take the field defaults)."""
        kind = vals["retail_promotion_type"]
        product_ids = self._retail_ids(vals.get("retail_product_ids"))
        spec = self._retail_promotion_method(kind, "vals")(vals, product_ids)
        rule = {
            "mode": "auto",
            "product_ids": [Command.set(product_ids)],
            "reward_point_mode": "order",
            "reward_point_amount": 1,
            "minimum_qty": 1,
            "minimum_amount": 0.0,
            **spec.get("rule", {}),
        }
        reward = spec.get("reward")
        if reward is not None:
            reward.setdefault("required_points", 1)
            self._retail_check_reward_amount(reward, vals)
        return {
            "program_type": spec.get("program_type", "promotion"),
            "applies_on": spec.get("applies_on", "current"),
            "trigger": "auto",
            "rule_ids": [Command.clear(), Command.create(rule)],
            "reward_ids": [Command.clear()]
            + ([Command.create(reward)] if reward is not None else []),
        }

    @api.model
    def _retail_check_reward_amount(self, reward, vals):
        """Refuses a discount reward without amount, before the native reward's
        own SQL check does it."""
        if reward["reward_type"] == "discount" and reward["discount"] <= 0:
            raise ValidationError(
                self.env._(
                    "Promotion %(name)s: the discount must be between 0 and 100 %%, "
                    "the amount to spend and the voucher value must be positive.",
                    name=vals.get("name") or self.name,
                )
            )

    def _retail_group_discount(self, unit_prices):
        """Discount of a scaled promotion on the units of its group
        (`unit_prices`, taxes included, one entry per unit); 0 for the other
        types. Mirrored in the POS by retailGroupDiscount
        (static/src/app/models/pos_order.esm.js)."""
        self.ensure_one()
        discount = self._retail_promotion_method(self.retail_promotion_type, "discount")
        return discount(unit_prices) if discount else 0.0

    def _retail_rule_text(self):
        """What the basket needs and what it gets, in words."""
        self.ensure_one()
        kind = self.retail_promotion_type
        if not kind:
            return self.name
        text = self._retail_promotion_method(kind, "text")
        if text:
            group = ", ".join(self.retail_product_ids[:5].mapped("display_name"))
            if len(self.retail_product_ids) > 5:
                group = self.env._("%(names)s…", names=group)
            amount = format_amount(self.env, self.retail_min_amount, self.currency_id)
            return text(group, amount)
        return dict(
            self._fields["retail_promotion_type"]._description_selection(self.env)
        ).get(kind)

    # ------------------------------------------------------------------
    # Shared steps of the types
    # ------------------------------------------------------------------

    def _retail_discount_error(self):
        if not 0 < self.retail_discount <= 100:
            return self.env._("the discount must be between 0 and 100 %.")
        return False

    def _retail_spend_error(self):
        if self.retail_min_amount <= 0:
            return self.env._("the amount to spend must be positive.")
        return False

    def _retail_gift_error(self):
        if not self.retail_gift_product_id:
            return self.env._("choose the gift article.")
        return False

    @api.model
    def _retail_scaled_vals(self, vals, product_ids, minimum_qty):
        """A scaled type: the whole group as a native fixed discount (see
        SCALED_REWARD_AMOUNT), from `minimum_qty` units of the group."""
        return {
            "rule": {"minimum_qty": minimum_qty},
            "reward": {
                "reward_type": "discount",
                "discount_mode": "per_order",
                "discount": SCALED_REWARD_AMOUNT,
                "discount_applicability": "specific",
                "discount_product_ids": [Command.set(product_ids)],
                "description": vals.get("name") or self.name,
            },
        }

    @api.model
    def _retail_group_percent_reward(self, vals, product_ids):
        return {
            "reward_type": "discount",
            "discount_mode": "percent",
            "discount": vals.get("retail_discount", 0.0),
            "discount_applicability": "specific",
            "discount_product_ids": [Command.set(product_ids)],
        }

    @api.model
    def _retail_gift_reward(self, vals):
        return {
            "reward_type": "product",
            "reward_product_id": vals.get("retail_gift_product_id"),
            "reward_product_qty": 1,
        }

    @api.model
    def _retail_spend_rule(self, vals):
        return {"minimum_amount": vals.get("retail_min_amount", 0.0)}

    # ------------------------------------------------------------------
    # N for M
    # ------------------------------------------------------------------

    def _retail_promotion_n_for_m_error(self):
        if self.retail_pay_qty < 1 or self.retail_buy_qty <= self.retail_pay_qty:
            return self.env._(
                "the quantity bought (N = %(buy)s) must be greater than the "
                "quantity paid (M = %(pay)s), and M at least 1.",
                buy=self.retail_buy_qty,
                pay=self.retail_pay_qty,
            )
        return False

    @api.model
    def _retail_promotion_n_for_m_vals(self, vals, product_ids):
        spec = self._retail_scaled_vals(
            vals, product_ids, vals.get("retail_buy_qty", 3)
        )
        return dict(spec, program_type="buy_x_get_y")

    def _retail_promotion_n_for_m_discount(self, unit_prices):
        # each consecutive group of N units, from the most expensive, gives its
        # N - M cheapest units free; the cheapest leftover units pay full price
        prices = sorted(unit_prices, reverse=True)
        size, paid = self.retail_buy_qty, self.retail_pay_qty
        return sum(
            sum(prices[group * size + paid : (group + 1) * size])
            for group in range(len(prices) // size)
        )

    def _retail_promotion_n_for_m_text(self, group, amount):
        return self.env._(
            "Buy %(buy)s, pay %(pay)s: the cheapest unit free (%(group)s)",
            buy=self.retail_buy_qty,
            pay=self.retail_pay_qty,
            group=group,
        )

    # ------------------------------------------------------------------
    # N items for a fixed price
    # ------------------------------------------------------------------

    def _retail_promotion_n_fixed_price_error(self):
        if self.retail_buy_qty < 2 or self.retail_fixed_price <= 0:
            return self.env._(
                "a fixed price needs at least 2 items (N = %(buy)s) and a positive "
                "price.",
                buy=self.retail_buy_qty,
            )
        return False

    @api.model
    def _retail_promotion_n_fixed_price_vals(self, vals, product_ids):
        return self._retail_scaled_vals(
            vals, product_ids, vals.get("retail_buy_qty", 3)
        )

    def _retail_promotion_n_fixed_price_discount(self, unit_prices):
        # the most expensive units make as many sets of N as possible, each set
        # costs the fixed price
        sets = len(unit_prices) // self.retail_buy_qty
        in_sets = sorted(unit_prices, reverse=True)[: sets * self.retail_buy_qty]
        return max(0.0, sum(in_sets) - sets * self.retail_fixed_price)

    def _retail_promotion_n_fixed_price_text(self, group, amount):
        return self.env._(
            "%(buy)s items of %(group)s for %(price)s",
            buy=self.retail_buy_qty,
            group=group,
            price=format_amount(self.env, self.retail_fixed_price, self.currency_id),
        )

    # ------------------------------------------------------------------
    # 2nd and 3rd units at a discount
    # ------------------------------------------------------------------

    def _retail_promotion_unit_discounts_error(self):
        if not (
            0 < self.retail_second_discount <= 100
            and 0 <= self.retail_third_discount <= 100
        ):
            return self.env._(
                "the 2nd unit discount must be between 0 and 100 %, the 3rd unit "
                "discount between 0 (no 3rd unit discount) and 100 %."
            )
        return False

    @api.model
    def _retail_promotion_unit_discounts_vals(self, vals, product_ids):
        return self._retail_scaled_vals(vals, product_ids, 2)

    def _retail_promotion_unit_discounts_discount(self, unit_prices):
        # series of 3 units (2 when the 3rd unit discount is 0), from the most
        # expensive: full price, 2nd unit discount, 3rd unit discount
        prices = sorted(unit_prices, reverse=True)
        rates = [0.0, self.retail_second_discount, self.retail_third_discount]
        series = 3 if self.retail_third_discount else 2
        return sum(
            price * rates[index % series] / 100 for index, price in enumerate(prices)
        )

    # ------------------------------------------------------------------
    # Quantity breaks
    # ------------------------------------------------------------------

    def _retail_promotion_quantity_breaks_error(self):
        if not self.retail_break_ids:
            return self.env._("add at least one quantity break.")
        return False

    @api.model
    def _retail_promotion_quantity_breaks_vals(self, vals, product_ids):
        return self._retail_scaled_vals(
            vals, product_ids, self._retail_break_min_qty(vals.get("retail_break_ids"))
        )

    def _retail_promotion_quantity_breaks_discount(self, unit_prices):
        reached = [
            discount
            for min_qty, discount in self.retail_break_table
            if len(unit_prices) >= min_qty
        ]
        return sum(unit_prices) * reached[-1] / 100 if reached else 0.0

    # ------------------------------------------------------------------
    # Spend X on the group: gift, discount, voucher
    # ------------------------------------------------------------------

    def _retail_promotion_spend_gift_error(self):
        return self._retail_spend_error() or self._retail_gift_error()

    @api.model
    def _retail_promotion_spend_gift_vals(self, vals, product_ids):
        return {
            "rule": self._retail_spend_rule(vals),
            "reward": self._retail_gift_reward(vals),
        }

    def _retail_promotion_spend_gift_text(self, group, amount):
        return self.env._(
            "Spend %(amount)s on %(group)s: %(gift)s free",
            amount=amount,
            group=group,
            gift=self.retail_gift_product_id.display_name,
        )

    def _retail_promotion_spend_discount_error(self):
        return self._retail_spend_error() or self._retail_discount_error()

    @api.model
    def _retail_promotion_spend_discount_vals(self, vals, product_ids):
        return {
            "rule": self._retail_spend_rule(vals),
            "reward": self._retail_group_percent_reward(vals, product_ids),
        }

    def _retail_promotion_spend_discount_text(self, group, amount):
        return self.env._(
            "Spend %(amount)s on %(group)s: %(discount)s %% off them",
            amount=amount,
            group=group,
            discount=self.retail_discount,
        )

    def _retail_promotion_spend_voucher_error(self):
        return self._retail_spend_error() or self._retail_discount_error()

    @api.model
    def _retail_promotion_spend_voucher_vals(self, vals, product_ids):
        reward = dict(
            self._retail_group_percent_reward(vals, product_ids),
            discount_applicability="order",
            discount_product_ids=[Command.clear()],
        )
        return {
            "rule": self._retail_spend_rule(vals),
            "reward": reward,
            "program_type": "next_order_coupons",
            "applies_on": "future",
        }

    def _retail_promotion_spend_voucher_text(self, group, amount):
        return self.env._(
            "Spend %(amount)s on %(group)s: a voucher of %(discount)s %% for "
            "the next visit",
            amount=amount,
            group=group,
            discount=self.retail_discount,
        )

    # ------------------------------------------------------------------
    # Gift article with any product of the group
    # ------------------------------------------------------------------

    def _retail_promotion_gift_article_error(self):
        return self._retail_gift_error()

    @api.model
    def _retail_promotion_gift_article_vals(self, vals, product_ids):
        return {"reward": self._retail_gift_reward(vals)}

    def _retail_promotion_gift_article_text(self, group, amount):
        return self.env._(
            "%(gift)s free with any of %(group)s",
            gift=self.retail_gift_product_id.display_name,
            group=group,
        )

    # ------------------------------------------------------------------
    # Discounts on the group: seasonal, customer, discount card, employee
    # ------------------------------------------------------------------

    def _retail_promotion_seasonal_error(self):
        if not self.retail_season:
            return self.env._("give the season a name.")
        if not (self.date_from and self.date_to):
            return self.env._("a seasonal sale needs a start and an end date.")
        return self._retail_discount_error()

    @api.model
    def _retail_promotion_seasonal_vals(self, vals, product_ids):
        return {"reward": self._retail_group_percent_reward(vals, product_ids)}

    def _retail_promotion_customer_error(self):
        if not (self.retail_partner_ids or self.retail_segment_ids):
            return self.env._("choose the customers or the segments.")
        return self._retail_discount_error()

    @api.model
    def _retail_promotion_customer_vals(self, vals, product_ids):
        return {"reward": self._retail_group_percent_reward(vals, product_ids)}

    def _retail_promotion_discount_card_error(self):
        return self._retail_discount_error()

    @api.model
    def _retail_promotion_discount_card_vals(self, vals, product_ids):
        return {"reward": self._retail_group_percent_reward(vals, product_ids)}

    def _retail_promotion_employee_error(self):
        if self.retail_employee_ceiling <= 0:
            return self.env._("the ceiling per employee and month must be positive.")
        return self._retail_discount_error()

    @api.model
    def _retail_promotion_employee_vals(self, vals, product_ids):
        return {"reward": self._retail_group_percent_reward(vals, product_ids)}

    # ------------------------------------------------------------------
    # Voucher per amount spent on the group
    # ------------------------------------------------------------------

    def _retail_promotion_amount_voucher_error(self):
        if not (self.retail_min_amount > 0 and 0 < self.retail_voucher_amount):
            return self.env._(
                "the amount to spend and the voucher value must be positive."
            )
        return False

    @api.model
    def _retail_promotion_amount_voucher_vals(self, vals, product_ids):
        # 1 point per unit spent on the group; each `retail_min_amount` points
        # are worth `retail_voucher_amount` on the next order
        min_amount = vals.get("retail_min_amount") or 1.0
        return {
            "rule": dict(self._retail_spend_rule(vals), reward_point_mode="money"),
            "reward": {
                "reward_type": "discount",
                "discount_mode": "per_point",
                "discount": vals.get("retail_voucher_amount", 0.0) / min_amount,
                "discount_applicability": "order",
                "required_points": min_amount,
            },
            "program_type": "next_order_coupons",
            "applies_on": "future",
        }

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError

WEEKDAYS = [
    "retail_monday",
    "retail_tuesday",
    "retail_wednesday",
    "retail_thursday",
    "retail_friday",
    "retail_saturday",
    "retail_sunday",
]

# Fields that configure the native rule and reward of a retail promotion.
PROMOTION_CONFIG_FIELDS = {
    "retail_promotion_type",
    "retail_product_ids",
    "retail_buy_qty",
    "retail_pay_qty",
    "retail_min_amount",
    "retail_gift_product_id",
    "retail_discount",
    "retail_fixed_price",
}


class LoyaltyProgram(models.Model):
    _inherit = "loyalty.program"

    retail_promotion_type = fields.Selection(
        [
            ("n_for_m", "N for M (cheapest unit of the group free)"),
            ("spend_gift", "Spend X on a group: gift article"),
            ("spend_discount", "Spend X on a group: discount on the group"),
            ("spend_voucher", "Spend X on a group: voucher for the next visit"),
            ("gift_article", "Gift article with any product of the group"),
            ("n_fixed_price", "N items of the group for a fixed price"),
        ],
        help="Configures the program's rule and reward from the few fields below.",
    )
    retail_product_ids = fields.Many2many(
        "product.product",
        "loyalty_program_retail_product_rel",
        "program_id",
        "product_id",
        string="Product Group",
        help="Products the promotion counts (and discounts, for N for M and "
        "discounts on the group).",
    )
    retail_buy_qty = fields.Integer(string="Buy (N)", default=3)
    retail_pay_qty = fields.Integer(string="Pay (M)", default=2)
    retail_min_amount = fields.Monetary(
        string="Spend at Least",
        currency_field="currency_id",
        help="Amount, taxes included, to spend on products of the group.",
    )
    retail_gift_product_id = fields.Many2one("product.product", string="Gift Article")
    retail_discount = fields.Float(string="Discount (%)")
    retail_fixed_price = fields.Monetary(
        string="Price of N Items",
        currency_field="currency_id",
        help="Price, taxes included, of each set of N items of the group; the most "
        "expensive units of the basket make the sets.",
    )
    retail_exclusive = fields.Boolean(
        string="Exclusive",
        help="When the basket satisfies this promotion, no other retail promotion "
        "applies, unless an exclusive promotion of higher priority also applies.",
    )
    retail_priority = fields.Integer(
        string="Priority",
        default=10,
        help="Of the exclusive promotions a basket satisfies, the highest priority "
        "applies (the oldest promotion on equal priority).",
    )
    retail_monday = fields.Boolean(string="Monday", default=True)
    retail_tuesday = fields.Boolean(string="Tuesday", default=True)
    retail_wednesday = fields.Boolean(string="Wednesday", default=True)
    retail_thursday = fields.Boolean(string="Thursday", default=True)
    retail_friday = fields.Boolean(string="Friday", default=True)
    retail_saturday = fields.Boolean(string="Saturday", default=True)
    retail_sunday = fields.Boolean(string="Sunday", default=True)
    retail_hour_from = fields.Float(
        string="From Hour",
        default=0.0,
        help="Local time (company time zone) from which the program applies.",
    )
    retail_hour_to = fields.Float(
        string="To Hour",
        default=24.0,
        help="Local time (company time zone) at which the program stops applying.",
    )

    @api.constrains(
        "retail_promotion_type",
        "retail_product_ids",
        "retail_buy_qty",
        "retail_pay_qty",
        "retail_min_amount",
        "retail_gift_product_id",
        "retail_discount",
        "retail_fixed_price",
    )
    def _check_retail_promotion(self):
        for program in self.filtered("retail_promotion_type"):
            error = program._retail_promotion_error()
            if error:
                raise ValidationError(
                    self.env._(
                        "Promotion %(name)s: %(error)s", name=program.name, error=error
                    )
                )

    @api.constrains("retail_hour_from", "retail_hour_to", *WEEKDAYS)
    def _check_retail_schedule(self):
        for program in self:
            if not 0 <= program.retail_hour_from < program.retail_hour_to <= 24:
                raise ValidationError(
                    self.env._(
                        "Program %(name)s: the hours must be between 0 and 24, "
                        "the start before the end.",
                        name=program.name,
                    )
                )
            if not any(program[day] for day in WEEKDAYS):
                raise ValidationError(
                    self.env._(
                        "Program %(name)s: choose at least one week day.",
                        name=program.name,
                    )
                )

    @api.constrains(
        "retail_exclusive",
        "retail_priority",
        "active",
        "company_id",
        "date_from",
        "date_to",
        "sale_ok",
        "pos_ok",
        "pos_config_ids",
        "retail_hour_from",
        "retail_hour_to",
        *WEEKDAYS,
    )
    def _check_retail_exclusive_overlap(self):
        exclusive = self.filtered(lambda p: p.retail_exclusive and p.active)
        if not exclusive:
            return
        others = self.search(
            [
                ("retail_exclusive", "=", True),
                ("retail_promotion_type", "!=", False),
                ("retail_priority", "in", exclusive.mapped("retail_priority")),
            ]
        )
        for program in exclusive.filtered("retail_promotion_type"):
            for other in others - program:
                if program._retail_overlaps(other):
                    raise ValidationError(
                        self.env._(
                            "Exclusive promotions %(name)s and %(other)s have the "
                            "same priority (%(priority)s) and can apply at the same "
                            "time: give one of them another priority.",
                            name=program.name,
                            other=other.name,
                            priority=program.retail_priority,
                        )
                    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("retail_promotion_type"):
                vals.update(self._retail_promotion_vals(vals))
        return super().create(vals_list)

    def write(self, vals):
        result = super().write(vals)
        if PROMOTION_CONFIG_FIELDS & set(vals) and not self.env.context.get(
            "retail_promotion_sync"
        ):
            self.filtered("retail_promotion_type")._retail_sync_promotion()
        return result

    def _retail_promotion_error(self):
        """The reason this promotion's configuration is invalid, or False."""
        self.ensure_one()
        kind = self.retail_promotion_type
        if not self.retail_product_ids:
            return self.env._("the product group is empty.")
        if kind == "n_for_m":
            if self.retail_pay_qty < 1 or self.retail_buy_qty <= self.retail_pay_qty:
                return self.env._(
                    "the quantity bought (N = %(buy)s) must be greater than the "
                    "quantity paid (M = %(pay)s), and M at least 1.",
                    buy=self.retail_buy_qty,
                    pay=self.retail_pay_qty,
                )
            if self.retail_buy_qty - self.retail_pay_qty != 1:
                return self.env._(
                    "only one free unit per group is supported (N = M + 1)."
                )
        if kind == "n_fixed_price" and (
            self.retail_buy_qty < 2 or self.retail_fixed_price <= 0
        ):
            return self.env._(
                "a fixed price needs at least 2 items (N = %(buy)s) and a positive "
                "price.",
                buy=self.retail_buy_qty,
            )
        if kind.startswith("spend_") and self.retail_min_amount <= 0:
            return self.env._("the amount to spend must be positive.")
        if kind in ("spend_gift", "gift_article") and not self.retail_gift_product_id:
            return self.env._("choose the gift article.")
        if kind in ("spend_discount", "spend_voucher") and not (
            0 < self.retail_discount <= 100
        ):
            return self.env._("the discount must be between 0 and 100 %.")
        return False

    @api.model
    def _retail_promotion_vals(self, vals):
        """Native program, rule and reward values of a retail promotion given as
        create or write values (missing keys take the field defaults)."""
        kind = vals["retail_promotion_type"]
        product_ids = self._retail_ids(vals.get("retail_product_ids"))
        buy_qty = vals.get("retail_buy_qty", 3)
        rule = {
            "mode": "auto",
            "product_ids": [Command.set(product_ids)],
            "reward_point_mode": "order",
            "reward_point_amount": 1,
            "minimum_qty": buy_qty if kind in ("n_for_m", "n_fixed_price") else 1,
            "minimum_amount": vals.get("retail_min_amount", 0.0)
            if kind.startswith("spend_")
            else 0.0,
        }
        if kind in ("spend_gift", "gift_article"):
            reward = {
                "reward_type": "product",
                "reward_product_id": vals.get("retail_gift_product_id"),
                "reward_product_qty": 1,
            }
        elif kind == "n_fixed_price":
            # 100 % of the group, scaled down to the sets' discount by
            # sale.order._get_reward_values_discount and the POS patch
            reward = {
                "reward_type": "discount",
                "discount_mode": "percent",
                "discount": 100,
                "discount_applicability": "specific",
                "discount_product_ids": [Command.set(product_ids)],
            }
        elif kind == "n_for_m":
            reward = {
                "reward_type": "discount",
                "discount_mode": "percent",
                "discount": 100,
                "discount_applicability": "cheapest",
                "discount_product_ids": [Command.set(product_ids)],
            }
        else:
            reward = {
                "reward_type": "discount",
                "discount_mode": "percent",
                "discount": vals.get("retail_discount", 0.0),
                "discount_applicability": "order"
                if kind == "spend_voucher"
                else "specific",
                "discount_product_ids": [Command.set(product_ids)]
                if kind == "spend_discount"
                else [Command.clear()],
            }
        reward["required_points"] = 1
        program_type = {"n_for_m": "buy_x_get_y", "spend_voucher": "next_order_coupons"}
        return {
            "program_type": program_type.get(kind, "promotion"),
            "applies_on": "future" if kind == "spend_voucher" else "current",
            "trigger": "auto",
            "rule_ids": [Command.clear(), Command.create(rule)],
            "reward_ids": [Command.clear(), Command.create(reward)],
        }

    @api.model
    def _retail_ids(self, commands):
        """Record ids set by x2many create/write commands (or a plain id list)."""
        ids = []
        for command in commands or []:
            if isinstance(command, int):
                ids.append(command)
            elif command[0] == Command.SET:
                ids = list(command[2])
            elif command[0] == Command.LINK:
                ids.append(command[1])
            elif command[0] == Command.CLEAR:
                ids = []
        return ids

    def _retail_sync_promotion(self):
        """Rewrite the native rule and reward from the retail fields; the single
        rule and reward are updated in place so that reward lines keep them."""
        for program in self:
            vals = program._retail_promotion_vals(
                {
                    "retail_promotion_type": program.retail_promotion_type,
                    "retail_product_ids": program.retail_product_ids.ids,
                    "retail_buy_qty": program.retail_buy_qty,
                    "retail_min_amount": program.retail_min_amount,
                    "retail_gift_product_id": program.retail_gift_product_id.id,
                    "retail_discount": program.retail_discount,
                }
            )
            for field in ("rule_ids", "reward_ids"):
                current = program[field]
                if len(current) == 1:
                    vals[field] = [Command.update(current.id, vals[field][1][2])]
            program.with_context(retail_promotion_sync=True).write(vals)

    def _retail_overlaps(self, other):
        """Whether two programs can apply to the same order at the same time."""
        self.ensure_one()
        if self.company_id and other.company_id and self.company_id != other.company_id:
            return False
        same_channel = (self.sale_ok and other.sale_ok) or (
            self.pos_ok
            and other.pos_ok
            and (
                not self.pos_config_ids
                or not other.pos_config_ids
                or self.pos_config_ids & other.pos_config_ids
            )
        )
        if not same_channel:
            return False
        starts = [d for d in (self.date_from, other.date_from) if d]
        ends = [d for d in (self.date_to, other.date_to) if d]
        if starts and ends and max(starts) > min(ends):
            return False
        if not any(self[day] and other[day] for day in WEEKDAYS):
            return False
        return max(self.retail_hour_from, other.retail_hour_from) < min(
            self.retail_hour_to, other.retail_hour_to
        )

    def _retail_bundle_discount(self, unit_prices):
        """Discount of a fixed-price promotion on the units of its group
        (`unit_prices`, taxes included): the most expensive units make as many sets
        of N as possible, each set costs the fixed price. Mirrored in the POS by
        retailBundleDiscount (static/src/app/models/pos_order.esm.js)."""
        self.ensure_one()
        sets = len(unit_prices) // self.retail_buy_qty
        in_sets = sorted(unit_prices, reverse=True)[: sets * self.retail_buy_qty]
        return max(0.0, sum(in_sets) - sets * self.retail_fixed_price)

    @api.model
    def _retail_schedule_domain(self, moment):
        """Programs whose week days and hours include `moment` (a local datetime)."""
        hour = moment.hour + moment.minute / 60 + moment.second / 3600
        return [
            (WEEKDAYS[moment.weekday()], "=", True),
            ("retail_hour_from", "<=", hour),
            ("retail_hour_to", ">", hour),
        ]

    def _retail_combine(self):
        """The promotions of `self` (all satisfied by one basket) that apply: all of
        them when none is exclusive, else only the exclusive one of highest
        priority, the oldest on equal priority. Mirrored in the POS by
        retailCombinePromotions (static/src/app/models/pos_order.esm.js)."""
        exclusive = self.filtered("retail_exclusive")
        if not exclusive:
            return self
        return exclusive.sorted(lambda p: (-p.retail_priority, p.id))[:1]

    @api.model
    def _load_pos_data_fields(self, config):
        return super()._load_pos_data_fields(config) + [
            "retail_promotion_type",
            "retail_exclusive",
            "retail_priority",
            "retail_buy_qty",
            "retail_fixed_price",
            "retail_hour_from",
            "retail_hour_to",
            *WEEKDAYS,
        ]

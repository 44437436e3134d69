# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

import pytz
from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.retail_customer.models.retail_schedule_mixin import SCHEDULE_FIELDS

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
    "retail_second_discount",
    "retail_third_discount",
    "retail_break_ids",
    "retail_voucher_amount",
}

# Types whose reward is a native fixed discount of the whole group (an amount too
# large to cut anything: SCALED_REWARD_AMOUNT), scaled down to the discount of
# loyalty.program._retail_group_discount (sale.order and the POS patch).
SCALED_TYPES = ("n_for_m", "n_fixed_price", "unit_discounts", "quantity_breaks")
SCALED_REWARD_AMOUNT = 1e9
# Types whose reward is the native % on the products of the group.
GROUP_PERCENT_TYPES = (
    "spend_discount",
    "seasonal",
    "customer",
    "discount_card",
    "employee",
)
# Types reserved to some customers (loyalty.program._retail_customer_matches).
CUSTOMER_TYPES = ("customer", "discount_card", "employee")
# States of the orders whose discounts count against an employee's ceiling.
POS_DONE_STATES = ("paid", "done", "invoiced")


class LoyaltyProgram(models.Model):
    _name = "loyalty.program"
    _inherit = ["loyalty.program", "retail.schedule.mixin"]

    retail_promotion_type = fields.Selection(
        [
            ("n_for_m", "N for M (cheapest units of each group of N free)"),
            ("spend_gift", "Spend X on a group: gift article"),
            ("spend_discount", "Spend X on a group: discount on the group"),
            ("spend_voucher", "Spend X on a group: voucher for the next visit"),
            ("gift_article", "Gift article with any product of the group"),
            ("n_fixed_price", "N items of the group for a fixed price"),
            ("unit_discounts", "2nd and 3rd units of the group at a discount"),
            ("quantity_breaks", "Quantity breaks on the group"),
            ("seasonal", "Seasonal sale: discount on the group by period and store"),
            ("customer", "Customer and segment discount on the group"),
            ("discount_card", "Discount card: % on the group for the card holders"),
            ("employee", "Employee discount on the group, with a monthly ceiling"),
            (
                "amount_voucher",
                "Voucher for the next visit per amount spent on the group",
            ),
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
    retail_second_discount = fields.Float(
        string="2nd Unit Discount (%)",
        default=50.0,
        help="Units of the group are sorted from the most to the least expensive: "
        "the 2nd unit of each series gets this discount.",
    )
    retail_third_discount = fields.Float(
        string="3rd Unit Discount (%)",
        default=70.0,
        help="The 3rd unit of each series gets this discount; 0 makes series of 2 "
        "units (only the 2nd unit discounted).",
    )
    retail_break_ids = fields.One2many(
        "retail.promotion.break",
        "program_id",
        string="Quantity Breaks",
        copy=True,
        help="The highest break reached by the units of the group in the basket "
        "gives its discount to every unit of the group.",
    )
    retail_break_table = fields.Json(
        compute="_compute_retail_break_table",
        help="[[from units, discount], ...] of the quantity breaks, for the POS.",
    )
    retail_season = fields.Char(
        string="Season",
        help="Name of the sales season (e.g. Summer sales 2026), to find and "
        "report its promotions together.",
    )
    retail_partner_ids = fields.Many2many(
        "res.partner",
        "loyalty_program_retail_partner_rel",
        "program_id",
        "partner_id",
        string="Customers",
        help="Customers who get the discount (with the members of the segments).",
    )
    # The same field (and table) as retail_loyalty's segment limit of loyalty
    # programs, which may be installed before or after this module: a program is
    # either a loyalty program or a promotion, and for both it means "only
    # customers of these segments".
    retail_segment_ids = fields.Many2many(
        "retail.segment",
        string="Customer Segments",
        help="Only customers of one of these segments benefit from the program "
        "(earn points, get the discount). Empty: all customers.",
    )
    retail_customer_scope = fields.Json(
        compute="_compute_retail_customer_scope",
        help='{"partners": [ids], "segments": [ids]} of a customer discount, for '
        "the POS.",
    )
    retail_employee_ceiling = fields.Monetary(
        string="Ceiling per Employee and Month",
        currency_field="currency_id",
        help="Most discount an employee gets from this promotion in a calendar "
        "month, sale orders and tills together.",
    )
    retail_voucher_amount = fields.Monetary(
        string="Voucher Value",
        currency_field="currency_id",
        help="Value of the voucher issued per amount spent on the group (e.g. 10 per "
        "100 spent); vouchers add up and are used on the next visit.",
    )
    retail_team_ids = fields.Many2many(
        "crm.team",
        "loyalty_program_retail_team_rel",
        "program_id",
        "team_id",
        string="Sales Teams",
        help="On sale orders, the promotion applies only to orders of these teams "
        "(empty: every team).",
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
        "applies (the oldest promotion on equal priority). Cumulative promotions on "
        "the same products apply in the same order, each on what the earlier ones "
        "left.",
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
        "retail_second_discount",
        "retail_third_discount",
        "retail_break_ids",
        "retail_season",
        "date_from",
        "date_to",
        "retail_partner_ids",
        "retail_segment_ids",
        "retail_employee_ceiling",
        "retail_voucher_amount",
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
        *SCHEDULE_FIELDS,
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

    @api.depends("retail_break_ids.min_qty", "retail_break_ids.discount")
    def _compute_retail_break_table(self):
        for program in self:
            program.retail_break_table = [
                [qty_break.min_qty, qty_break.discount]
                for qty_break in program.retail_break_ids.sorted("min_qty")
            ]

    @api.depends("retail_partner_ids", "retail_segment_ids")
    def _compute_retail_customer_scope(self):
        for program in self:
            program.retail_customer_scope = {
                "partners": program.retail_partner_ids.ids,
                "segments": program.retail_segment_ids.ids,
            }

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
        if kind == "n_fixed_price" and (
            self.retail_buy_qty < 2 or self.retail_fixed_price <= 0
        ):
            return self.env._(
                "a fixed price needs at least 2 items (N = %(buy)s) and a positive "
                "price.",
                buy=self.retail_buy_qty,
            )
        if kind == "unit_discounts" and not (
            0 < self.retail_second_discount <= 100
            and 0 <= self.retail_third_discount <= 100
        ):
            return self.env._(
                "the 2nd unit discount must be between 0 and 100 %, the 3rd unit "
                "discount between 0 (no 3rd unit discount) and 100 %."
            )
        if kind == "quantity_breaks" and not self.retail_break_ids:
            return self.env._("add at least one quantity break.")
        if kind == "seasonal" and not self.retail_season:
            return self.env._("give the season a name.")
        if kind == "seasonal" and not (self.date_from and self.date_to):
            return self.env._("a seasonal sale needs a start and an end date.")
        if kind == "customer" and not (
            self.retail_partner_ids or self.retail_segment_ids
        ):
            return self.env._("choose the customers or the segments.")
        if kind == "employee" and self.retail_employee_ceiling <= 0:
            return self.env._("the ceiling per employee and month must be positive.")
        if kind == "amount_voucher" and not (
            self.retail_min_amount > 0 and 0 < self.retail_voucher_amount
        ):
            return self.env._(
                "the amount to spend and the voucher value must be positive."
            )
        if kind.startswith("spend_") and self.retail_min_amount <= 0:
            return self.env._("the amount to spend must be positive.")
        if kind in ("spend_gift", "gift_article") and not self.retail_gift_product_id:
            return self.env._("choose the gift article.")
        if kind in ("spend_voucher", *GROUP_PERCENT_TYPES) and not (
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
        minimum_qty = {
            "n_for_m": vals.get("retail_buy_qty", 3),
            "n_fixed_price": vals.get("retail_buy_qty", 3),
            "unit_discounts": 2,
            "quantity_breaks": self._retail_break_min_qty(vals.get("retail_break_ids")),
        }
        rule = {
            "mode": "auto",
            "product_ids": [Command.set(product_ids)],
            "reward_point_mode": "money" if kind == "amount_voucher" else "order",
            "reward_point_amount": 1,
            "minimum_qty": minimum_qty.get(kind, 1),
            "minimum_amount": vals.get("retail_min_amount", 0.0)
            if kind.startswith("spend_") or kind == "amount_voucher"
            else 0.0,
        }
        if kind in ("spend_gift", "gift_article"):
            reward = {
                "reward_type": "product",
                "reward_product_id": vals.get("retail_gift_product_id"),
                "reward_product_qty": 1,
            }
        elif kind == "amount_voucher":
            # 1 point per unit spent on the group; each `retail_min_amount` points
            # are worth `retail_voucher_amount` on the next order
            min_amount = vals.get("retail_min_amount") or 1.0
            reward = {
                "reward_type": "discount",
                "discount_mode": "per_point",
                "discount": vals.get("retail_voucher_amount", 0.0) / min_amount,
                "discount_applicability": "order",
                "required_points": min_amount,
            }
        elif kind in SCALED_TYPES:
            # the whole group (a fixed amount too large to cut anything), scaled
            # down to _retail_group_discount by sale.order._get_reward_values_discount
            # and the POS patch. A fixed amount rather than 100 %: the native
            # engines then count the line's real amount, not 100 %, when another
            # discount applies to the same products.
            reward = {
                "reward_type": "discount",
                "discount_mode": "per_order",
                "discount": SCALED_REWARD_AMOUNT,
                "discount_applicability": "specific",
                "discount_product_ids": [Command.set(product_ids)],
                "description": vals.get("name") or self.name,
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
                if kind in GROUP_PERCENT_TYPES
                else [Command.clear()],
            }
        reward.setdefault("required_points", 1)
        if reward["reward_type"] == "discount" and reward["discount"] <= 0:
            # refused here, before the native reward's own SQL check does it
            raise ValidationError(
                self.env._(
                    "Promotion %(name)s: the discount must be between 0 and 100 %%, "
                    "the amount to spend and the voucher value must be positive.",
                    name=vals.get("name") or self.name,
                )
            )
        program_type = {
            "n_for_m": "buy_x_get_y",
            "spend_voucher": "next_order_coupons",
            "amount_voucher": "next_order_coupons",
        }
        return {
            "program_type": program_type.get(kind, "promotion"),
            "applies_on": "future"
            if kind in ("spend_voucher", "amount_voucher")
            else "current",
            "trigger": "auto",
            "rule_ids": [Command.clear(), Command.create(rule)],
            "reward_ids": [Command.clear(), Command.create(reward)],
        }

    @api.model
    def _retail_break_min_qty(self, commands):
        """Smallest quantity of the breaks given as one2many commands (created
        breaks) or as a plain list of quantities; 1 when there is none."""
        quantities = []
        for command in commands or []:
            if isinstance(command, int):
                quantities.append(command)
            elif command[0] == Command.CREATE:
                quantities.append(command[2].get("min_qty", 10))
        return min(quantities, default=1)

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
                    "name": program.name,
                    "retail_promotion_type": program.retail_promotion_type,
                    "retail_product_ids": program.retail_product_ids.ids,
                    "retail_buy_qty": program.retail_buy_qty,
                    "retail_min_amount": program.retail_min_amount,
                    "retail_gift_product_id": program.retail_gift_product_id.id,
                    "retail_discount": program.retail_discount,
                    "retail_break_ids": program.retail_break_ids.mapped("min_qty"),
                    "retail_voucher_amount": program.retail_voucher_amount,
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
        return self._retail_schedule_overlaps(other)

    @api.model
    def _retail_discount_card_domain(self):
        """Discount cards in force: cards of discount-card programs issued to a
        holder from the back office (not the cards that orders create to count
        the program's uses), not expired."""
        return [
            ("program_id.retail_promotion_type", "=", "discount_card"),
            ("partner_id", "!=", False),
            ("order_id", "=", False),
            ("source_pos_order_id", "=", False),
            "|",
            ("expiration_date", "=", False),
            ("expiration_date", ">=", fields.Date.context_today(self)),
        ]

    def action_retail_discount_cards(self):
        """The discount cards of this program, to issue them to their holders."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Discount Cards"),
            "res_model": "loyalty.card",
            "view_mode": "list,form",
            "domain": [
                ("program_id", "=", self.id),
                ("order_id", "=", False),
                ("source_pos_order_id", "=", False),
            ],
            "context": {"default_program_id": self.id},
        }

    def _retail_customer_matches(self, partner):
        """Whether a customer discount is for `partner`: one of its customers or
        a member of one of its segments; for a discount card, the holder of a
        card in force. Mirrored in the POS by retailCustomerMatches
        (static/src/app/models/pos_order.esm.js)."""
        self.ensure_one()
        if self.retail_promotion_type == "employee":
            return bool(partner.retail_is_employee)
        if self.retail_promotion_type == "discount_card":
            # sudo: whether the customer holds a card in force (a count only)
            return bool(
                partner
                and self.env["loyalty.card"]
                .sudo()
                .search_count(
                    self._retail_discount_card_domain()
                    + [("program_id", "=", self.id), ("partner_id", "=", partner.id)],
                    limit=1,
                )
            )
        return bool(
            partner & self.retail_partner_ids
            or partner.retail_segment_ids & self.retail_segment_ids
        )

    def _retail_employee_discount_given(self, partners, moment, exclude=None):
        """{(partner id, program id): discount already given, taxes excluded} by
        the employee promotions of `self` to `partners` in the calendar month of
        `moment` (UTC) in the company's time zone, on confirmed sale orders and
        paid POS orders (`exclude`: orders to leave out), less what refunds of
        these orders gave back (at most the discount of the refunded line, the
        server's figure, in the month of the refunded order). Grouped queries,
        whatever the number of employees."""
        month_start, month_end = self._retail_month_bounds(moment)
        given = defaultdict(float)
        exclude = exclude or []
        # sudo: the employees' discounts of every store and user (totals only)
        for model, states in (
            ("sale.order.line", ("sale",)),
            ("pos.order.line", POS_DONE_STATES),
        ):
            excluded = [record.id for record in exclude if record._name == model[:-5]]
            domain = [
                ("reward_id.program_id", "in", self.ids),
                ("order_id.partner_id", "in", partners.ids),
                ("order_id.state", "in", states),
                ("order_id.date_order", ">=", month_start),
                ("order_id.date_order", "<", month_end),
                ("order_id", "not in", excluded),
            ]
            if model == "pos.order.line":
                domain.append(("refunded_orderline_id", "=", False))
            groups = (
                self.env[model]
                .sudo()
                ._read_group(domain, ["order_id", "reward_id"], ["price_subtotal:sum"])
            )
            for order, reward, amount in groups:
                given[order.partner_id.id, reward.program_id.id] -= amount
        for (partner_id, program_id), amount in self._retail_employee_discount_returned(
            partners, month_start, month_end, exclude
        ).items():
            given[partner_id, program_id] -= amount
        return given

    def _retail_employee_discount_returned(self, partners, start, end, exclude):
        """{(partner id, program id): discount given back} by paid POS refunds
        of the employee discounts of `self` given to `partners` by orders of
        [start, end): refund lines pointing at the reward line (refunded by
        hand, or its share with a refunded product), each reward line giving
        back at most its own discount (server figures, whatever the refund's
        price says)."""
        excluded = [record.id for record in exclude if record._name == "pos.order"]
        # sudo: the refunds of the employees' discounts, for the ceiling
        refunds = (
            self.env["pos.order.line"]
            .sudo()
            .search(
                [
                    ("order_id.state", "in", POS_DONE_STATES),
                    ("order_id", "not in", excluded),
                    "|",
                    ("refunded_orderline_id.reward_id.program_id", "in", self.ids),
                    (
                        "retail_refunded_reward_line_id.reward_id.program_id",
                        "in",
                        self.ids,
                    ),
                ]
            )
        )
        back = defaultdict(float)
        for refund in refunds:
            original = refund.retail_refunded_reward_line_id or (
                refund.refunded_orderline_id
            )
            order = original.order_id
            if order.partner_id not in partners or not start <= order.date_order < end:
                continue
            back[original] += refund.price_subtotal
        returned = defaultdict(float)
        for original, amount in back.items():
            # a discount line is negative: its refund is positive
            amount = min(max(amount, 0.0), -original.price_subtotal)
            returned[
                original.order_id.partner_id.id, original.reward_id.program_id.id
            ] += amount
        return returned

    def _retail_month_bounds(self, moment):
        """Start and end, in UTC (naive, as stored), of the calendar month of
        `moment` (naive UTC) in the time zone of the programs' company (the
        current company for programs of every company): the time zone of its
        partner, or `loyalty.timezone`, as sale_loyalty and the tills use."""
        company = self.company_id[:1] or self.env.company
        # sudo: a public setting (the loyalty time zone), read for every user
        tz = pytz.timezone(
            company.partner_id.tz
            or self.env["ir.config_parameter"]
            .sudo()
            .get_param("loyalty.timezone", "UTC")
        )
        local = pytz.utc.localize(moment).astimezone(tz).replace(tzinfo=None)
        start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        return tuple(
            tz.localize(bound).astimezone(pytz.utc).replace(tzinfo=None)
            for bound in (start, start + relativedelta(months=1))
        )

    @api.model
    def retail_employee_allowance(self, partner_id, program_ids):
        """{program id: discount the employee may still get this month} of the
        employee promotions `program_ids` (the till asks when the order's
        customer is an employee). Only for cashiers and salesmen, and only for
        an employee of the companies they work in: nothing for other
        customers."""
        user = self.env.user
        if not self.env.su and not (
            user.has_group("point_of_sale.group_pos_user")
            or user.has_group("sales_team.group_sale_salesman")
        ):
            raise AccessError(
                self.env._(
                    "Only cashiers and salesmen may ask an employee's allowance."
                )
            )
        if not isinstance(partner_id, int) or not isinstance(program_ids, list | tuple):
            raise ValidationError(self.env._("Give a customer and promotions."))
        partner = self.env["res.partner"].browse(partner_id).exists()
        if not partner:
            return {}
        partner.check_access("read")
        if (
            partner.company_id and partner.company_id not in self.env.companies
        ) or not partner.retail_is_employee:
            return {}
        programs = (
            self.browse([pid for pid in program_ids if isinstance(pid, int)])
            .exists()
            .filtered_domain(self._check_company_domain(self.env.companies))
            .filtered(lambda program: program.retail_promotion_type == "employee")
        )
        programs.check_access("read")
        return programs._retail_employee_allowance(partner, fields.Datetime.now())

    def _retail_employee_allowance(self, partner, moment):
        """{program id: discount `partner` may still get} from the employee
        promotions of `self` in the month of `moment` (naive UTC)."""
        programs = self.filtered(
            lambda program: program.retail_promotion_type == "employee"
        )
        if not partner or not programs:
            return {}
        given = programs._retail_employee_discount_given(partner, moment)
        return {
            program.id: max(
                0.0, program.retail_employee_ceiling - given[partner.id, program.id]
            )
            for program in programs
        }

    @api.model
    def _retail_check_employee_ceilings(self, orders, lines):
        """Refuse `orders` (sale or POS orders being confirmed or synchronised)
        when their employee discounts (`lines`, the reward lines of employee
        promotions) exceed what is left of the ceiling of the month. Amounts are
        taxes excluded, as the reward lines' unit prices the engines cap."""
        if not lines:
            return
        for order in lines.order_id:
            self._retail_check_employee_ceiling(
                order, lines.filtered(lambda line, o=order: line.order_id == o), orders
            )

    @api.model
    def _retail_check_employee_ceiling(self, order, lines, orders):
        """The check of _retail_check_employee_ceilings for one order: in the
        month of the order's date (company time zone), the discount of `lines`
        (server figures) with what other orders gave that month."""
        programs = lines.reward_id.program_id
        partners = order.partner_id
        this_order = defaultdict(float)
        for line in lines:
            this_order[partners.id, line.reward_id.program_id.id] -= line.price_subtotal
        given = programs._retail_employee_discount_given(
            partners, order.date_order or fields.Datetime.now(), exclude=orders
        )
        currency = programs.currency_id[:1]
        for (partner_id, program_id), amount in this_order.items():
            program = programs.browse(program_id)
            remaining = program.retail_employee_ceiling - given[partner_id, program_id]
            if currency.compare_amounts(amount, remaining) > 0:
                raise UserError(
                    self.env._(
                        "%(employee)s has reached the ceiling of the employee "
                        "discount %(name)s for this month: %(remaining)s left, "
                        "%(amount)s on this order.",
                        employee=partners.browse(partner_id).name,
                        name=program.name,
                        remaining=currency.format(max(0.0, remaining)),
                        amount=currency.format(amount),
                    )
                )

    def _retail_group_discount(self, unit_prices):
        """Discount of a scaled promotion (SCALED_TYPES) on the units of its group
        (`unit_prices`, taxes included, one entry per unit). Mirrored in the POS by
        retailGroupDiscount (static/src/app/models/pos_order.esm.js)."""
        self.ensure_one()
        kind = self.retail_promotion_type
        if kind == "n_fixed_price":
            return self._retail_bundle_discount(unit_prices)
        prices = sorted(unit_prices, reverse=True)
        if kind == "n_for_m":
            # each consecutive group of N units, from the most expensive, gives its
            # N - M cheapest units free; the cheapest leftover units pay full price
            size, paid = self.retail_buy_qty, self.retail_pay_qty
            groups = len(prices) // size
            return sum(
                sum(prices[group * size + paid : (group + 1) * size])
                for group in range(groups)
            )
        if kind == "unit_discounts":
            # series of 3 units (2 when the 3rd unit discount is 0), from the most
            # expensive: full price, 2nd unit discount, 3rd unit discount
            rates = [0.0, self.retail_second_discount, self.retail_third_discount]
            series = 3 if self.retail_third_discount else 2
            return sum(
                price * rates[index % series] / 100
                for index, price in enumerate(prices)
            )
        if kind == "quantity_breaks":
            reached = [
                discount
                for min_qty, discount in self.retail_break_table
                if len(prices) >= min_qty
            ]
            return sum(prices) * reached[-1] / 100 if reached else 0.0
        return 0.0

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
        discounted = product_lines.browse()
        for line_reward in reward_lines.reward_id:
            if line_reward.discount_applicability == "specific":
                discounted |= product_lines.filtered_domain(
                    [("product_id", "any", line_reward._get_discount_product_domain())]
                )
            else:
                discounted = product_lines
        discountable = sum(discounted.mapped("price_subtotal_incl"))
        if self.retail_promotion_type in (
            "customer",
            "employee",
        ) and not self._retail_customer_matches(partner):
            return 0.0, self.env._("not for this customer")
        if self.applies_on != "future" and not self._retail_pos_rules_met(
            product_lines
        ):
            return 0.0, self.env._("the basket does not meet its conditions")
        if self.retail_promotion_type in SCALED_TYPES:
            group = product_lines.filtered(
                lambda line: line.product_id in self.retail_product_ids
            )
            unit_prices = [
                line.price_subtotal_incl / line.qty
                for line in group
                for _unit in range(int(line.qty))
            ]
            bound = self._retail_group_discount(unit_prices)
            reason = self.env._(
                "%(units)s units of its products", units=len(unit_prices)
            )
        elif reward.discount_mode == "percent":
            bound = discountable * reward.discount / 100
            reason = self.env._(
                "%(percent)s %% of %(amount)s",
                percent=reward.discount,
                amount=currency.format(discountable),
            )
        elif reward.discount_mode == "per_order":
            claims = len(set(reward_lines.mapped("reward_identifier_code"))) or 1
            bound = reward.discount * claims
            reason = self.env._(
                "%(amount)s per claim", amount=currency.format(reward.discount)
            )
        else:
            bound = discountable
            reason = self.env._("the lines it discounts")
        if reward.discount_max_amount:
            bound = min(bound, reward.discount_max_amount)
        if bound > discountable:
            bound = discountable
            reason = self.env._(
                "the lines it discounts: %(amount)s",
                amount=currency.format(discountable),
            )
        return max(0.0, currency.round(bound)), reason

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
            amount = sum(product_lines.mapped(amount_field))
            if (
                lines
                and sum(lines.mapped("qty")) >= rule.minimum_qty
                and self.currency_id.compare_amounts(amount, rule.minimum_amount) >= 0
            ):
                return True
        return False

    def _retail_bundle_discount(self, unit_prices):
        """Discount of a fixed-price promotion on the units of its group
        (`unit_prices`, taxes included): the most expensive units make as many sets
        of N as possible, each set costs the fixed price. Mirrored in the POS by
        retailBundleDiscount (static/src/app/models/pos_order.esm.js)."""
        self.ensure_one()
        sets = len(unit_prices) // self.retail_buy_qty
        in_sets = sorted(unit_prices, reverse=True)[: sets * self.retail_buy_qty]
        return max(0.0, sum(in_sets) - sets * self.retail_fixed_price)

    def _retail_combine(self):
        """The promotions of `self` (all satisfied by one basket) that apply: all of
        them when none is exclusive, else only the exclusive one of highest
        priority, the oldest on equal priority. Mirrored in the POS by
        retailCombinePromotions (static/src/app/models/pos_order.esm.js)."""
        exclusive = self.filtered("retail_exclusive")
        if not exclusive:
            return self
        return exclusive._retail_application_order()[:1]

    def _retail_application_order(self):
        """The promotions of `self` in the order they apply to a basket: the
        highest priority first, the oldest on equal priority. Cumulative
        promotions on the same lines apply in that order, each on what the
        earlier ones left. Mirrored in the POS by retailApplicationOrder
        (static/src/app/models/pos_order.esm.js)."""
        return self.sorted(lambda p: (-p.retail_priority, p.id))

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

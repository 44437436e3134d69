# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Retail promotions: the fields that configure a promotion, its checks and the
native rule and reward kept in step with them. The types are in
loyalty_program_types.py, the other concerns in loyalty_program_*.py."""

from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError

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
# Fields the checks of the types read besides the configuration.
PROMOTION_CHECKED_FIELDS = PROMOTION_CONFIG_FIELDS | {
    "retail_season",
    "date_from",
    "date_to",
    "retail_partner_ids",
    "retail_segment_ids",
    "retail_employee_ceiling",
}


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

    @api.constrains(*sorted(PROMOTION_CHECKED_FIELDS))
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

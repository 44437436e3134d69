# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Employee promotions: the monthly ceiling of each employee's discount, sale
orders and tills together."""

from collections import defaultdict

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

# States of the orders whose discounts count against an employee's ceiling.
POS_DONE_STATES = ("paid", "done", "invoiced")
# PostgreSQL's integer ids
MAX_ID = 2**31 - 1


class LoyaltyProgram(models.Model):
    _inherit = "loyalty.program"

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
                # Odoo stores a refund order's line totals with its sign
                sign = -1 if model == "pos.order.line" and order.is_refund else 1
                given[order.partner_id.id, reward.program_id.id] -= amount * sign
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
            back[original] += refund._retail_amount("price_subtotal")
        returned = defaultdict(float)
        for original, amount in back.items():
            # a discount line is negative: its refund is positive
            amount = min(max(amount, 0.0), -original._retail_amount("price_subtotal"))
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
        if (
            type(partner_id) is not int
            or not 0 < partner_id <= MAX_ID
            or not isinstance(program_ids, list | tuple)
            or any(type(pid) is int and not 0 < pid <= MAX_ID for pid in program_ids)
        ):
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
            this_order[partners.id, line.reward_id.program_id.id] -= (
                line._retail_amount("price_subtotal")
            )
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

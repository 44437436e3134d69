# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import UTC

import pytz

from odoo import fields, models
from odoo.fields import Domain


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _retail_promotion_moment(self):
        """The local date and time at which promotions are checked: now, in the
        time zone sale_loyalty uses for program dates."""
        self.ensure_one()
        tz = pytz.timezone(self._get_program_timezone())
        return fields.Datetime.now().replace(tzinfo=UTC).astimezone(tz)

    def _get_program_domain(self):
        domain = super()._get_program_domain()
        Program = self.env["loyalty.program"]
        schedule = Program._retail_schedule_domain(self._retail_promotion_moment()) + [
            "|",
            ("retail_team_ids", "=", False),
            ("retail_team_ids", "in", self.team_id.ids),
        ]
        if non_engine := Program._retail_non_engine_types():
            # their effect comes through another program
            schedule.append(("retail_promotion_type", "not in", non_engine))
        if isinstance(domain, list):
            # website_sale_loyalty edits the list returned by super(): keep a list
            return domain + list(schedule)
        return Domain.AND([domain, schedule])

    def _program_check_compute_points(self, programs):
        """Of the retail promotions the basket satisfies, keep only the winner when
        an exclusive one is among them (see loyalty.program._retail_combine)."""
        result = super()._program_check_compute_points(programs)
        customer_types = programs._retail_customer_types()
        for program in programs.filtered(
            lambda program: program.retail_promotion_type in customer_types
        ):
            if not program._retail_customer_matches(self.partner_id):
                result[program] = {
                    "error": self.env._(
                        "Promotion %(name)s is not for this customer.",
                        name=program.name,
                    )
                }
        satisfied = programs.filtered(
            lambda program: program.retail_promotion_type
            and "error" not in result.get(program, {})
            and any(result.get(program, {}).get("points", []))
        )
        excluded = satisfied - satisfied._retail_combine()
        for program in excluded:
            result[program] = {
                "error": self.env._(
                    "Promotion %(name)s is not combined with an exclusive promotion.",
                    name=program.name,
                )
            }
        return result

    def _update_programs_and_rewards(self):
        """sale_loyalty recomputes the reward lines in their order (each discount
        on what the lines before it left), then applies the new automatic
        programs: the retail promotions' lines are first put in the order the
        promotions apply (a promotion claimed after one it comes before); when a
        promotion applied by the update comes before one applied earlier, the
        rewards are computed once more. Cumulative promotions on the same lines
        then split their discount as in the till."""
        self._retail_renumber_reward_lines()
        result = super()._update_programs_and_rewards()
        if self._retail_renumber_reward_lines():
            result = super()._update_programs_and_rewards()
        return result

    def _retail_reward_line_sequences(self, programs):
        """{program: sequence} of the reward lines of the retail promotions
        `programs` of the order: after the order's products (sale_loyalty's
        sequence for reward lines), in the order the promotions apply
        (loyalty.program._retail_application_order)."""
        base = max(
            self.order_line.filtered(lambda line: not line.is_reward_line).mapped(
                "sequence"
            ),
            default=10,
        )
        return {
            program: base + 2 + index
            for index, program in enumerate(programs._retail_application_order())
        }

    def _retail_renumber_reward_lines(self):
        """Gives the retail promotions' reward lines their sequence
        (_retail_reward_line_sequences), the order's lines read again in their
        new order; True when one changed."""
        self.ensure_one()
        lines = self.order_line.filtered(
            lambda line: line.reward_id.program_id.retail_promotion_type
        )
        sequences = self._retail_reward_line_sequences(lines.reward_id.program_id)
        changed = lines.filtered(
            lambda line: line.sequence != sequences[line.reward_id.program_id]
        )
        for line in changed:
            line.sequence = sequences[line.reward_id.program_id]
        if changed:
            changed.flush_recordset(["sequence"])
            self.invalidate_recordset(["order_line"])
        return bool(changed)

    def _get_reward_line_values(self, reward, coupon, **kwargs):
        """Reward lines of retail promotions numbered in the order the
        promotions apply (_retail_reward_line_sequences)."""
        values_list = super()._get_reward_line_values(reward, coupon, **kwargs)
        program = reward.program_id
        if not program.retail_promotion_type:
            return values_list
        programs = self.order_line.reward_id.program_id.filtered(
            "retail_promotion_type"
        )
        sequence = self._retail_reward_line_sequences(programs | program)[program]
        for values in values_list:
            values["sequence"] = sequence
        return values_list

    def _get_reward_values_discount(self, reward, coupon, **kwargs):
        """Scaled promotions (N for M, fixed price, 2nd and 3rd units, quantity
        breaks): the native discount of the whole group, scaled down to the
        discount of loyalty.program._retail_group_discount."""
        values_list = super()._get_reward_values_discount(reward, coupon, **kwargs)
        program = reward.program_id
        if program.retail_promotion_type == "employee":
            return self._retail_cap_employee_discount(program, values_list)
        if not program._retail_promotion_method(
            program.retail_promotion_type, "discount"
        ):
            return values_list
        group_lines = self.order_line.filtered(
            lambda line: not line.reward_id
            and line.product_uom_qty > 0
            and line.product_id in program.retail_product_ids
        )
        unit_prices = [
            line.price_total / line.product_uom_qty
            for line in group_lines
            for _unit in range(int(line.product_uom_qty))
        ]
        base = sum(line.price_total for line in group_lines)
        factor = program._retail_group_discount(unit_prices) / base if base else 0.0
        for values in values_list:
            values["price_unit"] *= factor
        return values_list

    def _retail_cap_employee_discount(self, program, values_list):
        """An employee discount is cut down to what is left of the employee's
        ceiling for the month (as the till does with the allowance it asks)."""
        allowance = program._retail_employee_allowance(
            self.partner_id, self.date_order or fields.Datetime.now()
        ).get(program.id, 0.0)
        total = -sum(values["price_unit"] for values in values_list)
        if total > allowance:
            factor = allowance / total if total else 0.0
            for values in values_list:
                values["price_unit"] *= factor
        return values_list

    def action_confirm(self):
        """Employee discounts: refused when they exceed what is left of the
        employee's ceiling for the month (another order may have used it)."""
        for order in self:
            lines = order.order_line.filtered(
                lambda line: line.reward_id.program_id.retail_promotion_type
                == "employee"
            )
            self.env["loyalty.program"]._retail_check_employee_ceilings(order, lines)
        return super().action_confirm()

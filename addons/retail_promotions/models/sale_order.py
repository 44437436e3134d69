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
        schedule = self.env["loyalty.program"]._retail_schedule_domain(
            self._retail_promotion_moment()
        )
        if isinstance(domain, list):
            # website_sale_loyalty edits the list returned by super(): keep a list
            return domain + list(schedule)
        return Domain.AND([domain, schedule])

    def _program_check_compute_points(self, programs):
        """Of the retail promotions the basket satisfies, keep only the winner when
        an exclusive one is among them (see loyalty.program._retail_combine)."""
        result = super()._program_check_compute_points(programs)
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

    def _get_reward_values_discount(self, reward, coupon, **kwargs):
        """Fixed-price promotions: the native 100 % discount on the group, scaled
        down to the discount of the sets of N items."""
        values_list = super()._get_reward_values_discount(reward, coupon, **kwargs)
        program = reward.program_id
        if program.retail_promotion_type != "n_fixed_price":
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
        factor = program._retail_bundle_discount(unit_prices) / base if base else 0.0
        for values in values_list:
            values["price_unit"] *= factor
        return values_list

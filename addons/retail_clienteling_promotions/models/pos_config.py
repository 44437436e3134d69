# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class PosConfig(models.Model):
    _inherit = "pos.config"

    def _retail_suggestion_hints(self, suggestions, units, partner_id):
        """A suggestion whose unit completes a set of an N for M promotion
        running at this till now ("One more: 3 for 2")."""
        suggestions = super()._retail_suggestion_hints(suggestions, units, partner_id)
        programs = self._retail_hint_programs()
        for suggestion in suggestions:
            if suggestion["hint"]:
                continue
            for program in programs:
                group = program.retail_product_ids
                if suggestion["product_id"] not in group.ids:
                    continue
                in_basket = sum(units.get(product_id, 0) for product_id in group.ids)
                if in_basket and (in_basket + 1) % program.retail_buy_qty == 0:
                    suggestion["hint"] = self.env._(
                        "One more: %(buy)s for %(pay)s",
                        buy=program.retail_buy_qty,
                        pay=program.retail_pay_qty,
                    )
                    break
        return suggestions

    def _retail_hint_programs(self):
        """The N for M promotions of this till running now (dates, week days and
        hours in the company's time zone)."""
        Program = self.env["loyalty.program"]
        # the N for M promotions first (a small search, most often empty),
        # then the till's running programs among them
        programs = Program.search(
            [("retail_promotion_type", "=", "n_for_m"), ("retail_buy_qty", ">", 1)]
        )
        if not programs:
            return programs
        programs &= self._get_program_ids()
        moment = Program._retail_local_now(Program._retail_company_tz(self.company_id))
        return programs.filtered(
            lambda program: program._retail_schedule_matches(moment)
        )

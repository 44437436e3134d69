# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What a promotion does and when it applies, in words: shown to the cashier and on
sale orders, and used by the server re-check of POS orders (the rule of each type
in words is the type's ``_text`` method, loyalty_program_types.py)."""

from odoo import api, fields, models

from .loyalty_program import PROMOTION_CONFIG_FIELDS


class LoyaltyProgram(models.Model):
    _inherit = "loyalty.program"

    retail_rule_description = fields.Char(
        string="Rule in Words",
        compute="_compute_retail_rule_description",
        help="What the basket needs and what it gets, as the cashier sees it.",
    )

    @api.depends(*PROMOTION_CONFIG_FIELDS)
    def _compute_retail_rule_description(self):
        for program in self:
            program.retail_rule_description = program._retail_rule_text()

    def _retail_not_applicable_reasons(self, moment, config, company, sale=False):
        """{program: reason} for the programs of `self` that do not apply at
        `moment` (a local datetime) in the store `config` of `company` (on sale
        orders when `sale`): dates, store, company, week days and hours. The
        program being archived since is not a reason (an offline order may be
        synchronised later)."""
        reasons = {}
        day = moment.date()
        for program in self:
            if program.company_id and program.company_id != company:
                reason = self.env._("promotion of another company")
            elif sale and not program.sale_ok:
                reason = self.env._("not valid on sale orders")
            elif not sale and (
                not program.pos_ok
                or (program.pos_config_ids and config not in program.pos_config_ids)
            ):
                reason = self.env._("not valid in store %(store)s", store=config.name)
            elif (program.date_from and day < program.date_from) or (
                program.date_to and day > program.date_to
            ):
                reason = self.env._(
                    "valid from %(start)s to %(end)s",
                    start=program.date_from or "…",
                    end=program.date_to or "…",
                )
            elif not program._retail_schedule_matches(moment):
                reason = self.env._(
                    "outside its days and hours (%(schedule)s)",
                    schedule=program._retail_schedule_text(),
                )
            else:
                continue
            reasons[program] = reason
        return reasons

    @api.model
    def _load_pos_data_fields(self, config):
        return super()._load_pos_data_fields(config) + ["retail_rule_description"]

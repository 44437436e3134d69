# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class PosConfig(models.Model):
    _inherit = "pos.config"

    def _get_program_ids(self):
        # The promotion types the native engines do not apply are no program of
        # the till: their effect comes through another program.
        non_engine = self.env["loyalty.program"]._retail_non_engine_types()
        programs = super()._get_program_ids()
        if not non_engine:
            return programs
        return programs.filtered(lambda p: p.retail_promotion_type not in non_engine)

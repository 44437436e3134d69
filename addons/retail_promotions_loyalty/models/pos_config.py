# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from .loyalty_program import EXTRA_POINTS


class PosConfig(models.Model):
    _inherit = "pos.config"

    def _get_program_ids(self):
        # Extra point promotions are no program of the till: their points come
        # with the loyalty program they feed (retail_extra_points_table).
        return (
            super()
            ._get_program_ids()
            .filtered(lambda p: p.retail_promotion_type != EXTRA_POINTS)
        )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    retail_pair_days = fields.Integer(
        related="company_id.retail_pair_days", readonly=False
    )
    retail_pair_min_count = fields.Integer(
        related="company_id.retail_pair_min_count", readonly=False
    )
    retail_pair_top_k = fields.Integer(
        related="company_id.retail_pair_top_k", readonly=False
    )
    retail_suggest_recent_days = fields.Integer(
        related="company_id.retail_suggest_recent_days", readonly=False
    )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    pos_retail_credit_series_id = fields.Many2one(
        related="pos_config_id.retail_credit_series_id",
        readonly=False,
    )

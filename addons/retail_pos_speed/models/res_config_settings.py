# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    pos_retail_pos_speed = fields.Boolean(
        related="pos_config_id.retail_pos_speed", readonly=False
    )

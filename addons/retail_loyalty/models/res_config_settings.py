# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    pos_retail_loyalty_offline_card_cap = fields.Float(
        related="pos_config_id.retail_loyalty_offline_card_cap", readonly=False
    )
    pos_retail_loyalty_offline_till_cap = fields.Float(
        related="pos_config_id.retail_loyalty_offline_till_cap", readonly=False
    )

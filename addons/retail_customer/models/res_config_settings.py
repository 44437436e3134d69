# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    pos_retail_channel_id = fields.Many2one(
        related="pos_config_id.retail_channel_id", readonly=False
    )
    retail_customer_file = fields.Selection(
        related="company_id.retail_customer_file", readonly=False
    )
    retail_default_channel_id = fields.Many2one(
        related="company_id.retail_default_channel_id", readonly=False
    )

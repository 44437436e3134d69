# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    retail_gift_registry_program_id = fields.Many2one(
        related="company_id.retail_gift_registry_program_id", readonly=False
    )
    retail_gift_registry_bonus_percent = fields.Float(
        related="company_id.retail_gift_registry_bonus_percent", readonly=False
    )
    retail_gift_registry_discount_percent = fields.Float(
        related="company_id.retail_gift_registry_discount_percent", readonly=False
    )
    retail_gift_registry_discount_days = fields.Integer(
        related="company_id.retail_gift_registry_discount_days", readonly=False
    )

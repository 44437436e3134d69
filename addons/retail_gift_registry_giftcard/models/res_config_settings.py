# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    retail_gift_registry_giftcard_series_id = fields.Many2one(
        related="company_id.retail_gift_registry_giftcard_series_id", readonly=False
    )
    retail_gift_registry_giftcard_account_id = fields.Many2one(
        related="company_id.retail_gift_registry_giftcard_account_id", readonly=False
    )
    retail_gift_registry_bonus_account_id = fields.Many2one(
        related="company_id.retail_gift_registry_bonus_account_id", readonly=False
    )

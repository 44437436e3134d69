# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PosConfig(models.Model):
    _inherit = "pos.config"

    retail_store_tz = fields.Char(
        string="Store Time Zone",
        compute="_compute_retail_store_tz",
        help="Time zone in which the till checks week days and hours (promotions, "
        "questionnaires): the company's, as on sale orders.",
    )

    @api.depends("company_id.partner_id.tz")
    def _compute_retail_store_tz(self):
        mixin = self.env["retail.schedule.mixin"]
        for config in self:
            config.retail_store_tz = mixin._retail_company_tz(config.company_id)

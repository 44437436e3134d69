# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PosConfig(models.Model):
    _inherit = "pos.config"

    retail_promotion_tz = fields.Char(
        string="Promotion Time Zone",
        compute="_compute_retail_promotion_tz",
        help="Time zone in which the till checks the week days and hours of "
        "promotions: the company's, as on sale orders.",
    )

    @api.depends("company_id.partner_id.tz")
    def _compute_retail_promotion_tz(self):
        # sudo: a public setting (the loyalty time zone), read for every user
        default_tz = (
            self.env["ir.config_parameter"].sudo().get_param("loyalty.timezone", "UTC")
        )
        for config in self:
            config.retail_promotion_tz = config.company_id.partner_id.tz or default_tz

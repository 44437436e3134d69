# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PosConfig(models.Model):
    _inherit = "pos.config"

    retail_credit_series_id = fields.Many2one(
        comodel_name="retail.giftcard.series",
        string="Store Credit Series",
        ondelete="restrict",
        domain="[('company_id', '=', company_id)]",
        help="Gift card series of the new cards a refund is paid out on as store "
        "credit. Empty: refunds credit only existing gift cards.",
    )

    @api.constrains("retail_credit_series_id", "company_id")
    def _check_retail_credit_series(self):
        for config in self.filtered("retail_credit_series_id"):
            # sudo: the series' company and stores, to check the setting
            series = config.retail_credit_series_id.sudo()
            if series.company_id != config.company_id or not series._accepts(
                config.company_id, config
            ):
                raise ValidationError(
                    self.env._(
                        "The store credit series of %(store)s must be a series of "
                        "its company that the store accepts, not %(series)s.",
                        store=config.name,
                        series=series.name,
                    )
                )

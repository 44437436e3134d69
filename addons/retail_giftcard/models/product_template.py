# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    retail_giftcard_product = fields.Boolean(
        string="Retail Gift Card",
        readonly=True,
        copy=False,
        help="Sells or reloads gift cards of a series: the till asks for the card "
        "and the amount.",
    )

    @api.model
    def _load_pos_data_fields(self, config):
        return [*super()._load_pos_data_fields(config), "retail_giftcard_product"]

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    retail_gift_registry_contribution = fields.Boolean(
        string="Gift List Contribution",
        help="A line of this service product on an order for a gift list is money "
        "given to the list (or toward one of its items), credited to the owners "
        "when the list is settled.",
    )

    @api.model
    def _load_pos_data_fields(self, config):
        return super()._load_pos_data_fields(config) + [
            "retail_gift_registry_contribution"
        ]

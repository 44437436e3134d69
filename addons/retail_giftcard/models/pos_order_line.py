# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PosOrderLine(models.Model):
    _inherit = "pos.order.line"

    retail_giftcard_code = fields.Char(
        string="Gift Card Number",
        help="Number of the gift card this line sells or reloads.",
    )
    retail_giftcard_id = fields.Many2one(
        comodel_name="loyalty.card",
        string="Gift Card",
        readonly=True,
        ondelete="restrict",
        index="btree_not_null",
    )

    @api.model
    def _retail_till_fields(self):
        return super()._retail_till_fields() | {"retail_giftcard_code"}

    @api.model
    def _load_pos_data_fields(self, config):
        return [*super()._load_pos_data_fields(config), "retail_giftcard_code"]

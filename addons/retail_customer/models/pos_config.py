# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PosConfig(models.Model):
    _inherit = "pos.config"

    retail_channel_id = fields.Many2one(
        "retail.channel",
        string="Channel",
        default=lambda self: self._retail_default_channel(),
        help="Channel recorded on this store's orders and given to the customers "
        "created at its till (its required fields apply there).",
    )

    @api.model
    def _retail_default_channel(self):
        return self.env.ref(
            "retail_customer.retail_channel_store", raise_if_not_found=False
        )

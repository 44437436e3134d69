# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class RetailReceiptRule(models.Model):
    _inherit = "retail.receipt.rule"

    @api.model
    def _selection_tier(self):
        """A rule may name a tier of the retail loyalty programs."""
        return [
            *super()._selection_tier(),
            ("retail.loyalty.tier", self.env._("Loyalty Tier")),
        ]

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class LoyaltyCard(models.Model):
    _inherit = "loyalty.card"

    @api.model
    def _retail_report_shortfalls(self, shortfalls):
        """Each order with offline shortfalls gets one incident for its store."""
        res = super()._retail_report_shortfalls(shortfalls)
        self.env["retail.incident"]._retail_raise_card_shortfalls(shortfalls)
        return res

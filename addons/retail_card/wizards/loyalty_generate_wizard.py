# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import AccessError

from ..trusted import trusted_flow


class LoyaltyGenerateWizard(models.TransientModel):
    _inherit = "loyalty.generate.wizard"

    def generate_coupons(self):
        """Odoo's coupon generation creates cards with points and their history
        rows: card managers only (store managers, head office, Point of Sale
        and Sales administrators), as a trusted flow."""
        if not self.env.su and not self.env["loyalty.card"]._retail_card_manager():
            raise AccessError(
                self.env._(
                    "Only store managers, head office and Point of Sale or Sales "
                    "administrators generate cards with a balance."
                )
            )
        with trusted_flow("loyalty.generate.wizard.generate_coupons"):
            return super().generate_coupons()

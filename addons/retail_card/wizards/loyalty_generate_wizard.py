# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import AccessError

from ..trusted import trusted_flow


class LoyaltyGenerateWizard(models.TransientModel):
    _inherit = "loyalty.generate.wizard"

    def generate_coupons(self):
        """Odoo's coupon generation creates cards with points and their history
        rows: card managers only (store managers and head office for gift
        cards and eWallets, whose points are money), as a trusted flow."""
        Card = self.env["loyalty.card"]
        money = any(
            wizard.program_id.program_type in ("gift_card", "ewallet")
            for wizard in self
        )
        if not self.env.su and (
            not Card._retail_card_manager()
            or (
                money
                and not self.env.user.has_group("retail_card.group_card_store_manager")
            )
        ):
            raise AccessError(
                self.env._(
                    "Only store managers and head office generate cards with a balance."
                )
            )
        with trusted_flow("loyalty.generate.wizard.generate_coupons"):
            return super().generate_coupons()

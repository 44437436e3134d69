# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from ..trusted import trusted_flow


class PosConfig(models.Model):
    _inherit = "pos.config"

    def use_coupon_code(self, code, creation_date, partner_id, pricelist_id):
        """pos_loyalty's use of a coupon or gift card number typed at the till:
        a lookup by number, throttled per user and till; a number that is no
        card is logged as a failed lookup."""
        self.ensure_one()
        self.check_access("read")
        Card = self.env["loyalty.card"]
        code = Card._retail_clean_code(code)
        Card._retail_check_throttle("card", self.id)
        with trusted_flow("pos.config.use_coupon_code"):
            result = super().use_coupon_code(
                code, creation_date, partner_id, pricelist_id
            )
        if not result.get("successful") and not Card._retail_code_exists(code):
            Card._retail_log_failed_lookup("card", code, self.id)
        return result

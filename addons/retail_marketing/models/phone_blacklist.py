# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.fields import Domain


class PhoneBlacklist(models.Model):
    """A phone number blacklisted (the unsubscribe link of an SMS, the
    blacklist itself) withdraws the SMS consent of the customers with that
    number, dated, with its source."""

    _inherit = "phone.blacklist"

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._retail_withdraw_consent()
        return records

    def write(self, vals):
        res = super().write(vals)
        if vals.get("active") or vals.get("number"):
            self._retail_withdraw_consent()
        return res

    def _retail_withdraw_consent(self):
        numbers = self.filtered("active").mapped("number")
        if numbers:
            self.env["res.partner"]._retail_withdraw_consent(
                "sms",
                Domain("retail_mobile_sanitized", "in", numbers)
                | Domain("retail_phone_sanitized", "in", numbers)
                | Domain("phone_sanitized", "in", numbers),
            )

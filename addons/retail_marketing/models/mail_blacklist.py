# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class MailBlacklist(models.Model):
    """An email address blacklisted (the unsubscribe link of a mailing, the
    blacklist itself) withdraws the email consent of the customers with that
    address, dated, with its source."""

    _inherit = "mail.blacklist"

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._retail_withdraw_consent()
        return records

    def write(self, vals):
        res = super().write(vals)
        if vals.get("active") or vals.get("email"):
            self._retail_withdraw_consent()
        return res

    def _retail_withdraw_consent(self):
        emails = self.filtered("active").mapped("email")
        if emails:
            self.env["res.partner"]._retail_withdraw_consent(
                "email", [("email_normalized", "in", emails)]
            )

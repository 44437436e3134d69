# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.fields import Domain


class PhoneBlacklist(models.Model):
    """A blacklisted phone number withdraws the SMS consent of the customers
    with that number."""

    _name = "phone.blacklist"
    _inherit = ["phone.blacklist", "retail.blacklist.consent.mixin"]

    _retail_consent_channel = "sms"
    _retail_consent_field = "number"

    def _retail_consent_domain(self, values):
        return (
            Domain("retail_mobile_sanitized", "in", values)
            | Domain("retail_phone_sanitized", "in", values)
            | Domain("phone_sanitized", "in", values)
        )

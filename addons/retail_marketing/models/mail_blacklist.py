# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.fields import Domain


class MailBlacklist(models.Model):
    """A blacklisted email address withdraws the email consent of the customers
    with that address."""

    _name = "mail.blacklist"
    _inherit = ["mail.blacklist", "retail.blacklist.consent.mixin"]

    _retail_consent_channel = "email"
    _retail_consent_field = "email"

    def _retail_consent_domain(self, values):
        return Domain("email_normalized", "in", values)

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

# The customer fields a campaign prints (the module's USAGE table): usable in a
# mailing by marketers who are not mail template editors, like the name.
PLACEHOLDERS = (
    "object.customer_number",
    "object.retail_preferred_store_id.name",
    "object.city",
    "object.retail_last_purchase_date",
)


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def mail_allowed_qweb_expressions(self):
        return (*super().mail_allowed_qweb_expressions(), *PLACEHOLDERS)

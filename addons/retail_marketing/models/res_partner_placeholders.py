# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import pytz

from odoo import api, fields, models
from odoo.tools import format_date

# The customer fields a campaign prints (the module's USAGE table): usable in a
# mailing by marketers who are not mail template editors, like the name.
PLACEHOLDERS = (
    "object.customer_number",
    "object.retail_preferred_store_id.name",
    "object.city",
    "object.retail_last_purchase_text",
    "object.retail_last_purchase_date",
)


class ResPartner(models.Model):
    _inherit = "res.partner"

    retail_last_purchase_text = fields.Char(
        string="Last Purchase (text)",
        compute="_compute_retail_last_purchase_text",
        help="The day of the Last Purchase as messages print it, in the customer's "
        "language, date format and time zone.",
    )

    @api.depends("retail_last_purchase_date", "lang", "tz")
    def _compute_retail_last_purchase_text(self):
        for partner in self:
            moment = partner.retail_last_purchase_date
            if not moment:
                partner.retail_last_purchase_text = False
                continue
            zone = pytz.timezone(partner.tz or self.env.user.tz or "UTC")
            day = pytz.utc.localize(moment).astimezone(zone).date()
            lang = partner.lang or self.env.lang or "en_US"
            partner.retail_last_purchase_text = format_date(
                self.env, day, lang_code=lang
            )

    @api.model
    def mail_allowed_qweb_expressions(self):
        return (*super().mail_allowed_qweb_expressions(), *PLACEHOLDERS)

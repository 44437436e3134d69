# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import pytz

from odoo import api, fields, models
from odoo.tools import format_date, get_lang

# The customer fields a campaign prints (the module's USAGE table): usable in a
# mailing by marketers who are not mail template editors, like the name.
PLACEHOLDERS = (
    "object.customer_number",
    "object.retail_preferred_store_id.name",
    "object.city",
    "object.retail_last_purchase_text",
    "object.retail_last_purchase_date",
)


class TextFormatter:
    """Numbers and dates as messages print them, in each customer's language
    (``formatLang`` and ``format_date``), for many customers at once: each
    language is resolved once and each date formatted once per language."""

    def __init__(self, env):
        self.env = env
        self._langs = {}
        self._dates = {}

    def _lang(self, lang):
        if lang not in self._langs:
            env = self.env(context=dict(self.env.context, lang=lang))
            self._langs[lang] = env["res.lang"].browse(get_lang(env, lang).id)
        return self._langs[lang]

    def points(self, lang, points):
        """Points as a message prints them: "1,250", "12.50"."""
        points = round(points or 0.0, 2)
        digits = 0 if points == int(points) else 2
        return self._lang(lang).format(f"%.{digits}f", points, grouping=True)

    def date(self, lang, day):
        key = (lang, day)
        if key not in self._dates:
            env = self._lang(lang).env
            self._dates[key] = format_date(env, day, lang_code=lang)
        return self._dates[key]


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
        formatter = self._retail_text_formatter()
        for partner in self:
            moment = partner.retail_last_purchase_date
            if not moment:
                partner.retail_last_purchase_text = False
                continue
            zone = pytz.timezone(partner.tz or self.env.user.tz or "UTC")
            day = pytz.utc.localize(moment).astimezone(zone).date()
            partner.retail_last_purchase_text = formatter.date(
                partner._retail_text_lang(), day
            )

    @api.model
    def _retail_text_formatter(self):
        """A formatter of numbers and dates for the customers' messages,
        meant for one computation over many customers."""
        return TextFormatter(self.env)

    def _retail_text_lang(self):
        """The language the customer's messages are printed in."""
        self.ensure_one()
        return self.lang or self.env.lang or "en_US"

    @api.model
    def mail_allowed_qweb_expressions(self):
        return (*super().mail_allowed_qweb_expressions(), *PLACEHOLDERS)

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.retail_marketing.models.mailing_mailing_occasion import Occasion


class MailingMailing(models.Model):
    _inherit = "mailing.mailing"

    retail_occasion = fields.Selection(
        selection_add=[("giftcard_expiry", "Gift card about to expire")],
        ondelete={"giftcard_expiry": "set null"},
    )

    @api.model
    def _retail_occasions(self):
        return dict(
            super()._retail_occasions(),
            giftcard_expiry=Occasion("_retail_due_giftcard_expiry", 1, 365),
        )

    def _retail_due_giftcard_expiry(self, alias, now):
        """A gift card, voucher or eWallet with a balance that expires within
        *Days* ("10 days left to spend your 20 €"); once per customer and
        expiry day of their first card to expire."""
        today = fields.Date.context_today(self, now)
        limit = today + timedelta(days=self.retail_occasion_days)
        partner_id = SQL.identifier(alias, "id")
        cards = self.env["res.partner"]._retail_giftcard_query()
        due = SQL(
            """%s IN (SELECT partner_id FROM (%s) AS cards
                       GROUP BY partner_id HAVING MIN(expiry) <= %s)""",
            partner_id,
            cards,
            limit,
        )
        key = SQL(
            "(SELECT MIN(expiry)::text FROM (%s) AS cards WHERE partner_id = %s)",
            cards,
            partner_id,
        )
        return due, key

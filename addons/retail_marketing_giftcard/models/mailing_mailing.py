# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

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
        rows = self.env["res.partner"]._retail_giftcard_query()
        return self._retail_due_first_expiry(alias, now, rows)

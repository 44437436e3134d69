# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.retail_marketing.models.mailing_mailing_occasion import Occasion


class MailingMailing(models.Model):
    _inherit = "mailing.mailing"

    retail_occasion = fields.Selection(
        selection_add=[("points_expiry", "Points about to expire")],
        ondelete={"points_expiry": "set null"},
    )

    @api.model
    def _retail_occasions(self):
        return dict(
            super()._retail_occasions(),
            points_expiry=Occasion("_retail_due_points_expiry", 1, 365),
        )

    def _retail_due_points_expiry(self, alias, now):
        """Loyalty points that expire within *Days*; once per customer and day
        of their earliest lot, so the next lot is announced in its turn. Read
        from the next expiry the ledger keeps on each card, not from the
        ledger's rows."""
        rows = self.env["res.partner"]._retail_next_expiry_query()
        return self._retail_due_first_expiry(alias, now, rows)

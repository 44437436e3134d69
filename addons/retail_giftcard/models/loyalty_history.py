# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class LoyaltyHistory(models.Model):
    _inherit = "loyalty.history"

    @api.model
    def _retail_by_key(self, key):
        """The ledger row posted with idempotency key ``key`` (empty if none)."""
        return self.sudo().search([("retail_idempotency_key", "=", key)], limit=1)

    def unlink(self):
        # sale_loyalty deletes the history rows of a cancelled sale order; the
        # ledger rows of its gift card payments stay (the cancellation reverses
        # them), native rows go.
        rows = self
        if self.env.context.get("retail_giftcard_keep_ledger"):
            rows = self.filtered(lambda row: not row.retail_kind)
        return super(LoyaltyHistory, rows).unlink()

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class LoyaltyHistory(models.Model):
    _inherit = "loyalty.history"

    def unlink(self):
        # sale_loyalty deletes the history rows of a cancelled order; ledger rows
        # stay (the cancellation is posted as reversals), native rows go.
        rows = self
        if self.env.context.get("retail_loyalty_keep_ledger"):
            rows = self.filtered(lambda row: not row.retail_kind)
        return super(LoyaltyHistory, rows).unlink()

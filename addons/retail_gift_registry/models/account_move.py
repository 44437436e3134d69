# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class AccountMove(models.Model):
    _inherit = "account.move"

    def _post(self, soft=True):
        refunds = self.filtered(lambda move: move.move_type == "out_refund")
        if refunds:
            refunds.invoice_line_ids.sale_line_ids.retail_gift_registry_id._ensure_refundable()
        return super()._post(soft=soft)

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _retail_receipt_tiers(self):
        """The loyalty tiers of this customer, as ``"model,id"`` references
        (the values of ``retail.receipt.rule.tier``). Meant to be extended by
        the loyalty side, which adds its tier model to the rule's choices."""
        self.ensure_one()
        return set()

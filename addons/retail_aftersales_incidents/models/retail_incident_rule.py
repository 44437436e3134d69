# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class RetailIncidentRule(models.Model):
    _inherit = "retail.incident.rule"

    @api.model
    def _retail_default_rules(self):
        return {
            **super()._retail_default_rules(),
            "service_late": {"priority": "1", "deadline_days": 2},
            "service_warranty": {"priority": "1", "deadline_days": 15},
        }

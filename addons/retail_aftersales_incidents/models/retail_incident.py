# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class RetailIncident(models.Model):
    _inherit = "retail.incident"

    @api.model
    def _retail_events(self):
        return {
            **super()._retail_events(),
            "service_late": {
                "label": self.env._("After-sales service late"),
                "origin": "store",
            },
            "service_warranty": {
                "label": self.env._("Warranty claim"),
                "origin": "store",
            },
        }

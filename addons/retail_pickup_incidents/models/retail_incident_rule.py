# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import ValidationError


class RetailIncidentRule(models.Model):
    _inherit = "retail.incident.rule"

    @api.constrains("event_code", "blocking")
    def _check_retail_pickup_not_blocking(self):
        """The end of a hold is the daily job's: nothing to refuse."""
        if self.filtered(lambda r: r.event_code == "pickup_expired" and r.blocking):
            raise ValidationError(
                self.env._(
                    "A reservation not collected cannot be refused: untick "
                    "Blocking on its rule."
                )
            )

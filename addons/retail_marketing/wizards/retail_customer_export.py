# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RetailCustomerExport(models.TransientModel):
    """The customer export of a campaign is logged on it."""

    _inherit = "retail.customer.export"

    retail_campaign_id = fields.Many2one(
        "utm.campaign",
        string="Campaign",
        help="Log the export on this campaign, with its selection and the number "
        "of customers exported.",
    )

    def action_export(self):
        action = super().action_export()
        if self.retail_campaign_id:
            self._retail_log_export()
        return action

    def _retail_log_export(self):
        self.ensure_one()
        domain = self._get_domain()
        return self.env["retail.marketing.action"]._retail_log(
            self.retail_campaign_id,
            "export",
            self.env["res.partner"].search_count(domain),
            domain=domain,
        )

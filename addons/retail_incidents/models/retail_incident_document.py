# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RetailIncidentDocument(models.Model):
    _name = "retail.incident.document"
    _description = "Incident Document"
    _order = "incident_id, id"
    _check_company_auto = True

    incident_id = fields.Many2one(
        "retail.incident", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="incident_id.company_id", store=True, index=True
    )
    partner_id = fields.Many2one(related="incident_id.partner_id", store=True)
    document_type = fields.Selection(
        [
            ("photo", "Photo"),
            ("delivery_note", "Delivery Note"),
            ("claim_letter", "Claim Letter"),
            ("receipt", "Receipt or Invoice"),
            ("other", "Other"),
        ],
        required=True,
        default="photo",
        index=True,
    )
    name = fields.Char(string="Description", required=True)
    file = fields.Binary(attachment=True, required=True)
    file_name = fields.Char()
    date = fields.Date(default=fields.Date.context_today)

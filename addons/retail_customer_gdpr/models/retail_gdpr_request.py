# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError


class RetailGdprRequest(models.Model):
    """Audit trail of personal data requests (erasure, export): who, when, why.

    Kept apart from the customer's chatter, which is erased with the rest of
    its personal data; the row only points at the (anonymised) partner.
    """

    _name = "retail.gdpr.request"
    _description = "Personal Data Request"
    _order = "id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        readonly=True,
        ondelete="restrict",
        index=True,
        context={"active_test": False},
    )
    request_type = fields.Selection(
        selection=[("anonymize", "Erasure"), ("export", "Export")],
        string="Request",
        readonly=True,
        required=True,
    )
    reason = fields.Text(readonly=True)
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Done By",
        readonly=True,
        required=True,
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        readonly=True,
        required=True,
    )

    @api.model
    def _retail_log(self, partners, request_type, reason):
        """One row per partner, written as superuser (nobody else creates any)."""
        # sudo: the audit trail is the system's; ``create`` refuses everyone else
        return (
            self.sudo()
            .with_context(retail_gdpr_log=True)
            .create(
                [
                    {
                        "partner_id": partner.id,
                        "request_type": request_type,
                        "reason": reason,
                        "user_id": self.env.uid,
                        "company_id": self.env.company.id,
                    }
                    for partner in partners
                ]
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        if not (self.env.su and self.env.context.get("retail_gdpr_log")):
            raise AccessError(
                self.env._("Personal data requests are recorded by the system only.")
            )
        return super().create(vals_list)

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class RetailGdprAnonymize(models.TransientModel):
    _name = "retail.gdpr.anonymize"
    _description = "Anonymise Customers"

    partner_ids = fields.Many2many(
        comodel_name="res.partner",
        string="Customers",
        required=True,
        context={"active_test": False},
    )
    reason = fields.Text(
        required=True,
        help="Why the personal data is erased (e.g. the customer's request of "
        "2026-03-01 by email); kept in the personal data requests.",
    )

    @api.constrains("reason")
    def _check_reason(self):
        if any(not (wizard.reason or "").strip() for wizard in self):
            raise ValidationError(self.env._("Give the reason of the erasure."))

    def action_confirm(self):
        self.ensure_one()
        self.partner_ids._retail_anonymize(self.reason)
        return {"type": "ir.actions.act_window_close"}

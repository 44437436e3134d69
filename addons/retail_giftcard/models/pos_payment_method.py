# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PosPaymentMethod(models.Model):
    _inherit = "pos.payment.method"

    retail_giftcard = fields.Boolean(
        string="Gift Card",
        help="Payments by gift card: the till asks for the card, the server debits "
        "it when the order syncs, and closing the session debits the gift card "
        "liability account (the outstanding account of this method).",
    )

    @api.model_create_multi
    def create(self, vals_list):
        # a gift card method is where the company's gift cards are set up
        for vals in vals_list:
            if vals.get("retail_giftcard"):
                company = (
                    self.env["res.company"].browse(vals.get("company_id"))
                    or self.env.company
                )
                company._retail_giftcard_setup()
                vals.setdefault(
                    "outstanding_account_id",
                    company._retail_giftcard_liability_account().id,
                )
        return super().create(vals_list)

    @api.constrains("retail_giftcard", "journal_id", "outstanding_account_id")
    def _check_retail_giftcard(self):
        for method in self.filtered("retail_giftcard"):
            liability = method.company_id.retail_giftcard_liability_account_id
            if method.journal_id.type != "bank" or (
                liability and method.outstanding_account_id != liability
            ):
                raise ValidationError(
                    self.env._(
                        "The gift card payment method %(method)s needs a bank-type "
                        "journal and the company's gift card liability account as "
                        "outstanding account.",
                        method=method.name,
                    )
                )

    @api.model
    def _load_pos_data_fields(self, config):
        fields_list = super()._load_pos_data_fields(config)
        return fields_list and [*fields_list, "retail_giftcard"]

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PosPaymentMethod(models.Model):
    _inherit = "pos.payment.method"

    retail_credit_ewallet_program_id = fields.Many2one(
        comodel_name="loyalty.program",
        string="Store Credit on eWallet",
        ondelete="restrict",
        domain="[('program_type', '=', 'ewallet'), ('company_id', '=', company_id)]",
        help="Refunds paid with this method are paid out as store credit on the "
        "customer's eWallet of this program (a new one when they have none). "
        "Closing the session credits the method's outstanding account, the "
        "eWallets' liability.",
    )

    @api.constrains(
        "retail_credit_ewallet_program_id",
        "company_id",
        "journal_id",
        "outstanding_account_id",
    )
    def _check_retail_credit_ewallet(self):
        for method in self.filtered("retail_credit_ewallet_program_id"):
            # sudo: the program's type and company, to check the setting
            program = method.retail_credit_ewallet_program_id.sudo()
            if (
                program.program_type != "ewallet"
                or program.company_id != method.company_id
                or method.retail_giftcard
                or method.journal_id.type != "bank"
                or method.outstanding_account_id.account_type != "liability_current"
            ):
                raise ValidationError(
                    self.env._(
                        "The store credit method %(method)s needs an eWallet program "
                        "of its company, a bank-type journal and a current liability "
                        "account (the eWallets' liability) as outstanding account; it "
                        "is not a gift card method.",
                        method=method.name,
                    )
                )

    @api.model
    def _load_pos_data_fields(self, config):
        fields_list = super()._load_pos_data_fields(config)
        return fields_list and [*fields_list, "retail_credit_ewallet_program_id"]

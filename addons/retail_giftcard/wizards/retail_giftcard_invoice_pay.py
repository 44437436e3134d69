# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class RetailGiftcardInvoicePay(models.TransientModel):
    _name = "retail.giftcard.invoice.pay"
    _description = "Pay an Invoice with a Gift Card"

    move_id = fields.Many2one(
        comodel_name="account.move", required=True, ondelete="cascade"
    )
    currency_id = fields.Many2one(related="move_id.currency_id")
    number = fields.Char(string="Gift Card Number", required=True)
    pin = fields.Char(string="PIN")
    amount = fields.Monetary(currency_field="currency_id", required=True)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        move = self.env["account.move"].browse(values.get("move_id"))
        if move and "amount" in fields_list:
            values["amount"] = move.amount_residual
        return values

    def action_pay(self):
        self.ensure_one()
        self.move_id._retail_giftcard_pay(self.number, self.pin, self.amount)
        return {"type": "ir.actions.act_window_close"}

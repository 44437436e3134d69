# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import uuid

from odoo import api, fields, models


class RetailGiftcardSalePay(models.TransientModel):
    _name = "retail.giftcard.sale.pay"
    _description = "Pay a Sale Order with a Gift Card"

    order_id = fields.Many2one(
        comodel_name="sale.order", required=True, ondelete="cascade"
    )
    currency_id = fields.Many2one(related="order_id.currency_id")
    amount_due = fields.Monetary(
        related="order_id.retail_giftcard_amount_due", currency_field="currency_id"
    )
    number = fields.Char(string="Gift Card Number", required=True)
    pin = fields.Char(string="PIN")
    amount = fields.Monetary(currency_field="currency_id", required=True)
    request_key = fields.Char(
        readonly=True,
        default=lambda self: uuid.uuid4().hex,
        help="Idempotency key: paying twice from the same dialog takes one payment.",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        order = self.env["sale.order"].browse(values.get("order_id"))
        if order and "amount" in fields_list:
            values["amount"] = order.retail_giftcard_amount_due
        return values

    def action_pay(self):
        self.ensure_one()
        self.order_id._retail_giftcard_pay(
            self.number, self.pin, self.amount, request_key=self.request_key
        )
        return {"type": "ir.actions.act_window_close"}

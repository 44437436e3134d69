# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class AccountPayment(models.Model):
    _inherit = "account.payment"

    retail_sale_order_id = fields.Many2one(
        comodel_name="sale.order",
        string="Paid Sale Order",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
        help="Sale order this gift card payment was taken for; the order's invoice "
        "is reconciled with it when posted.",
    )
    retail_giftcard_id = fields.Many2one(
        related="move_id.retail_giftcard_id", string="Gift Card"
    )
    retail_giftcard_key = fields.Char(
        string="Gift Card Request",
        readonly=True,
        copy=False,
        help="Idempotency key of the request that took this payment: the same "
        "request sent twice takes one payment.",
    )

    _retail_giftcard_key_uniq = models.UniqueIndex(
        "(retail_giftcard_key) WHERE retail_giftcard_key IS NOT NULL"
    )

    def action_draft(self):
        if any(self.mapped("move_id.retail_giftcard_id")):
            raise UserError(
                self.env._(
                    "A gift card payment cannot be reset to draft: cancel it (the "
                    "amount goes back onto the card) and take a new one."
                )
            )
        return super().action_draft()

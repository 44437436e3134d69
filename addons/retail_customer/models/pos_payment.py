# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import UserError

PAID_PAYMENT_FIELDS = frozenset(
    {"pos_order_id", "amount", "payment_method_id", "is_change", "currency_rate"}
)


class PosPayment(models.Model):
    _name = "pos.payment"
    _inherit = ["pos.payment", "retail.till.payload.mixin"]

    def write(self, vals):
        changed = self._retail_paid_changes(
            vals, PAID_PAYMENT_FIELDS, self.pos_order_id
        )
        if changed:
            raise UserError(
                self.env._(
                    "The payments of a paid order cannot be changed "
                    "(%(fields)s): refund the order instead.",
                    fields=", ".join(sorted(changed)),
                )
            )
        return super().write(vals)

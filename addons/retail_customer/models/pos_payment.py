# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import UserError

from .retail_till_payload_mixin import in_till_sync

PAID_PAYMENT_FIELDS = frozenset(
    {"pos_order_id", "amount", "payment_method_id", "is_change", "currency_rate"}
)


class PosPayment(models.Model):
    _name = "pos.payment"
    _inherit = ["pos.payment", "retail.till.payload.mixin"]

    def write(self, vals):
        if not self.env.su and self and not in_till_sync():
            changed = {
                name
                for name in vals
                if name in PAID_PAYMENT_FIELDS or self._retail_is_server_field(name)
            }
            if changed and any(
                payment.pos_order_id.state != "draft" for payment in self
            ):
                raise UserError(
                    self.env._(
                        "The payments of a paid order cannot be changed "
                        "(%(fields)s): refund the order instead.",
                        fields=", ".join(sorted(changed)),
                    )
                )
        return super().write(vals)

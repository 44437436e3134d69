# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class PosSession(models.Model):
    _inherit = "pos.session"

    def _retail_liability_payment_memo(self, payment_method):
        """The eWallet store credit paid out in a session credits the
        eWallets' liability (the method's outstanding account)."""
        if not payment_method.retail_credit_ewallet_program_id:
            return super()._retail_liability_payment_memo(payment_method)
        return self.env._(
            "Store credit on eWallets (%(payment_method)s) from %(session)s",
            payment_method=payment_method.name,
            session=self.name,
        )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class PosSession(models.Model):
    _inherit = "pos.session"

    def _create_combine_account_payment(self, payment_method, amounts, diff_amount):
        """The eWallet store credit paid out in a session (a negative amount)
        credits the eWallets' liability: an outbound payment from the
        method's outstanding account (the liability) to the session's
        receivable. point_of_sale swaps the accounts of a negative combined
        payment, which its forced outstanding account undoes."""
        if not payment_method.retail_credit_ewallet_program_id or (
            self.currency_id.compare_amounts(amounts["amount"], 0) >= 0
        ):
            return super()._create_combine_account_payment(
                payment_method, amounts, diff_amount
            )
        receivable = self._get_receivable_account(payment_method)
        payment = (
            self.env["account.payment"]
            .with_context(pos_payment=True)
            .create(
                {
                    "amount": -amounts["amount"],
                    "payment_type": "outbound",
                    "journal_id": payment_method.journal_id.id,
                    "force_outstanding_account_id": (
                        payment_method.outstanding_account_id.id
                    ),
                    "destination_account_id": receivable.id,
                    "memo": self.env._(
                        "Store credit on eWallets (%(payment_method)s) from "
                        "%(session)s",
                        payment_method=payment_method.name,
                        session=self.name,
                    ),
                    "pos_payment_method_id": payment_method.id,
                    "pos_session_id": self.id,
                    "company_id": self.company_id.id,
                }
            )
        )
        payment.action_post()
        if self.currency_id.compare_amounts(diff_amount, 0):
            self._apply_diff_on_account_payment_move(
                payment, payment_method, diff_amount
            )
        return payment.move_id.line_ids.filtered(
            lambda line: line.account_id == receivable
        )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PosSession(models.Model):
    _inherit = "pos.session"

    retail_giftcard_spv_move_ids = fields.Many2many(
        comodel_name="account.move",
        relation="pos_session_retail_giftcard_spv_move_rel",
        string="Voucher VAT Corrections",
        readonly=True,
        copy=False,
        help="Entries of the session's single-purpose voucher payments: the VAT of "
        "the goods they paid was charged when the vouchers were sold.",
    )

    def _validate_session(
        self,
        balancing_account=False,
        amount_to_balance=0,
        bank_payment_method_diffs=None,
    ):
        res = super()._validate_session(
            balancing_account=balancing_account,
            amount_to_balance=amount_to_balance,
            bank_payment_method_diffs=bank_payment_method_diffs,
        )
        if self.state == "closed" and not self.retail_giftcard_spv_move_ids:
            self._retail_giftcard_spv_correct()
        return res

    def _create_combine_account_payment(self, payment_method, amounts, diff_amount):
        """A session whose card payments (gift cards, and what bridges add:
        ``_retail_liability_payment_memo``) add up to a negative amount (more
        put back onto cards by refunds than the cards paid) credits the cards'
        liability by it. point_of_sale turns a negative combined payment
        around by swapping its accounts, which the forced outstanding account
        (the liability) undoes: the entry would debit and credit the liability.
        Here the outbound payment goes from the liability to the session's
        receivable."""
        memo = self._retail_liability_payment_memo(payment_method)
        if not memo or self.currency_id.compare_amounts(amounts["amount"], 0) >= 0:
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
                    "memo": memo,
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

    def _retail_liability_payment_memo(self, payment_method):
        """The memo of the session's payment of ``payment_method`` when its
        outstanding account is a cards' liability, or None (other methods)."""
        if not payment_method.retail_giftcard:
            return None
        return self.env._(
            "Combine %(payment_method)s POS payments from %(session)s",
            payment_method=payment_method.name,
            session=self.name,
        )

    def _retail_giftcard_spv_correct(self):
        """One entry per series of single-purpose vouchers that paid (or were
        refunded onto) in the session: Dr deferred income and VAT, Cr gift card
        liability for what they paid, the other way for what went back onto
        them (see res.company._retail_giftcard_spv_redemption_move)."""
        self.ensure_one()
        payments = self.sudo().order_ids.payment_ids.filtered(
            lambda payment: payment.retail_giftcard_id.retail_series_id.voucher_type
            == "single"
        )
        amounts = {}
        for payment in payments:
            series = payment.retail_giftcard_id.retail_series_id
            amounts[series] = (
                amounts.get(series, 0.0)
                + payment.amount
                - payment.retail_giftcard_shortfall
            )
        moves = self.env["account.move"]
        date = self.move_id.date or fields.Date.context_today(self)
        for series, amount in amounts.items():
            if self.currency_id.is_zero(amount):
                continue
            moves |= self.company_id._retail_giftcard_spv_redemption_move(
                series,
                amount,
                self.env._(
                    "%(session)s: %(series)s vouchers redeemed",
                    session=self.name,
                    series=series.name,
                ),
                date,
            )
        if moves:
            self.sudo().retail_giftcard_spv_move_ids = moves

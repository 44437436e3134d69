# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
import uuid

from odoo import fields, models
from odoo.exceptions import UserError


class AccountMove(models.Model):
    _inherit = "account.move"

    def action_retail_giftcard_pay(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Pay with a Gift Card"),
            "res_model": "retail.giftcard.invoice.pay",
            "view_mode": "form",
            "target": "new",
            "context": {"default_move_id": self.id},
        }

    def _retail_giftcard_pay(self, number, secret, amount):
        """Pay (part of) this customer invoice with a gift card: the card, checked
        with its PIN, is debited under lock ("redeem" row), and an entry Dr gift
        card liability, Cr the customer's receivable is posted and reconciled
        with the invoice. The invoice keeps its full price and VAT.

        :return: the payment entry
        """
        self.ensure_one()
        currency = self.currency_id
        if self.move_type != "out_invoice" or self.state != "posted":
            raise UserError(
                self.env._("Only posted customer invoices can be paid by gift card.")
            )
        if currency != self.company_id.currency_id:
            raise UserError(
                self.env._("Gift cards pay invoices in the company's currency only.")
            )
        if (
            not isinstance(amount, int | float)
            or not math.isfinite(amount)
            or currency.compare_amounts(amount, 0) <= 0
        ):
            raise UserError(
                self.env._("The amount paid by gift card must be positive.")
            )
        if currency.compare_amounts(amount, self.amount_residual) > 0:
            raise UserError(
                self.env._(
                    "%(amount)s is more than the %(residual)s left to pay on "
                    "%(invoice)s.",
                    amount=amount,
                    residual=self.amount_residual,
                    invoice=self.name,
                )
            )
        card = self._retail_giftcard_card(number, secret)
        self.env["loyalty.card"].sudo()._retail_giftcard_redeem(
            [
                {
                    "card": card,
                    "amount": amount,
                    "description": self.env._(
                        "Paid invoice %(invoice)s", invoice=self.name
                    ),
                    "order_model": "account.move",
                    "order_id": self.id,
                    "key": f"account.move:{self.id}:{uuid.uuid4()}",
                }
            ]
        )
        return self._retail_giftcard_payment_entry(card, amount)

    def _retail_giftcard_card(self, number, secret):
        Card = self.env["loyalty.card"]
        number = Card._retail_giftcard_clean_number(number)
        values = Card.sudo().retail_lookup(
            number, secret=secret or None, program_types=["gift_card"]
        )
        card = Card.sudo().browse(values["id"])
        if not card.retail_series_id:
            raise UserError(
                self.env._("%(number)s is not a gift card of a series.", number=number)
            )
        if card.retail_has_secret and not secret:
            raise UserError(
                self.env._("Give the PIN of gift card %(code)s.", code=card.code)
            )
        card._retail_giftcard_check_accepted(company=self.company_id)
        return card

    def _retail_giftcard_payment_entry(self, card, amount):
        company = self.company_id
        liability = company._retail_giftcard_liability_account()
        receivable = self.line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        )
        label = self.env._(
            "Gift card %(code)s for %(invoice)s", code=card.code, invoice=self.name
        )
        entry = (
            self.env["account.move"]
            .sudo()
            .with_company(company)
            .create(
                {
                    "move_type": "entry",
                    "journal_id": company._retail_giftcard_misc_journal().id,
                    "date": fields.Date.context_today(self),
                    "ref": label,
                    "line_ids": [
                        fields.Command.create(
                            {
                                "name": label,
                                "account_id": liability.id,
                                "debit": amount,
                            }
                        ),
                        fields.Command.create(
                            {
                                "name": label,
                                "account_id": receivable[:1].account_id.id,
                                "partner_id": self.commercial_partner_id.id,
                                "credit": amount,
                            }
                        ),
                    ],
                }
            )
        )
        entry.action_post()
        (entry.line_ids | receivable).filtered(
            lambda line: line.account_id == receivable[:1].account_id
            and not line.reconciled
        ).reconcile()
        return entry

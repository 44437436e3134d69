# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
import uuid

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, format_amount


class SaleOrder(models.Model):
    _inherit = "sale.order"

    retail_giftcard_payment_ids = fields.One2many(
        comodel_name="account.payment",
        inverse_name="retail_sale_order_id",
        string="Gift Card Payments",
        readonly=True,
    )
    retail_giftcard_amount_paid = fields.Monetary(
        string="Paid by Gift Card",
        compute="_compute_retail_giftcard_amounts",
        currency_field="currency_id",
    )
    retail_giftcard_amount_due = fields.Monetary(
        string="Amount Due",
        compute="_compute_retail_giftcard_amounts",
        currency_field="currency_id",
        help="Total of the order less what gift cards paid on it.",
    )

    @api.depends("amount_total", "retail_giftcard_payment_ids.state")
    def _compute_retail_giftcard_amounts(self):
        paid = {
            order.id: amount
            for order, amount in self.env["account.payment"]
            .sudo()
            ._read_group(
                [
                    ("retail_sale_order_id", "in", self.ids),
                    ("state", "!=", "canceled"),
                ],
                ["retail_sale_order_id"],
                ["amount:sum"],
            )
        }
        for order in self:
            order.retail_giftcard_amount_paid = paid.get(order.id, 0.0)
            order.retail_giftcard_amount_due = (
                order.amount_total - order.retail_giftcard_amount_paid
            )

    def action_retail_giftcard_pay(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Pay with a Gift Card"),
            "res_model": "retail.giftcard.sale.pay",
            "view_mode": "form",
            "target": "new",
            "context": {"default_order_id": self.id},
        }

    def _retail_giftcard_pay(self, number, secret, amount, request_key=None):
        """Pay (part of) this confirmed sale order with a gift card, before it is
        invoiced: the card, checked with its PIN, is debited under lock
        ("redeem" row) and a customer payment on the gift card journal (Dr gift
        card liability, Cr receivable) is posted and linked to the order; the
        order's invoice is reconciled with it when posted.

        :param request_key: the request's idempotency key: the same request sent
            twice takes one payment
        :return: the account.payment
        """
        self.ensure_one()
        Card = self.env["loyalty.card"]
        if request_key and not isinstance(request_key, str):
            raise UserError(self.env._("The request key must be a text."))
        key = request_key and Card._retail_movement_key(
            "sale.order", self.id, "request", request_key
        )
        if key:
            done = (
                self.env["account.payment"]
                .sudo()
                .search([("retail_giftcard_key", "=", key)], limit=1)
            )
            if done:
                return done
        # two card payments of this order at once: the second waits for the
        # first and, once it committed, PostgreSQL refuses its stale snapshot
        # (a no-op update of the row), so that Odoo retries it on what is left
        self.env.cr.execute(
            SQL("UPDATE sale_order SET write_date = write_date WHERE id = %s", self.id)
        )
        self._retail_giftcard_check_payable(amount)
        card = self.env["account.move"]._retail_giftcard_card(
            number, secret, company=self.company_id
        )
        if card.retail_series_id._is_spv():
            self._retail_giftcard_check_spv(card, amount)
        key = key or Card._retail_movement_key(
            "sale.order", self.id, "payment", str(uuid.uuid4())
        )
        History = self.env["loyalty.history"]
        self.env["loyalty.card"].sudo()._retail_giftcard_redeem(
            [
                {
                    "card": card,
                    "amount": amount,
                    "description": self.env._("Paid order %(order)s", order=self.name),
                    "order_model": self._name,
                    "order_id": self.id,
                    "key": key,
                }
            ]
        )
        payment = self._retail_giftcard_payment(card, amount, key)
        payment.move_id.retail_giftcard_history_id = History._retail_by_key(key)
        payment.move_id._retail_giftcard_spv_correct(amount, self)
        return payment

    def _retail_giftcard_check_spv(self, card, amount):
        """A single-purpose voucher pays only this order's goods taxed at its
        VAT, less what its series' vouchers paid on the order already."""
        self.ensure_one()
        series = card.retail_series_id
        eligible = sum(
            self.order_line.filtered(
                lambda line: not line.display_type and series._spv_accepts(line.tax_ids)
            ).mapped("price_total")
        ) - sum(
            self.retail_giftcard_payment_ids.filtered(
                lambda payment: payment.state != "canceled"
                and payment.retail_giftcard_id.retail_series_id == series
            ).mapped("amount")
        )
        series._spv_check_payable(amount, eligible, self.name)

    def _retail_giftcard_check_payable(self, amount):
        currency = self.currency_id
        if self.state != "sale":
            raise UserError(
                self.env._(
                    "Confirm order %(order)s before paying it with a gift card.",
                    order=self.name,
                )
            )
        if currency != self.company_id.currency_id:
            raise UserError(
                self.env._("Gift cards pay orders in the company's currency only.")
            )
        if self.invoice_ids.filtered(
            lambda move: move.state == "posted" and move.move_type == "out_invoice"
        ):
            raise UserError(
                self.env._(
                    "Order %(order)s is invoiced: pay its invoice with the gift card.",
                    order=self.name,
                )
            )
        if (
            not isinstance(amount, int | float)
            or isinstance(amount, bool)
            or not math.isfinite(amount)
            or currency.compare_amounts(amount, 0) <= 0
        ):
            raise UserError(
                self.env._("The amount paid by gift card must be positive.")
            )
        if currency.compare_amounts(amount, self.retail_giftcard_amount_due) > 0:
            raise UserError(
                self.env._(
                    "%(amount)s is more than the %(due)s left to pay on %(order)s.",
                    amount=format_amount(self.env, amount, currency),
                    due=format_amount(
                        self.env, self.retail_giftcard_amount_due, currency
                    ),
                    order=self.name,
                )
            )

    def _retail_giftcard_payment(self, card, amount, key):
        company = self.company_id
        method_line = company._retail_giftcard_payment_method_line()
        payment = (
            self.env["account.payment"]
            .sudo()
            .with_company(company)
            .create(
                {
                    "payment_type": "inbound",
                    "partner_type": "customer",
                    "partner_id": self.partner_invoice_id.commercial_partner_id.id,
                    "amount": amount,
                    "currency_id": self.currency_id.id,
                    "date": fields.Date.context_today(self),
                    "journal_id": method_line.journal_id.id,
                    "payment_method_line_id": method_line.id,
                    "memo": self.env._(
                        "Gift card %(code)s for %(order)s",
                        code=card.code,
                        order=self.name,
                    ),
                    "retail_sale_order_id": self.id,
                    "retail_giftcard_key": key,
                }
            )
        )
        payment.action_post()
        # the card's money is received: nothing to match with a bank statement
        payment.action_validate()
        payment.move_id.retail_giftcard_id = card
        return payment

    def _action_cancel(self):
        """Cancelling an order cancels its gift card payments not yet matched with
        an invoice: their amounts go back onto the cards, once. Whoever may
        cancel the orders cancels their gift card payments, invoicing rights or
        not."""
        self.check_access("write")
        # sudo: the user may cancel these orders (checked above); their gift
        # card payments are cancelled with them
        payments = self.sudo().retail_giftcard_payment_ids.filtered(
            lambda payment: payment.state != "canceled"
        )
        matched = payments.filtered(
            lambda payment: payment.move_id.line_ids.matched_debit_ids
            or payment.move_id.line_ids.matched_credit_ids
        )
        if matched:
            raise UserError(
                self.env._(
                    "The gift card payment of %(order)s already pays its invoice: "
                    "issue a credit note of the invoice instead.",
                    order=", ".join(matched.retail_sale_order_id.mapped("name")),
                )
            )
        res = super(
            SaleOrder, self.with_context(retail_giftcard_keep_ledger=True)
        )._action_cancel()
        if payments:
            payments.action_cancel()
        return res

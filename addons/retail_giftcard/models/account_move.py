# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
import uuid

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, format_amount


class AccountMove(models.Model):
    _inherit = "account.move"

    retail_giftcard_id = fields.Many2one(
        comodel_name="loyalty.card",
        string="Gift Card",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
        help="Gift card whose money this entry moves (a payment by card, or a "
        "credit note paid back onto it).",
    )
    retail_giftcard_history_id = fields.Many2one(
        comodel_name="loyalty.history",
        string="Gift Card Movement",
        readonly=True,
        copy=False,
        ondelete="restrict",
        help="The card's ledger row of this entry: cancelling the entry reverses it.",
    )

    retail_giftcard_spv_move_id = fields.Many2one(
        comodel_name="account.move",
        string="Voucher VAT Correction",
        readonly=True,
        copy=False,
        ondelete="restrict",
        help="Single-purpose voucher: the entry that takes the VAT charged again on "
        "the goods it paid back out (or, for money back onto it, charges it again). "
        "Cancelled with this entry.",
    )

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
        self._retail_giftcard_lock()
        self._retail_giftcard_check_payable(amount)
        card = self._retail_giftcard_card(number, secret)
        if card.retail_series_id._is_spv():
            self._retail_giftcard_check_spv(card, amount)
        key = self.env["loyalty.card"]._retail_movement_key(
            "account.move", self.id, "payment", str(uuid.uuid4())
        )
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
                    "key": key,
                }
            ]
        )
        entry = self._retail_giftcard_payment_entry(card, amount)
        entry.retail_giftcard_history_id = self.env["loyalty.history"]._retail_by_key(
            key
        )
        entry._retail_giftcard_spv_correct(amount, self)
        return entry

    def _retail_giftcard_check_payable(self, amount):
        """Refuse a gift card payment of ``amount`` unless this is a posted
        customer invoice in the company's currency with at least that much
        left to pay."""
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
                    amount=format_amount(self.env, amount, currency),
                    residual=format_amount(self.env, self.amount_residual, currency),
                    invoice=self.name,
                )
            )

    def _retail_giftcard_lock(self):
        """Two gift card payments of this document at once: the second waits
        for the first and, once it committed, PostgreSQL refuses its stale
        snapshot (a no-op update of the row), so that Odoo retries it on what
        is left to pay."""
        self.ensure_one()
        self.env.cr.execute(
            SQL(
                "UPDATE %s SET write_date = write_date WHERE id = %s",
                SQL.identifier(self._table),
                self.id,
            )
        )

    def _retail_giftcard_check_spv(self, card, amount):
        """A single-purpose voucher pays only this invoice's goods taxed at its
        VAT, less what its series' vouchers paid on it already."""
        self.ensure_one()
        series = card.retail_series_id
        eligible = sum(
            self.invoice_line_ids.filtered(
                lambda line: line.display_type == "product"
                and series._spv_accepts(line.tax_ids)
            ).mapped("price_total")
        ) - sum(
            paid
            for paid_card, paid in self._retail_giftcard_paid_by_cards().items()
            if paid_card.retail_series_id == series
        )
        series._spv_check_payable(amount, eligible, self.name)

    def _retail_giftcard_spv_correct(self, amount, document):
        """For an entry of a single-purpose voucher's money (``amount`` paid by it,
        negative when given back onto it), post and link the VAT correction."""
        self.ensure_one()
        series = self.retail_giftcard_id.retail_series_id
        if not series._is_spv():
            return
        self.retail_giftcard_spv_move_id = (
            self.company_id._retail_giftcard_spv_redemption_move(
                series,
                amount,
                self.env._(
                    "%(series)s voucher %(code)s on %(document)s: VAT charged at issue",
                    series=series.name,
                    code=self.retail_giftcard_id.code,
                    document=document.name,
                ),
                self.date,
            )
        )

    def _retail_giftcard_card(self, number, secret, company=None):
        """The gift card of ``number``, checked with its PIN and accepted by
        ``company`` (default: this entry's company)."""
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
        card._retail_giftcard_check_accepted(company=company or self.company_id)
        return card

    def _retail_giftcard_payment_entry(self, card, amount):
        receivable = self.line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        )
        label = self.env._(
            "Gift card %(code)s for %(invoice)s", code=card.code, invoice=self.name
        )
        entry = self._retail_giftcard_entry(
            card, label, receivable[:1].account_id, amount, onto_card=False
        )
        (entry.line_ids | receivable).filtered(
            lambda line: line.account_id == receivable[:1].account_id
            and not line.reconciled
        ).reconcile()
        return entry

    def _retail_giftcard_entry(
        self, card, label, receivable_account, amount, onto_card
    ):
        """Post, in this move's company, the entry between the customer's
        receivable and the gift card liability for ``amount`` of ``card``:
        money onto the card (Dr receivable, Cr liability) or off it (Dr
        liability, Cr receivable). The caller reconciles it."""
        company = self.company_id
        liability = {
            "name": label,
            "account_id": company._retail_giftcard_liability_account().id,
        }
        customer = {
            "name": label,
            "account_id": receivable_account.id,
            "partner_id": self.commercial_partner_id.id,
        }
        debit, credit = (customer, liability) if onto_card else (liability, customer)
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
                    "retail_giftcard_id": card.id,
                    "line_ids": [
                        fields.Command.create({**debit, "debit": amount}),
                        fields.Command.create({**credit, "credit": amount}),
                    ],
                }
            )
        )
        entry.action_post()
        return entry

    # ------------------------------------------------------------------
    # Gift card entries: cancelled, never reset to draft
    # ------------------------------------------------------------------

    def button_draft(self):
        if not self.env.context.get("retail_giftcard_cancel") and any(
            self.mapped("retail_giftcard_id")
        ):
            raise UserError(
                self.env._(
                    "A gift card entry cannot be reset to draft: cancel it (the card "
                    "movement is reversed) and take a new one."
                )
            )
        return super().button_draft()

    def button_cancel(self):
        """Cancelling a gift card entry (or its payment) reverses the card's
        movement once: a payment's amount goes back onto the card, a credit
        note's refund is taken back from it."""
        self._retail_giftcard_reverse_movements()
        return super(
            AccountMove, self.with_context(retail_giftcard_cancel=True)
        ).button_cancel()

    def _retail_giftcard_reverse_movements(self):
        entries = self.filtered(
            lambda move: move.state == "posted" and move.retail_giftcard_history_id
        )
        corrections = entries.retail_giftcard_spv_move_id.filtered(
            lambda move: move.state == "posted"
        )
        if corrections:
            corrections.sudo().with_context(retail_giftcard_cancel=True).button_cancel()
        Card = self.env["loyalty.card"].sudo()
        for entry in entries:
            entry._retail_giftcard_check_not_refunded()
            Card._retail_reverse(
                entry.retail_giftcard_history_id,
                self.env._("Entry %(entry)s cancelled", entry=entry.name),
                order_model=entry.retail_giftcard_history_id.order_model,
                order_id=entry.retail_giftcard_history_id.order_id,
                key_prefix=f"account.move:{entry.id}:cancel",
            )

    def _retail_giftcard_check_not_refunded(self):
        """A card payment whose invoice was credited back onto the card cannot
        be cancelled: the card would get the money twice (once by the credit
        note, once by the cancellation). The credit note is cancelled first."""
        self.ensure_one()
        if self.retail_giftcard_history_id.retail_kind != "redeem":
            return
        card = self.retail_giftcard_id
        receivable = self.line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        )
        invoices = receivable.matched_debit_ids.debit_move_id.move_id.filtered(
            lambda move: move.move_type == "out_invoice"
        )
        for invoice in invoices:
            if self._retail_giftcard_refunded(invoice, card).get(card.id):
                raise UserError(
                    self.env._(
                        "Credit notes of %(invoice)s already put this payment back "
                        "onto gift card %(code)s: cancel them before the payment.",
                        invoice=invoice.name,
                        code=card.code,
                    )
                )

    # ------------------------------------------------------------------
    # Posting: invoices of sale orders paid by gift card, credit notes
    # ------------------------------------------------------------------

    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        invoices = posted.filtered(lambda move: move.move_type == "out_invoice")
        if invoices:
            invoices._retail_giftcard_reconcile_order_payments()
        refunds = posted.filtered(
            lambda move: move.move_type == "out_refund" and move.reversed_entry_id
        )
        if refunds:
            refunds._retail_giftcard_refund_cards()
        return posted

    def _retail_giftcard_receivable_lines(self):
        return self.line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
            and not line.reconciled
        )

    def _retail_giftcard_reconcile_order_payments(self):
        """Reconcile the gift card payments taken on the sale orders of these
        invoices with them (the invoice ends paid or partly paid)."""
        # whoever posts the invoice settles it with the order's card payments
        orders = self.sudo().line_ids.sale_line_ids.order_id
        payments = orders.retail_giftcard_payment_ids.filtered(
            lambda payment: payment.state != "canceled"
        )
        if not payments:
            return
        for invoice in self.sudo():
            invoice_orders = invoice.line_ids.sale_line_ids.order_id
            open_lines = payments.filtered(
                lambda payment, orders=invoice_orders: payment.retail_sale_order_id
                in orders
            ).move_id._retail_giftcard_receivable_lines()
            for receivable in invoice._retail_giftcard_receivable_lines():
                lines = receivable | open_lines.filtered(
                    lambda line, account=receivable.account_id: line.account_id
                    == account
                )
                if len(lines) > 1:
                    lines.reconcile()

    def _retail_giftcard_paid_by_cards(self):
        """What gift cards paid on this invoice: {card: amount}, from the
        reconciliations of its receivable with gift card payment entries."""
        self.ensure_one()
        receivable = self.line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        )
        paid = {}
        for partial in receivable.matched_credit_ids:
            entry = partial.credit_move_id.move_id
            if (
                entry.state == "posted"
                and entry.retail_giftcard_id
                and entry.retail_giftcard_history_id.retail_kind == "redeem"
            ):
                card = entry.retail_giftcard_id
                paid[card] = paid.get(card, 0.0) + partial.amount
        return paid

    def _retail_giftcard_refunded(self, invoice, cards):
        """What credit notes of ``invoice`` already put back onto ``cards``
        (refund rows not reversed): {card id: amount}."""
        History = self.env["loyalty.history"].sudo()
        credit_notes = self.sudo().search(
            [("reversed_entry_id", "=", invoice.id), ("move_type", "=", "out_refund")]
        )
        rows = History.search(
            [
                ("card_id", "in", cards.ids),
                ("retail_kind", "=", "refund"),
                ("order_model", "=", "account.move"),
                ("order_id", "in", credit_notes.ids),
            ]
        )
        reversed_rows = History.search([("retail_reversed_id", "in", rows.ids)])
        refunded = {}
        for row in rows - reversed_rows.retail_reversed_id:
            refunded[row.card_id.id] = refunded.get(row.card_id.id, 0.0) + row.issued
        return refunded

    def _retail_giftcard_refund_cards(self):
        """Credit notes of invoices paid by gift card put the credited amount
        back onto the cards: what each card paid, in proportion to the credit
        note's share of the invoice, and never more than the card paid in all.
        Each refund is a "refund" ledger row and an entry Dr receivable, Cr gift
        card liability, reconciled with the credit note."""
        Card = self.env["loyalty.card"].sudo()
        for credit_note in self:
            invoice = credit_note.reversed_entry_id
            paid = invoice._retail_giftcard_paid_by_cards()
            if not paid or invoice.currency_id.is_zero(invoice.amount_total):
                continue
            cards = Card.browse([card.id for card in paid])
            refunded = self._retail_giftcard_refunded(invoice, cards)
            share = min(credit_note.amount_total / invoice.amount_total, 1.0)
            currency = invoice.currency_id
            for card, amount_paid in paid.items():
                amount = currency.round(
                    min(amount_paid * share, amount_paid - refunded.get(card.id, 0.0))
                )
                if currency.compare_amounts(amount, 0.0) <= 0:
                    continue
                credit_note._retail_giftcard_refund_card(card, amount, invoice)

    def _retail_giftcard_refund_card(self, card, amount, invoice):
        self.ensure_one()
        key = self.env["loyalty.card"]._retail_movement_key(
            "account.move", invoice.id, "credit", self.id, card.id
        )
        History = self.env["loyalty.history"]
        if History._retail_by_key(key):
            return  # the credit note was posted again: the card has it already
        self.env["loyalty.card"].sudo()._retail_post_movements(
            [
                {
                    "card": card,
                    "amount": amount,
                    "kind": "refund",
                    "description": self.env._(
                        "Credit note %(refund)s of %(invoice)s",
                        refund=self.name,
                        invoice=invoice.name,
                    ),
                    "order_model": "account.move",
                    "order_id": self.id,
                    "key": key,
                }
            ]
        )
        entry = self._retail_giftcard_refund_entry(card, amount)
        entry.retail_giftcard_history_id = History._retail_by_key(key)
        entry._retail_giftcard_spv_correct(-amount, self)
        return entry

    def _retail_giftcard_refund_entry(self, card, amount):
        """Entry Dr the customer's receivable, Cr gift card liability, reconciled
        with this credit note."""
        company = self.company_id
        receivable = self._retail_giftcard_receivable_lines()[:1]
        partner = self.commercial_partner_id
        receivable_account = (
            receivable.account_id
            or partner.with_company(company).property_account_receivable_id
        )
        label = self.env._(
            "Credit note %(refund)s back onto gift card %(code)s",
            refund=self.name,
            code=card.code,
        )
        entry = self._retail_giftcard_entry(
            card, label, receivable_account, amount, onto_card=True
        )
        if receivable:
            (
                receivable
                | entry.line_ids.filtered(
                    lambda line: line.account_id == receivable.account_id
                )
            ).reconcile()
        return entry

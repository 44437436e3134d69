# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import GiftcardAccountingCommon


@tagged("post_install", "-at_install", "retail_money")
class TestGiftcardCreditNote(GiftcardAccountingCommon):
    """A credit note of an invoice paid by gift card puts the credited amount
    back onto the card: in proportion, up to what the card paid, once."""

    def _paid_invoice(self, price, card_amount, through_order=True):
        if through_order:
            order = self._order(price=price)
            order._retail_giftcard_pay(self.card.code, self.pin, card_amount)
            return self._invoice(order)
        invoice = self.init_invoice(
            "out_invoice", amounts=[price], taxes=self.tax, post=True
        )
        invoice._retail_giftcard_pay(self.card.code, self.pin, card_amount)
        return invoice

    def _credit_note(self, invoice, share=1.0):
        reversal = (
            self.env["account.move.reversal"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"journal_id": invoice.journal_id.id, "reason": "Returned"})
        )
        reversal.refund_moves()
        credit_note = reversal.new_move_ids
        if share != 1.0:
            line = credit_note.invoice_line_ids
            line.price_unit = line.price_unit * share
        credit_note.action_post()
        return credit_note

    def _refund_entries(self, card):
        return self.env["account.move"].search(
            [
                ("retail_giftcard_id", "=", card.id),
                ("retail_giftcard_history_id.retail_kind", "=", "refund"),
            ]
        )

    def test_full_credit_note_of_partly_paid_invoice(self):
        invoice = self._paid_invoice(80, 40)
        self.assertEqual(invoice.payment_state, "partial")
        liability_before = self._balance(self.liability)
        credit_note = self._credit_note(invoice)
        self.assertAlmostEqual(credit_note.amount_total, invoice.amount_total)
        self.assertEqual(self.card.points, 100, "what the card paid goes back")
        entry = self._refund_entries(self.card)
        self.assertEqual(entry.state, "posted")
        self.assertRecordValues(
            entry.line_ids.sorted("balance"),
            [
                {
                    "account_id": self.liability.id,
                    "balance": -40.0,
                    "partner_id": False,
                },
                {
                    "account_id": self.receivable.id,
                    "balance": 40.0,
                    "partner_id": self.partner_a.id,
                },
            ],
        )
        self.assertTrue(
            entry.line_ids.filtered(
                lambda line: line.account_id == self.receivable
            ).reconciled
        )
        # the rest of the credit note settles what the invoice still owed
        self.assertAlmostEqual(credit_note.amount_residual, 0)
        self.assertAlmostEqual(invoice.amount_residual, 0)
        self.assertAlmostEqual(self._balance(self.liability) - liability_before, -40)
        refund = self.card.history_ids.filtered(lambda row: row.retail_kind == "refund")
        self.assertRecordValues(
            refund,
            [{"issued": 40, "order_model": "account.move", "order_id": credit_note.id}],
        )
        self.assertEqual(entry.retail_giftcard_history_id, refund)
        # a second credit note of the same invoice gives nothing more
        self._credit_note(invoice)
        self.assertEqual(self.card.points, 100)
        self.assertEqual(len(self._refund_entries(self.card)), 1)
        self.assertEqual(self.card._retail_check_balance_invariant(), {})
        # the outstanding report (ledger) still equals the liability account
        outstanding = self.env["loyalty.card"]._retail_giftcard_outstanding(
            fields.Date.context_today(self.env.user), self.env.company
        )
        self.assertAlmostEqual(
            sum(row["amount"] for row in outstanding), -self._balance(self.liability)
        )

    def test_partial_credit_notes_in_proportion(self):
        invoice = self._paid_invoice(80, 46)  # 92 with VAT, half by card
        self.assertAlmostEqual(invoice.amount_total, 92)
        self._credit_note(invoice, share=0.5)
        self.assertAlmostEqual(self.card.points, 54 + 23)
        # the rest of the invoice and more: never above what the card paid
        self._credit_note(invoice)
        self.assertAlmostEqual(self.card.points, 100)
        self._credit_note(invoice, share=0.25)
        self.assertAlmostEqual(self.card.points, 100)
        self.assertEqual(
            sorted(self._refund_entries(self.card).mapped("amount_total")), [23, 23]
        )
        self.assertEqual(self.card._retail_check_balance_invariant(), {})

    def test_credit_note_of_invoice_paid_in_the_invoice(self):
        invoice = self._paid_invoice(80, 92, through_order=False)
        self.assertEqual(invoice.payment_state, "paid")
        self.assertEqual(self.card.points, 8)
        credit_note = self._credit_note(invoice)
        self.assertEqual(self.card.points, 100)
        self.assertAlmostEqual(
            credit_note.amount_residual, 0, msg="settled by the card"
        )
        self.assertAlmostEqual(self._balance(self.liability), -100)

    def test_credit_note_without_card_payment(self):
        invoice = self.init_invoice(
            "out_invoice", amounts=[80], taxes=self.tax, post=True
        )
        self._credit_note(invoice)
        self.assertEqual(self.card.points, 100)
        self.assertFalse(self._refund_entries(self.card))

    def test_cancel_refund_entry_takes_back_once(self):
        invoice = self._paid_invoice(80, 40)
        self._credit_note(invoice)
        entry = self._refund_entries(self.card)
        entry.button_cancel()
        self.assertEqual(self.card.points, 60)
        self.assertEqual(entry.state, "cancel")
        with self.assertRaises(UserError):
            entry.button_cancel()
        self.assertEqual(self.card.points, 60)
        self.assertEqual(self.card._retail_check_balance_invariant(), {})

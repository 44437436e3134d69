# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError

LIABILITY_CODES = [f"2191{n:02d}" for n in range(100)]
BREAKAGE_CODES = [f"7191{n:02d}" for n in range(100)]


class ResCompany(models.Model):
    _inherit = "res.company"

    retail_giftcard_liability_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Gift Card Liability Account",
        check_company=True,
        help="Money received for gift cards and not spent yet: credited when a card "
        "is sold or loaded, debited when it pays an order or expires.",
    )
    retail_giftcard_breakage_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Gift Card Breakage Account",
        check_company=True,
        help="Income account that receives the balances of expired gift cards.",
    )

    def _retail_giftcard_liability_account(self):
        """The company's gift card liability account, created on first use."""
        self.ensure_one()
        if not self.retail_giftcard_liability_account_id:
            self.sudo().retail_giftcard_liability_account_id = self._retail_new_account(
                self.env._("Gift cards outstanding"),
                "liability_current",
                LIABILITY_CODES,
            )
        return self.retail_giftcard_liability_account_id

    def _retail_giftcard_breakage_account(self):
        """The company's gift card breakage income account, created on first use."""
        self.ensure_one()
        if not self.retail_giftcard_breakage_account_id:
            self.sudo().retail_giftcard_breakage_account_id = self._retail_new_account(
                self.env._("Gift card breakage"), "income_other", BREAKAGE_CODES
            )
        return self.retail_giftcard_breakage_account_id

    def _retail_new_account(self, name, account_type, codes):
        Account = self.env["account.account"].sudo().with_company(self)
        used = set(
            Account.search(
                [("code", "in", codes), ("company_ids", "in", self.ids)]
            ).mapped("code")
        )
        return Account.create(
            {
                "name": name,
                "code": next(code for code in codes if code not in used),
                "account_type": account_type,
                "company_ids": [fields.Command.set(self.ids)],
            }
        )

    def _retail_giftcard_misc_journal(self):
        self.ensure_one()
        return (
            self.env["account.journal"]
            .sudo()
            .search(
                [("type", "=", "general"), ("company_id", "=", self.id)],
                order="sequence, id",
                limit=1,
            )
        )

    def _retail_giftcard_payment_method(self):
        """A POS payment method for gift cards: a bank-type journal whose
        outstanding account is the liability account, so that closing a session
        debits the liability by what the cards paid."""
        self.ensure_one()
        Method = self.env["pos.payment.method"].sudo()
        method = Method.search(
            [("company_id", "=", self.id), ("retail_giftcard", "=", True)], limit=1
        )
        if method:
            return method
        return Method.create(
            {
                "name": self.env._("Gift Card"),
                "journal_id": self._retail_giftcard_journal().id,
                "company_id": self.id,
                "retail_giftcard": True,
                "outstanding_account_id": self._retail_giftcard_liability_account().id,
            }
        )

    def _retail_giftcard_journal(self):
        """The "Gift Cards" bank-type journal of the company, created on first use:
        its incoming payments go to the gift card liability account (the card's
        money pays the customer's receivable)."""
        self.ensure_one()
        Journal = self.env["account.journal"].sudo()
        journal = Journal.search(
            [
                ("company_id", "=", self.id),
                ("code", "=", "GIFTC"),
                ("type", "=", "bank"),
            ],
            limit=1,
        )
        if not journal:
            journal = Journal.create(
                {
                    "name": self.env._("Gift Cards"),
                    "code": "GIFTC",
                    "type": "bank",
                    "company_id": self.id,
                }
            )
        return journal

    def _retail_giftcard_payment_method_line(self):
        """The inbound payment method line of the gift card journal, whose
        outstanding account is the gift card liability account."""
        self.ensure_one()
        liability = self._retail_giftcard_liability_account()
        line = self._retail_giftcard_journal().inbound_payment_method_line_ids[:1]
        if not line:
            raise UserError(
                self.env._(
                    "The gift card journal of %(company)s has no incoming payment "
                    "method.",
                    company=self.name,
                )
            )
        if line.payment_account_id != liability:
            line.sudo().payment_account_id = liability
        return line

    def _retail_giftcard_breakage_move(self, amount, date):
        """One posted entry writing ``amount`` of expired gift cards off: Dr
        liability, Cr breakage income."""
        self.ensure_one()
        return self._retail_giftcard_move(
            self.env._("Gift card breakage"),
            amount,
            debit=self._retail_giftcard_liability_account(),
            credit=self._retail_giftcard_breakage_account(),
            date=date,
        )

    def _retail_giftcard_load_move(self, amount, counterpart, date):
        """One posted entry for money loaded on gift cards outside a sale: Dr the
        counterpart account, Cr liability."""
        self.ensure_one()
        return self._retail_giftcard_move(
            self.env._("Gift card loads"),
            amount,
            debit=counterpart,
            credit=self._retail_giftcard_liability_account(),
            date=date,
        )

    def _retail_giftcard_move(self, label, amount, debit, credit, date):
        journal = self._retail_giftcard_misc_journal()
        if not journal:
            raise UserError(
                self.env._(
                    "Company %(company)s has no miscellaneous journal for gift card "
                    "entries.",
                    company=self.name,
                )
            )
        move = (
            self.env["account.move"]
            .sudo()
            .with_company(self)
            .create(
                {
                    "move_type": "entry",
                    "journal_id": journal.id,
                    "date": date,
                    "ref": label,
                    "line_ids": [
                        fields.Command.create(
                            {"name": label, "account_id": debit.id, "debit": amount}
                        ),
                        fields.Command.create(
                            {"name": label, "account_id": credit.id, "credit": amount}
                        ),
                    ],
                }
            )
        )
        move.action_post()
        return move

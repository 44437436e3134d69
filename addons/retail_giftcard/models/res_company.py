# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

LIABILITY_CODES = [f"2191{n:02d}" for n in range(100)]


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
        if self.retail_giftcard_liability_account_id:
            return self.retail_giftcard_liability_account_id
        Account = self.env["account.account"].sudo().with_company(self)
        used = set(
            Account.search(
                [("code", "in", LIABILITY_CODES), ("company_ids", "in", self.ids)]
            ).mapped("code")
        )
        code = next(code for code in LIABILITY_CODES if code not in used)
        account = Account.create(
            {
                "name": self.env._("Gift cards outstanding"),
                "code": code,
                "account_type": "liability_current",
                "company_ids": [fields.Command.set(self.ids)],
            }
        )
        self.sudo().retail_giftcard_liability_account_id = account
        return account

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
        journal = (
            self.env["account.journal"]
            .sudo()
            .create(
                {
                    "name": self.env._("Gift Cards"),
                    "code": "GIFTC",
                    "type": "bank",
                    "company_id": self.id,
                }
            )
        )
        return Method.create(
            {
                "name": self.env._("Gift Card"),
                "journal_id": journal.id,
                "company_id": self.id,
                "retail_giftcard": True,
                "outstanding_account_id": self._retail_giftcard_liability_account().id,
            }
        )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError

LIABILITY_CODES = [f"2191{n:02d}" for n in range(100)]
BREAKAGE_CODES = [f"7191{n:02d}" for n in range(100)]
DEFERRED_CODES = [f"2192{n:02d}" for n in range(100)]


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

    retail_giftcard_deferred_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Voucher Deferred Income Account",
        check_company=True,
        help="Default deferred income account of new series of single-purpose "
        "vouchers: the net amount of the vouchers sold and not spent yet.",
    )

    def write(self, vals):
        res = super().write(vals)
        if "currency_id" in vals:
            # sudo: the series of the companies whose currency the user may change
            self.env["retail.giftcard.series"].sudo().with_context(
                active_test=False
            ).search([("company_id", "in", self.ids)])._sync_program_currency()
        return res

    def _retail_giftcard_deferred_account(self, create=False):
        """The company's deferred income account for single-purpose vouchers
        (created when a series of vouchers is set up)."""
        return self._retail_account_on_first_use(
            "retail_giftcard_deferred_account_id",
            self.env._("Vouchers: deferred income"),
            "liability_current",
            DEFERRED_CODES,
            create,
        )

    def _retail_giftcard_liability_account(self, create=False):
        """The company's gift card liability account (created when gift cards
        are set up: see _retail_giftcard_setup)."""
        return self._retail_account_on_first_use(
            "retail_giftcard_liability_account_id",
            self.env._("Gift cards outstanding"),
            "liability_current",
            LIABILITY_CODES,
            create,
        )

    def _retail_giftcard_breakage_account(self, create=False):
        """The company's gift card breakage income account (created when gift
        cards are set up)."""
        return self._retail_account_on_first_use(
            "retail_giftcard_breakage_account_id",
            self.env._("Gift card breakage"),
            "income_other",
            BREAKAGE_CODES,
            create,
        )

    def _retail_giftcard_setup(self):
        """Create what the gift cards of these companies book on: the liability
        and breakage accounts and, with a chart of accounts, the Gift Cards
        journal whose incoming payments go to the liability. Called when a
        series or the gift card payment method is set up, never during a sale
        or a till's sync (those refuse a company that is not set up)."""
        for company in self:
            # sudo: accounting setup that comes with a series or a payment
            # method, created by whoever may create those (head office, POS admin)
            company = company.sudo()
            liability = company._retail_giftcard_liability_account(create=True)
            company._retail_giftcard_breakage_account(create=True)
            if company.chart_template:
                journal = company._retail_giftcard_journal(create=True)
                line = journal.inbound_payment_method_line_ids[:1]
                if line and line.payment_account_id != liability:
                    line.payment_account_id = liability

    def _retail_account_on_first_use(self, field, name, account_type, codes, create):
        """The account of the company's ``field``; when the company has none, it
        is created (with the first free code of ``codes``) if ``create``, else
        the gift card setup is missing: UserError."""
        self.ensure_one()
        if not self[field]:
            if not create:
                raise UserError(
                    self.env._(
                        "Gift cards are not set up for %(company)s (%(account)s "
                        "missing): head office creates a gift card series or the "
                        "Gift Card payment method of the company first.",
                        company=self.name,
                        account=name,
                    )
                )
            # sudo: setup only (create=True), see _retail_giftcard_setup
            self.sudo()[field] = self._retail_new_account(name, account_type, codes)
        return self[field]

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
        """The company's first miscellaneous journal, for gift card entries."""
        self.ensure_one()
        journal = (
            self.env["account.journal"]
            .sudo()
            .search(
                [("type", "=", "general"), ("company_id", "=", self.id)],
                order="sequence, id",
                limit=1,
            )
        )
        if not journal:
            raise UserError(
                self.env._(
                    "Company %(company)s has no miscellaneous journal for gift card "
                    "entries.",
                    company=self.name,
                )
            )
        return journal

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
        self._retail_giftcard_setup()
        return Method.create(
            {
                "name": self.env._("Gift Card"),
                "journal_id": self._retail_giftcard_journal(create=True).id,
                "company_id": self.id,
                "retail_giftcard": True,
                "outstanding_account_id": self._retail_giftcard_liability_account().id,
            }
        )

    def _retail_giftcard_journal(self, create=False):
        """The "Gift Cards" bank-type journal of the company (created at setup):
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
        if not journal and not create:
            raise UserError(
                self.env._(
                    "Gift cards are not set up for %(company)s (no Gift Cards "
                    "journal): head office creates a gift card series or the Gift "
                    "Card payment method of the company first.",
                    company=self.name,
                )
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
            raise UserError(
                self.env._(
                    "The incoming payments of the gift card journal of %(company)s "
                    "must go to the gift card liability account %(account)s.",
                    company=self.name,
                    account=liability.display_name,
                )
            )
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

    def _retail_giftcard_spv_breakage_move(self, series, amount, date):
        """Expired single-purpose vouchers of ``series`` worth ``amount``: their
        net value goes from deferred income to breakage income (Dr deferred
        income, Cr breakage); the VAT charged when they were sold stays."""
        self.ensure_one()
        net, _vat = series._spv_split(amount)
        return self._retail_giftcard_move(
            self.env._("Voucher breakage %(series)s", series=series.name),
            net,
            debit=series.deferred_income_account_id,
            credit=self._retail_giftcard_breakage_account(),
            date=date,
        )

    def _retail_giftcard_load_move(self, amount, counterpart, date, series=None):
        """One posted entry for money loaded on gift cards outside a sale: Dr the
        counterpart account, Cr liability; for single-purpose vouchers Cr deferred
        income and VAT (charged at issue)."""
        self.ensure_one()
        if series and series._is_spv():
            label = self.env._("Voucher loads %(series)s", series=series.name)
            return self._retail_giftcard_spv_move(
                series,
                amount,
                label,
                [{"name": label, "account_id": counterpart.id, "balance": amount}],
                date,
            )
        return self._retail_giftcard_move(
            self.env._("Gift card loads"),
            amount,
            debit=counterpart,
            credit=self._retail_giftcard_liability_account(),
            date=date,
        )

    def _retail_giftcard_move(self, label, amount, debit, credit, date):
        journal = self._retail_giftcard_misc_journal()
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

    # ------------------------------------------------------------------
    # Single-purpose vouchers
    # ------------------------------------------------------------------

    def _retail_giftcard_spv_lines(self, series, gross, label):
        """Lines of ``gross`` (VAT included) of ``series``' vouchers on deferred
        income and VAT. A positive amount is an issue: Cr deferred income (net)
        and Cr VAT, with the tax's invoice tags. A negative amount cancels it (a
        redemption, whose goods were taxed again): Dr both, with the tax's refund
        tags, so that the tax report counts the VAT once."""
        self.ensure_one()
        currency = self.currency_id
        net, vat = series._spv_split(abs(gross))
        sign = -1 if currency.compare_amounts(gross, 0) > 0 else 1
        document_type = "invoice" if sign < 0 else "refund"
        repartition = series.tax_id.repartition_line_ids.filtered(
            lambda line: line.document_type == document_type
        )
        base = repartition.filtered(lambda line: line.repartition_type == "base")
        deferred = series.deferred_income_account_id
        lines = [
            {
                "name": label,
                "account_id": deferred.id,
                "balance": sign * net,
                "tax_ids": [fields.Command.set(series.tax_id.ids)],
                "tax_tag_ids": [fields.Command.set(base.tag_ids.ids)],
                "display_type": "product",
            }
        ]
        taxes = repartition.filtered(lambda line: line.repartition_type == "tax")
        left = vat
        for index, tax_line in enumerate(taxes):
            amount = (
                left
                if index == len(taxes) - 1
                else currency.round(vat * tax_line.factor_percent / 100)
            )
            left -= amount
            lines.append(
                {
                    "name": series.tax_id.name,
                    "account_id": (tax_line.account_id or deferred).id,
                    "balance": sign * amount,
                    "tax_repartition_line_id": tax_line.id,
                    "tax_tag_ids": [fields.Command.set(tax_line.tag_ids.ids)],
                    "tax_base_amount": net,
                    "display_type": "tax",
                }
            )
        return lines

    def _retail_giftcard_spv_move(self, series, gross, label, counterparts, date):
        """Post an entry of ``gross`` of ``series``' vouchers on deferred income
        and VAT (see _retail_giftcard_spv_lines) against ``counterparts`` (line
        values whose ``balance`` is the opposite side)."""
        self.ensure_one()
        journal = self._retail_giftcard_misc_journal()
        lines = counterparts + self._retail_giftcard_spv_lines(series, gross, label)
        move = (
            self.env["account.move"]
            .sudo()
            .with_company(self)
            .with_context(skip_invoice_sync=True, check_move_validity=False)
            .create(
                {
                    "move_type": "entry",
                    "journal_id": journal.id,
                    "date": date,
                    "ref": label,
                    "line_ids": [
                        fields.Command.create(
                            {
                                **line,
                                "currency_id": self.currency_id.id,
                                "amount_currency": line["balance"],
                            }
                        )
                        for line in lines
                    ],
                }
            )
        )
        move.action_post()
        return move

    def _retail_giftcard_spv_redemption_move(self, series, gross, label, date):
        """The correction of ``gross`` paid by ``series``' vouchers (negative: given
        back onto them): Dr deferred income (net) and VAT (refund tags), Cr gift
        card liability, through which the payments went. The goods' own sale
        charged the VAT again; this entry takes it back out."""
        self.ensure_one()
        liability = self._retail_giftcard_liability_account()
        return self._retail_giftcard_spv_move(
            series,
            -gross,
            label,
            [{"name": label, "account_id": liability.id, "balance": -gross}],
            date,
        )

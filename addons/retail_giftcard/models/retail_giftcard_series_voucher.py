# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError, ValidationError


class RetailGiftcardSeries(models.Model):
    """Series of single-purpose vouchers: their VAT and deferred income account,
    and the goods they may pay."""

    _inherit = "retail.giftcard.series"

    @api.constrains("voucher_type", "tax_id", "deferred_income_account_id")
    def _check_voucher_type(self):
        for series in self.filtered(lambda series: series.voucher_type == "single"):
            series._check_voucher_tax()
            account = series.deferred_income_account_id
            if not account:
                raise ValidationError(
                    self.env._(
                        "Series %(series)s of single-purpose vouchers needs a deferred "
                        "income account.",
                        series=series.name,
                    )
                )
            if account == series.company_id.retail_giftcard_liability_account_id:
                raise ValidationError(
                    self.env._(
                        "The deferred income account of series %(series)s cannot be "
                        "the gift card liability account (multi-purpose cards' money).",
                        series=series.name,
                    )
                )

    def _check_voucher_tax(self):
        self.ensure_one()
        tax = self.tax_id
        if not tax:
            raise ValidationError(
                self.env._(
                    "Series %(series)s of single-purpose vouchers needs the VAT of the "
                    "goods its vouchers buy.",
                    series=self.name,
                )
            )
        if tax.type_tax_use != "sale":
            raise ValidationError(
                self.env._(
                    "%(tax)s is not a sales tax: a single-purpose voucher carries the "
                    "VAT of the goods it buys.",
                    tax=tax.name,
                )
            )
        if tax.amount_type != "percent" or not tax.price_include:
            raise ValidationError(
                self.env._(
                    "The VAT of single-purpose vouchers must be a percentage included "
                    "in the price (the voucher is worth what the customer pays): "
                    "%(tax)s is not.",
                    tax=tax.name,
                )
            )

    def _default_deferred_account(self, vals, series=None):
        """A new series of single-purpose vouchers gets the company's deferred
        income account for vouchers when none is given."""
        voucher_type = vals.get("voucher_type", series and series.voucher_type)
        account = vals.get(
            "deferred_income_account_id", series and series.deferred_income_account_id
        )
        if voucher_type == "single" and not account:
            company = (
                self.env["res.company"].browse(
                    vals.get("company_id") or (series and series.company_id.id)
                )
                or self.env.company
            )
            vals["deferred_income_account_id"] = (
                company._retail_giftcard_deferred_account(create=True).id
            )

    def _check_voucher_change(self, vals):
        """The voucher type, VAT and deferred income account of a series whose
        cards hold money cannot change: that money was booked the other way."""
        changed = self.filtered(
            lambda series: any(
                series._fields[name].convert_to_write(series[name], series)
                != vals[name]
                for name in ("voucher_type", "tax_id", "deferred_income_account_id")
                if name in vals
            )
        )
        if not changed:
            return
        with_money = (
            self.env["loyalty.card"]
            .sudo()
            ._read_group(
                [("retail_series_id", "in", changed.ids), ("points", "!=", 0)],
                ["retail_series_id"],
            )
        )
        if with_money:
            raise ValidationError(
                self.env._(
                    "Series %(series)s has cards with a balance: its voucher type, VAT "
                    "and deferred income account cannot change (that money was booked "
                    "under the current ones).",
                    series=with_money[0][0].name,
                )
            )

    def _is_spv(self):
        self.ensure_one()
        return self.voucher_type == "single"

    def _spv_accepts(self, taxes):
        """Whether goods taxed with ``taxes`` are bought by this series'
        single-purpose vouchers: one tax of the same rate as the voucher's."""
        self.ensure_one()
        taxes = taxes.flatten_taxes_hierarchy()
        return taxes == self.tax_id or (
            len(taxes) == 1
            and taxes.amount_type == "percent"
            and taxes.type_tax_use == "sale"
            and self.currency_id.is_zero(taxes.amount - self.tax_id.amount)
        )

    def _spv_check_payable(self, amount, eligible, document):
        """Refuse a voucher payment above the goods at its VAT in ``document``."""
        self.ensure_one()
        if self.currency_id.compare_amounts(amount, eligible) > 0:
            raise UserError(
                self.env._(
                    "%(series)s vouchers pay only goods with %(tax)s: %(document)s "
                    "has %(eligible)s of them left to pay, not %(amount)s.",
                    series=self.name,
                    tax=self.tax_id.name,
                    document=document,
                    eligible=self._format_money(max(eligible, 0.0)),
                    amount=self._format_money(amount),
                )
            )

    def _spv_split(self, gross):
        """Net and VAT parts of ``gross`` paid for a voucher (VAT included)."""
        self.ensure_one()
        net = self.currency_id.round(gross / (1 + self.tax_id.amount / 100))
        return net, self.currency_id.round(gross - net)

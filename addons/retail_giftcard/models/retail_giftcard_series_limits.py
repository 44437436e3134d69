# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, models
from odoo.exceptions import UserError, ValidationError


class RetailGiftcardSeries(models.Model):
    """The rules of a series' cards: amount limits, validity and where they are
    accepted."""

    _inherit = "retail.giftcard.series"

    @api.constrains("min_load", "max_load", "max_balance")
    def _check_limits(self):
        for series in self:
            if series.max_load and series.min_load > series.max_load:
                raise ValidationError(
                    self.env._(
                        "The minimum load exceeds the maximum load in series "
                        "%(series)s.",
                        series=series.name,
                    )
                )
            if series.max_balance and series.max_load > series.max_balance:
                raise ValidationError(
                    self.env._(
                        "The maximum load exceeds the maximum balance in series "
                        "%(series)s.",
                        series=series.name,
                    )
                )

    def _expiration_from(self, date):
        self.ensure_one()
        if not self.validity_months:
            return False
        return date + relativedelta(months=self.validity_months)

    def _check_load_amount(self, amount, balance):
        """Refuse a load outside the series' limits, with the limit named."""
        self.ensure_one()
        currency = self.currency_id
        if currency.compare_amounts(amount, 0.0) <= 0:
            raise UserError(
                self.env._(
                    "A gift card load must be a positive amount, not %(amount)s.",
                    amount=self._format_money(amount),
                )
            )
        if self.min_load and currency.compare_amounts(amount, self.min_load) < 0:
            raise UserError(
                self.env._(
                    "%(amount)s is below the minimum load of %(min)s for %(series)s "
                    "gift cards.",
                    amount=self._format_money(amount),
                    min=self._format_money(self.min_load),
                    series=self.name,
                )
            )
        if self.max_load and currency.compare_amounts(amount, self.max_load) > 0:
            raise UserError(
                self.env._(
                    "%(amount)s is above the maximum load of %(max)s for %(series)s "
                    "gift cards.",
                    amount=self._format_money(amount),
                    max=self._format_money(self.max_load),
                    series=self.name,
                )
            )
        self._check_balance_limit(amount, balance)

    def _check_balance_limit(self, amount, balance):
        """Refuse a credit that would take a card above the maximum balance."""
        self.ensure_one()
        currency = self.currency_id
        if (
            self.max_balance
            and currency.compare_amounts(balance + amount, self.max_balance) > 0
        ):
            raise UserError(
                self.env._(
                    "Loading %(amount)s would bring the card to %(total)s, above the "
                    "maximum balance of %(max)s for %(series)s gift cards.",
                    amount=self._format_money(amount),
                    total=self._format_money(balance + amount),
                    max=self._format_money(self.max_balance),
                    series=self.name,
                )
            )

    def _accepts(self, company, config=None):
        """Whether a store of ``company`` (and ``config``) accepts the cards."""
        self.ensure_one()
        if company != self.company_id and company not in self.allowed_company_ids:
            return False
        return not (
            config and self.allowed_config_ids and config not in self.allowed_config_ids
        )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

# Largest number of days an audience may look ahead ("expiring within N days").
MAX_EXPIRY_DAYS = 3660
# Operators the expiry criteria answer (``=`` reaches search methods as ``in``;
# negative operators are answered by negating these).
ORDER_OPERATORS = {"<": "<", "<=": "<=", ">": ">", ">=": ">="}


class ResPartner(models.Model):
    """Searches of the criteria "expiring within N days" and "expiring on"
    that the loyalty and gift card bridges add to the customer file: each
    bridge gives the SQL of its customers per condition on their earliest
    expiry (``domain_of(condition, *values)``, the condition on ``MIN(expiry)``)."""

    _inherit = "res.partner"

    @api.model
    def _retail_check_days(self, days, fname):
        """A number of days an audience looks ahead, for the field ``fname``:
        a whole number from 0 to MAX_EXPIRY_DAYS."""
        if (
            isinstance(days, bool)
            or not isinstance(days, int | float)
            or not 0 <= days <= MAX_EXPIRY_DAYS
            or days != int(days)
        ):
            raise UserError(
                self.env._(
                    "%(field)s: give a whole number of days from 0 to %(max)s "
                    "(%(value)s given).",
                    field=self._fields[fname].get_description(self.env)["string"],
                    max=MAX_EXPIRY_DAYS,
                    value=days,
                )
            )
        return int(days)

    @api.model
    def _retail_search_expiry_days(self, fname, operator, value, domain_of, days):
        """The domain of "``fname`` ``operator`` ``value``" where ``days`` is the
        SQL of a customer's days to their earliest expiry."""
        if operator == "in":
            wanted = [self._retail_check_days(day, fname) for day in value]
            return domain_of("%s = ANY(%s)", days, wanted)
        if operator not in ORDER_OPERATORS:
            return NotImplemented
        wanted = self._retail_check_days(value, fname)
        return domain_of(f"%s {ORDER_OPERATORS[operator]} %s", days, wanted)

    @api.model
    def _retail_search_expiry_date(self, operator, value, domain_of):
        """The domain of "earliest expiry ``operator`` ``value``"; ``= False``
        selects the customers without any expiry."""
        if operator == "in":
            dates = [fields.Date.to_date(day) for day in value if day]
            domain = Domain.FALSE
            if dates:
                domain = domain_of("MIN(expiry) = ANY(%s)", dates)
            if len(dates) < len(value):
                domain |= ~domain_of("TRUE")
            return domain
        if operator not in ORDER_OPERATORS or not value:
            return NotImplemented
        return domain_of(
            f"MIN(expiry) {ORDER_OPERATORS[operator]} %s", fields.Date.to_date(value)
        )

    @api.model
    def _retail_amount_condition(self, operator, value):
        """``(condition, operand, zero matches)`` of an amount compared with
        ``operator`` (``in`` or an order), the condition an SQL ``%s`` compared
        to ``%s``; NotImplemented for other operators. ``zero matches`` says
        whether an amount of 0 (a customer with none) passes."""
        if operator == "in":
            values = [float(v or 0) for v in value]
            return "%s = ANY(%s)", values, 0.0 in values
        if operator not in ORDER_OPERATORS:
            return NotImplemented
        operand = float(value or 0)
        zero_matches = {
            "<": 0 < operand,
            "<=": 0 <= operand,
            ">": 0 > operand,
            ">=": 0 >= operand,
        }[operator]
        return f"%s {ORDER_OPERATORS[operator]} %s", operand, zero_matches

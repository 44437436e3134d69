# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import format_amount

# Program types whose points are money of the program's currency.
MONEY_PROGRAM_TYPES = frozenset({"gift_card", "ewallet"})


class LoyaltyProgram(models.Model):
    _inherit = "loyalty.program"

    retail_is_money = fields.Boolean(
        string="Points Are Money",
        compute="_compute_retail_is_money",
        # the currency's symbol is read by users who may not read currencies
        compute_sudo=True,
        help="Gift cards, eWallets and any program whose point name is its "
        "currency's symbol: balances are amounts of the program's currency, "
        "shown as such in the back office, at the till and in messages.",
    )

    @api.depends("program_type", "portal_point_name", "currency_id.symbol")
    def _compute_retail_is_money(self):
        for program in self:
            program.retail_is_money = program._retail_points_are_money()

    def _retail_points_are_money(self):
        """The one rule saying whether this program's points are money."""
        self.ensure_one()
        return self.program_type in MONEY_PROGRAM_TYPES or bool(
            self.currency_id and self.portal_point_name == self.currency_id.symbol
        )

    @api.model_create_multi
    def create(self, vals_list):
        """A money program created without a point name (from code, data or an
        import, where the form's onchange did not run) is named after its
        currency, not Odoo's default "Points"."""
        for vals in vals_list:
            if (
                vals.get("program_type") in MONEY_PROGRAM_TYPES
                and "portal_point_name" not in vals
            ):
                vals["portal_point_name"] = self._retail_currency_of(vals).symbol
        return super().create(vals_list)

    @api.model
    def _retail_currency_of(self, vals):
        """Currency a program created with ``vals`` will have."""
        if vals.get("currency_id"):
            return self.env["res.currency"].browse(vals["currency_id"])
        company = self.env["res.company"].browse(vals.get("company_id"))
        return (company or self.env.company).currency_id

    def _retail_format_money(self, amount):
        """``amount`` in this program's currency, as every message, view and
        report of a money program writes it."""
        self.ensure_one()
        # sudo: a currency's symbol and decimals are public; cashiers without
        # back-office rights may not read res.currency
        return format_amount(self.env, amount, self.currency_id.sudo())

    @api.model
    def _load_pos_data_fields(self, config):
        return [*super()._load_pos_data_fields(config), "retail_is_money"]

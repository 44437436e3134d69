# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


def luhn_digit(digits):
    """Luhn check digit of a string of decimal digits."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = ord(char) - 48
        if position % 2 == 0:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return str((10 - total % 10) % 10)


def luhn_valid(number):
    return (
        isinstance(number, str)
        and len(number) > 1
        and number.isdigit()
        and luhn_digit(number[:-1]) == number[-1]
    )


class RetailGiftcardSeries(models.Model):
    """A series of numbered gift cards: prefix, length and check digit of the
    numbers, limits of the amounts, validity and where the cards are accepted.

    Each series has its own native ``gift_card`` loyalty program: its cards are
    ``loyalty.card`` records of that program, whose ``code`` is the series number.

    Numbering and card generation, amount limits and acceptance, and
    single-purpose vouchers are in the ``_numbering``, ``_limits`` and
    ``_voucher`` files of the model.
    """

    _name = "retail.giftcard.series"
    _description = "Gift Card Series"
    _order = "name, id"
    _check_company_auto = True

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    program_id = fields.Many2one(
        comodel_name="loyalty.program",
        string="Gift Card Program",
        readonly=True,
        copy=False,
        ondelete="restrict",
        check_company=True,
        help="The native gift card program that holds the cards of this series "
        "(created with the series).",
    )
    product_id = fields.Many2one(
        comodel_name="product.product",
        string="Gift Card Product",
        readonly=True,
        copy=False,
        ondelete="restrict",
        help="Service without taxes sold to load or reload a card of this series; "
        "its income account is the company's gift card liability account.",
    )
    prefix = fields.Char(
        required=True,
        copy=False,
        help="Digits every number of the series starts with. No series' prefix may "
        "start another's, so that a number tells its series.",
    )
    number_length = fields.Integer(
        default=16,
        required=True,
        help="Digits of a card number: prefix, sequence and the Luhn check digit.",
    )
    next_number = fields.Integer(
        default=1,
        readonly=True,
        copy=False,
        help="Next sequence number; numbers are never reused.",
    )
    number_key = fields.Char(
        readonly=True,
        copy=False,
        groups="base.group_system",
        help="Secret of the permutation that turns sequence numbers into card "
        "numbers (so that a card's number does not give other cards').",
    )
    use_barcode = fields.Boolean(
        string="Barcode",
        default=True,
        help="Cards carry a barcode of their number and PIN, scanned at the till.",
    )
    validity_months = fields.Integer(
        help="Months a card stays valid from its sale; 0: no expiry.",
    )
    min_load = fields.Monetary(
        string="Minimum Load",
        currency_field="currency_id",
        help="Smallest amount sold or reloaded at once.",
    )
    max_load = fields.Monetary(
        string="Maximum Load",
        currency_field="currency_id",
        help="Largest amount sold or reloaded at once; 0: no limit.",
    )
    max_balance = fields.Monetary(
        string="Maximum Balance",
        currency_field="currency_id",
        help="Largest balance a card may hold; 0: no limit.",
    )
    allowed_company_ids = fields.Many2many(
        comodel_name="res.company",
        string="Also Accepted By",
        help="Other companies (franchisees) whose stores accept these cards. The "
        "series' own company always does.",
    )
    allowed_config_ids = fields.Many2many(
        comodel_name="pos.config",
        string="Only In Stores",
        help="When set, only these stores sell, load and accept the cards.",
    )
    card_count = fields.Integer(compute="_compute_card_count", string="Cards")
    voucher_type = fields.Selection(
        selection=[("multi", "Multi-purpose"), ("single", "Single-purpose")],
        default="multi",
        required=True,
        help="Multi-purpose: money, VAT charged when the card pays goods (gift card "
        "liability). Single-purpose (EU Directive 2016/1065): the VAT of the goods "
        "it can buy is known when it is sold and charged then (deferred income); "
        "it pays only goods taxed at that VAT.",
    )
    tax_id = fields.Many2one(
        comodel_name="account.tax",
        string="Voucher VAT",
        check_company=True,
        ondelete="restrict",
        domain=[("type_tax_use", "=", "sale"), ("amount_type", "=", "percent")],
        help="Single-purpose vouchers: the VAT (a sales tax, percentage, included in "
        "the price) of the goods the vouchers buy, charged when they are sold.",
    )
    deferred_income_account_id = fields.Many2one(
        comodel_name="account.account",
        check_company=True,
        ondelete="restrict",
        help="Single-purpose vouchers: receives the net amount of the vouchers sold "
        "until they pay goods or expire (created when empty).",
    )

    _prefix_unique = models.Constraint("UNIQUE(prefix)", "The prefix is already used.")
    _number_length_check = models.Constraint(
        "CHECK(number_length BETWEEN 8 AND 24)",
        "A card number has 8 to 24 digits.",
    )
    _amounts_check = models.Constraint(
        "CHECK(min_load >= 0 AND max_load >= 0 AND max_balance >= 0 "
        "AND validity_months >= 0)",
        "Amount limits and validity cannot be negative.",
    )

    def _compute_card_count(self):
        counts = dict(
            self.env["loyalty.card"]._read_group(
                [("retail_series_id", "in", self.ids)],
                ["retail_series_id"],
                ["__count"],
            )
        )
        for series in self:
            series.card_count = counts.get(series, 0)

    @api.constrains("prefix", "number_length")
    def _check_prefix(self):
        for series in self:
            # ASCII digits: "٧٧".isdigit() too, and the Luhn digit needs 0-9
            if not (series.prefix.isascii() and series.prefix.isdigit()):
                raise ValidationError(
                    self.env._(
                        "The prefix %(prefix)s must be made of digits only.",
                        prefix=series.prefix,
                    )
                )
            if len(series.prefix) > series.number_length - 4:
                raise ValidationError(
                    self.env._(
                        "The prefix %(prefix)s leaves too few digits for the card "
                        "numbers of %(length)s digits.",
                        prefix=series.prefix,
                        length=series.number_length,
                    )
                )
        others = self.with_context(active_test=False).search_fetch(
            [("id", "not in", self.ids)], ["prefix"]
        )
        for series in self:
            clash = (others | (self - series)).filtered(
                lambda other, series=series: other.prefix.startswith(series.prefix)
                or series.prefix.startswith(other.prefix)
            )
            if clash:
                raise ValidationError(
                    self.env._(
                        "The prefix %(prefix)s overlaps the prefix of series "
                        "%(other)s: a number must tell its series.",
                        prefix=series.prefix,
                        other=clash[0].name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._default_deferred_account(vals)
        records = super().create(vals_list)
        records.company_id._retail_giftcard_setup()
        records._create_program_and_product()
        return records

    def write(self, vals):
        if {"prefix", "number_length"} & set(vals) and any(
            series.next_number > 1 for series in self
        ):
            raise UserError(
                self.env._(
                    "The prefix and the length of a series cannot change once cards "
                    "were numbered."
                )
            )
        voucher_fields = {"voucher_type", "tax_id", "deferred_income_account_id"}
        if voucher_fields & set(vals):
            self._check_voucher_change(vals)
            if len(self) == 1:
                self._default_deferred_account(vals, self)
        moved = self.browse()
        if vals.get("company_id"):
            moved = self._move_to_company(vals["company_id"])
        res = super().write(vals)
        if moved:
            moved.company_id._retail_giftcard_setup()
            moved._sync_program_currency()
        if moved or voucher_fields & set(vals):
            self._sync_product_taxes()
        return res

    def _move_to_company(self, company_id):
        """Series changing company take their program and product along; refused
        once cards were numbered (the cards and their ledger stay where they were
        sold). Returns the series that move."""
        moved = self.filtered(lambda series: series.company_id.id != company_id)
        if any(series.next_number > 1 for series in moved):
            raise UserError(
                self.env._(
                    "The company of a series cannot change once cards were numbered."
                )
            )
        moved.product_id.write({"company_id": company_id})
        moved.program_id.write({"company_id": company_id})
        return moved

    def _sync_program_currency(self):
        """The series' program counts money of the series' currency and names
        its points after it (the cashier reads amounts, not "Points")."""
        for series in self:
            currency = series.currency_id
            program = series.program_id
            if (
                program.currency_id != currency
                or program.portal_point_name != currency.symbol
            ):
                program.write(
                    {"currency_id": currency.id, "portal_point_name": currency.symbol}
                )

    def _sync_product_taxes(self):
        """The series' product carries what a sale books: no tax and the gift card
        liability for multi-purpose cards; the voucher VAT and the deferred income
        account for single-purpose vouchers."""
        for series in self:
            series.product_id.sudo().with_company(series.company_id).write(
                series._product_accounting_vals()
            )

    def action_view_cards(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "retail_giftcard.loyalty_card_action_giftcard"
        )
        action["domain"] = [("retail_series_id", "=", self.id)]
        action["context"] = {"default_program_id": self.program_id.id}
        return action

    def action_open_generate(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Generate Gift Cards"),
            "res_model": "retail.giftcard.generate",
            "view_mode": "form",
            "target": "new",
            "context": {"default_series_id": self.id},
        }

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    def _create_program_and_product(self):
        """One native gift card program and one gift card product per series.

        The program is not offered by the native POS and sale flows (``pos_ok``
        and ``sale_ok`` off): its cards are sold as a product line and spent as a
        payment method, so that the amount is money, not a discount.
        """
        products = self.env["product.product"].create(
            [series._product_vals() for series in self]
        )
        programs = self.env["loyalty.program"].create(
            [
                series._program_vals(product)
                for series, product in zip(self, products, strict=True)
            ]
        )
        for series, program, product in zip(self, programs, products, strict=True):
            series.write({"program_id": program.id, "product_id": product.id})
        self._sync_program_currency()

    def _product_vals(self):
        self.ensure_one()
        return {
            "name": self.env._("Gift card %(series)s", series=self.name),
            "type": "service",
            "list_price": 0.0,
            "sale_ok": True,
            "purchase_ok": False,
            "available_in_pos": True,
            "supplier_taxes_id": [fields.Command.clear()],
            "company_id": self.company_id.id,
            "retail_giftcard_product": True,
            **self._product_accounting_vals(),
        }

    def _product_accounting_vals(self):
        self.ensure_one()
        if self.voucher_type == "single":
            return {
                "taxes_id": [fields.Command.set(self.tax_id.ids)],
                "property_account_income_id": self.deferred_income_account_id.id,
            }
        return {
            "taxes_id": [fields.Command.clear()],
            "property_account_income_id": (
                self.company_id._retail_giftcard_liability_account().id
            ),
        }

    def _check_company_user(self):
        """Refuse series of companies the user does not work for (checked before
        any superuser action on them or their cards)."""
        if self.env.su:
            return
        foreign = self.sudo().filtered(
            lambda series: series.company_id not in self.env.user.company_ids
        )
        if foreign:
            raise AccessError(
                self.env._(
                    "Gift card series %(series)s belongs to a company you do not "
                    "work for.",
                    series=", ".join(foreign.mapped("name")),
                )
            )

    def _format_money(self, amount):
        """``amount`` in the series' currency (its program's), as its messages
        write it."""
        self.ensure_one()
        return self.program_id._retail_format_money(amount)

    def _program_vals(self, product):
        self.ensure_one()
        return {
            "name": self.name,
            "program_type": "gift_card",
            "company_id": self.company_id.id,
            "pos_ok": False,
            "sale_ok": False,
            "portal_visible": False,
            "applies_on": "future",
            "trigger": "auto",
            "rule_ids": [
                fields.Command.clear(),
                fields.Command.create(
                    {
                        "reward_point_amount": 1,
                        "reward_point_mode": "money",
                        "reward_point_split": True,
                        "product_ids": [fields.Command.set(product.ids)],
                        "minimum_qty": 0,
                    }
                ),
            ],
            "communication_plan_ids": [fields.Command.clear()],
        }

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import math
import secrets

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, float_compare

# Rows inserted per statement by the mass generation.
GENERATE_CHUNK = 20000
# Rounds of the Feistel network that turns sequence numbers into card numbers
# (an even number: each pair of rounds gives the halves their widths back).
NUMBER_ROUNDS = 4


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

    def _number_capacity(self):
        self.ensure_one()
        return 10 ** (self.number_length - len(self.prefix) - 1) - 1

    def _reserve_numbers(self, quantity):
        """Reserve ``quantity`` sequence numbers under a row lock and return the
        card numbers: prefix, the sequence number through the series' keyed
        permutation (digits that look random: a card's number does not give
        its neighbours'), Luhn digit. Unique and never reused: the permutation
        is a bijection and the sequence only grows; numbers already taken (by
        a series numbered before the permutation) are skipped."""
        self.ensure_one()
        if not isinstance(quantity, int) or quantity <= 0:
            raise UserError(
                self.env._("Say how many cards to generate (a positive number).")
            )
        self.flush_recordset(["next_number"])
        [[first]] = self.env.execute_query(
            SQL(
                "SELECT next_number FROM retail_giftcard_series WHERE id = %s "
                "FOR NO KEY UPDATE",
                self.id,
            )
        )
        capacity = self._number_capacity()
        if first + quantity - 1 > capacity:
            raise UserError(
                self.env._(
                    "Series %(series)s has %(left)s numbers left; %(quantity)s cards "
                    "cannot be generated.",
                    series=self.name,
                    left=max(capacity - first + 1, 0),
                    quantity=quantity,
                )
            )
        permute = self._number_permutation()
        width = self.number_length - len(self.prefix) - 1
        numbers, sequence = [], first
        while len(numbers) < quantity:
            end = min(sequence + quantity - len(numbers), capacity + 1)
            if end <= sequence:
                raise UserError(
                    self.env._(
                        "Series %(series)s has no numbers left.", series=self.name
                    )
                )
            bodies = [
                f"{self.prefix}{permute(number):0{width}d}"
                for number in range(sequence, end)
            ]
            candidates = [body + luhn_digit(body) for body in bodies]
            sequence = end
            taken = {
                code
                for [code] in self.env.execute_query(
                    SQL(
                        "SELECT code FROM loyalty_card WHERE code = ANY(%s)",
                        candidates,
                    )
                )
            }
            numbers += [number for number in candidates if number not in taken]
        self.env.execute_query(
            SQL(
                "UPDATE retail_giftcard_series SET next_number = %s WHERE id = %s",
                sequence,
                self.id,
            )
        )
        self.invalidate_recordset(["next_number"])
        return numbers

    def _number_permutation(self):
        """The series' keyed permutation of the numbers of its width: a
        Feistel network on the two halves of the digits, whose round function
        is BLAKE2b keyed with the series' secret (created on first use).

        :return: a function of a sequence number returning its number
        """
        self.ensure_one()
        series = self.sudo()
        if not series.number_key:
            # sudo: the series' own secret, written once by the numbering
            series.number_key = secrets.token_hex(16)
        key = bytes.fromhex(series.number_key)
        width = self.number_length - len(self.prefix) - 1
        low_digits = width - width // 2
        moduli = (10 ** (width // 2), 10**low_digits)
        split = 10**low_digits
        rounds = [
            hashlib.blake2b(key=key, digest_size=8, person=b"retail-gc-%d" % index)
            for index in range(NUMBER_ROUNDS)
        ]

        def permute(number):
            high, low = divmod(number, split)
            for index, base in enumerate(rounds):
                digest = base.copy()
                digest.update(low.to_bytes(8, "big"))
                mixed = (high + int.from_bytes(digest.digest(), "big")) % moduli[
                    index % 2
                ]
                high, low = low, mixed
            return high * split + low

        return permute

    def _generate_cards(self, quantity, face_value=0.0, expiration_date=None):
        """Generate ``quantity`` inactive cards of the series, set-based.

        Cards are inserted in chunks with one statement each (no chatter, no mail,
        no ledger row: nothing was paid yet). ``face_value`` is the amount loaded
        when the card is sold. Returns the ids of the new cards.
        """
        self.ensure_one()
        if not isinstance(face_value, int | float) or not math.isfinite(face_value):
            raise UserError(self.env._("The initial amount must be a number."))
        if expiration_date and fields.Date.to_date(
            expiration_date
        ) < fields.Date.context_today(self):
            raise UserError(self.env._("The expiry date of new cards is past."))
        if float_compare(face_value or 0.0, 0.0, precision_digits=6) < 0:
            raise UserError(self.env._("The initial amount cannot be negative."))
        if face_value:
            self._check_load_amount(face_value, 0.0)
        numbers = self._reserve_numbers(quantity)
        Card = self.env["loyalty.card"]
        Card.flush_model()
        now = self.env.cr.now()
        ids = []
        for start in range(0, len(numbers), GENERATE_CHUNK):
            chunk = numbers[start : start + GENERATE_CHUNK]
            rows = self.env.execute_query(
                SQL(
                    """
                    INSERT INTO loyalty_card (
                        program_id, company_id, code, points, active,
                        expiration_date, retail_series_id, retail_state,
                        retail_face_value, create_uid, create_date, write_uid,
                        write_date)
                    SELECT %(program)s, %(company)s, number, 0, TRUE,
                           %(expiration)s, %(series)s, 'inactive', %(face)s,
                           %(uid)s, %(now)s, %(uid)s, %(now)s
                      FROM unnest(%(numbers)s::varchar[]) AS number
                    RETURNING id
                    """,
                    program=self.program_id.id,
                    company=self.company_id.id,
                    expiration=expiration_date or None,
                    series=self.id,
                    face=face_value or 0.0,
                    uid=self.env.uid,
                    now=now,
                    numbers=chunk,
                )
            )
            ids.extend(row[0] for row in rows)
        Card.invalidate_model()
        return ids

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

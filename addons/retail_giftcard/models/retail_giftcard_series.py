# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, float_compare

# Rows inserted per statement by the mass generation.
GENERATE_CHUNK = 20000


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

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
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
        return super().write(vals)

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

    def _product_vals(self):
        self.ensure_one()
        liability = self.company_id._retail_giftcard_liability_account()
        return {
            "name": self.env._("Gift card %(series)s", series=self.name),
            "type": "service",
            "list_price": 0.0,
            "sale_ok": True,
            "purchase_ok": False,
            "available_in_pos": True,
            "taxes_id": [fields.Command.clear()],
            "supplier_taxes_id": [fields.Command.clear()],
            "company_id": self.company_id.id,
            "property_account_income_id": liability.id,
            "retail_giftcard_product": True,
        }

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
        card numbers (prefix, zero-padded sequence, Luhn digit)."""
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
        last = first + quantity - 1
        if last > self._number_capacity():
            raise UserError(
                self.env._(
                    "Series %(series)s has %(left)s numbers left; %(quantity)s cards "
                    "cannot be generated.",
                    series=self.name,
                    left=max(self._number_capacity() - first + 1, 0),
                    quantity=quantity,
                )
            )
        self.env.execute_query(
            SQL(
                "UPDATE retail_giftcard_series SET next_number = %s WHERE id = %s",
                last + 1,
                self.id,
            )
        )
        self.invalidate_recordset(["next_number"])
        width = self.number_length - len(self.prefix) - 1
        numbers = []
        for sequence in range(first, last + 1):
            body = f"{self.prefix}{sequence:0{width}d}"
            numbers.append(body + luhn_digit(body))
        return numbers

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
                    amount=amount,
                )
            )
        if self.min_load and currency.compare_amounts(amount, self.min_load) < 0:
            raise UserError(
                self.env._(
                    "%(amount)s is below the minimum load of %(min)s for %(series)s "
                    "gift cards.",
                    amount=amount,
                    min=self.min_load,
                    series=self.name,
                )
            )
        if self.max_load and currency.compare_amounts(amount, self.max_load) > 0:
            raise UserError(
                self.env._(
                    "%(amount)s is above the maximum load of %(max)s for %(series)s "
                    "gift cards.",
                    amount=amount,
                    max=self.max_load,
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
                    amount=amount,
                    total=balance + amount,
                    max=self.max_balance,
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

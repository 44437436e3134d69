# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..models.retail_giftcard_series import luhn_digit, luhn_valid
from .common import RetailGiftcardCommon


@tagged("post_install", "-at_install")
class TestGiftcardSeries(RetailGiftcardCommon):
    def test_luhn(self):
        # classic Luhn example numbers
        self.assertEqual(luhn_digit("7992739871"), "3")
        self.assertTrue(luhn_valid("79927398713"))
        self.assertFalse(luhn_valid("79927398710"))
        self.assertFalse(luhn_valid("7992739871a"))
        self.assertFalse(luhn_valid(""))

    def test_series_creates_native_program_and_product(self):
        program, product = self.series.program_id, self.series.product_id
        self.assertEqual(program.program_type, "gift_card")
        self.assertFalse(program.pos_ok or program.sale_ok, "spent as payment only")
        self.assertEqual(product.type, "service")
        self.assertFalse(product.taxes_id, "a gift card is sold without VAT")
        self.assertEqual(
            product.property_account_income_id,
            self.env.company.retail_giftcard_liability_account_id,
        )
        self.assertEqual(
            product.property_account_income_id.account_type, "liability_current"
        )

    def test_generation_numbers_cards(self):
        cards = self._new_cards(3, face_value=25)
        codes = cards.mapped("code")
        self.assertEqual(len(set(codes)), 3)
        self.assertTrue(
            all(code.startswith("7701") and len(code) == 12 for code in codes),
            "prefix, digits drawn by the series' permutation, Luhn digit",
        )
        self.assertNotEqual(codes, ["770100000015", "770100000023", "770100000031"])
        self.assertTrue(all(luhn_valid(code) for code in codes))
        self.assertEqual(set(cards.mapped("retail_state")), {"inactive"})
        self.assertEqual(cards.program_id, self.series.program_id)
        self.assertEqual(cards.mapped("points"), [0, 0, 0])
        self.assertEqual(cards.mapped("retail_face_value"), [25, 25, 25])
        self.assertFalse(self._ledger(cards), "nothing paid, nothing in the ledger")
        self.assertEqual(self.series.next_number, 4)
        self.assertEqual(self.series.card_count, 3)

    def test_numbers_never_reused(self):
        first = self._new_cards(2)
        codes = set(first.mapped("code"))
        first.unlink()  # unsold cards may be destroyed
        again = self._new_cards(2)
        self.assertFalse(codes & set(again.mapped("code")))
        self.assertEqual(self.series.next_number, 5)

    def test_generation_bad_inputs(self):
        for quantity in (0, -5, 2.5, "10"):
            with self.assertRaisesRegex(UserError, "how many"):
                self.series._generate_cards(quantity)
        with self.assertRaisesRegex(UserError, "negative"):
            self.series._generate_cards(2, face_value=-10)
        with self.assertRaisesRegex(UserError, "above the maximum load"):
            self.series._generate_cards(2, face_value=1000)
        small = self.Series.create({"name": "Tiny", "prefix": "55", "number_length": 8})
        # 8 digits: prefix 55, 5 sequence digits, 1 check digit
        with self.assertRaisesRegex(UserError, "99999 numbers left"):
            small._generate_cards(100000)
        self.assertEqual(small.next_number, 1, "nothing reserved on refusal")

    def test_generation_non_finite_amount_or_past_expiry(self):
        for face_value in (math.nan, math.inf, -math.inf, "10"):
            with self.assertRaisesRegex(UserError, "must be a number"):
                self.series._generate_cards(2, face_value=face_value)
        with self.assertRaisesRegex(UserError, "expiry date of new cards is past"):
            self.series._generate_cards(2, expiration_date=date(2000, 1, 1))
        self.assertEqual(self.series.next_number, 1, "nothing reserved on refusal")

    def test_prefix_rules(self):
        with self.assertRaisesRegex(ValidationError, "overlaps"):
            self.Series.create({"name": "Clash", "prefix": "770", "number_length": 12})
        with self.assertRaisesRegex(ValidationError, "overlaps"):
            self.Series.create(
                {"name": "Clash", "prefix": "77012", "number_length": 12}
            )
        with self.assertRaisesRegex(ValidationError, "digits only"):
            self.Series.create({"name": "Bad", "prefix": "AB1", "number_length": 12})
        with self.assertRaisesRegex(ValidationError, "digits only"):
            # Arabic-Indic digits pass str.isdigit(), not the Luhn digit
            self.Series.create({"name": "Bad", "prefix": "٧٧٠٧", "number_length": 12})
        with self.assertRaisesRegex(ValidationError, "too few digits"):
            self.Series.create(
                {"name": "Long", "prefix": "123456789", "number_length": 12}
            )
        with mute_logger("odoo.sql_db"), self.assertRaises(Exception):  # noqa: B017
            with self.env.cr.savepoint():
                self.Series.create({"name": "Short", "prefix": "9", "number_length": 4})
        self._new_cards()
        with self.assertRaisesRegex(UserError, "cannot change"):
            self.series.prefix = "7702"

    def test_limits_are_consistent(self):
        with self.assertRaisesRegex(ValidationError, "minimum load exceeds"):
            self.series.min_load = 400
        with self.assertRaisesRegex(ValidationError, "maximum load exceeds"):
            self.series.max_load = 600

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import math
import secrets

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, float_compare

from .retail_giftcard_series import luhn_digit

# Rows inserted per statement by the mass generation.
GENERATE_CHUNK = 20000
# Rounds of the Feistel network that turns sequence numbers into card numbers
# (an even number: each pair of rounds gives the halves their widths back).
NUMBER_ROUNDS = 4


class RetailGiftcardSeries(models.Model):
    """Numbering of a series: reserving card numbers under a lock, the keyed
    permutation that makes them look random, and generating the cards."""

    _inherit = "retail.giftcard.series"

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
        numbers, sequence = self._free_numbers(first, quantity, capacity)
        self.env.execute_query(
            SQL(
                "UPDATE retail_giftcard_series SET next_number = %s WHERE id = %s",
                sequence,
                self.id,
            )
        )
        self.invalidate_recordset(["next_number"])
        return numbers

    def _free_numbers(self, first, quantity, capacity):
        """``quantity`` card numbers from sequence number ``first`` on, those
        already taken by a card skipped.

        :return: (the numbers, the next sequence number)
        """
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
        return numbers, sequence

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

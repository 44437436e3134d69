# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import re

from odoo.tests import tagged

from .common import RetailCardCommon

_logger = logging.getLogger(__name__)

CODE_FORMAT = re.compile(r"044(-[0-9a-f]{4}){4}")
HEX_DIGITS = "0123456789abcdef"


@tagged("post_install", "-at_install", "retail_security")
class TestCardCode(RetailCardCommon):
    def test_codes_without_duplicate(self):
        """100,000 codes, no duplicate, every random position drawn over all 16
        digits (the time of a million: tests/benchmarks/bench_giftcard.py)."""
        generate = self.env["loyalty.card"]._generate_code
        codes = {generate() for _ in range(100_000)}
        self.assertEqual(len(codes), 100_000, "no duplicate among 100,000 codes")
        self.assertEqual(set(map(len, codes)), {23})
        # column by column (C-speed slices of all codes end to end): the prefix,
        # the dashes, and every random position takes all 16 hexadecimal digits
        joined = "".join(codes)
        for position in range(23):
            column = set(joined[position::23])
            if position < 3:
                self.assertEqual(column, {"044"[position]})
            elif position % 5 == 3:
                self.assertEqual(column, {"-"})
            else:
                self.assertEqual(column, set(HEX_DIGITS), position)

    def test_cards_get_long_codes(self):
        cards = self.env["loyalty.card"].create(
            [{"program_id": self.gift_program.id} for _ in range(3)]
        )
        for code in cards.mapped("code"):
            self.assertTrue(CODE_FORMAT.fullmatch(code), code)
            self.assertTrue(code.startswith("044"), "native barcode prefix kept")
        # the native generation wizard keeps working
        self.env["loyalty.generate.wizard"].with_context(
            active_id=self.gift_program.id
        ).create({"coupon_qty": 5, "points_granted": 10}).generate_coupons()
        generated = self.gift_program.coupon_ids - self.gift_card - cards
        self.assertEqual(len(generated), 5)
        self.assertTrue(all(CODE_FORMAT.fullmatch(c) for c in generated.mapped("code")))

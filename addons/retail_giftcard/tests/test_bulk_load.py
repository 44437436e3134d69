# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io

import openpyxl

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain
from odoo.tests import new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon

from ..models.retail_giftcard_series import luhn_digit


@tagged("post_install", "-at_install", "retail_money")
class TestGiftcardBulkLoad(AccountTestInvoicingCommon):
    """Loads on a selection of cards or from a file, outstanding balance export."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.group_ids |= cls.env.ref("retail_card.group_card_head_office")
        cls.Card = cls.env["loyalty.card"]
        cls.series = cls.env["retail.giftcard.series"].create(
            {
                "name": "Corporate",
                "prefix": "5501",
                "number_length": 12,
                "max_load": 200,
                "max_balance": 300,
            }
        )
        cls.cards = cls.Card.browse(cls.series._generate_cards(4))
        cls.counterpart = cls.company_data["default_account_expense"]
        cls.liability = cls.env.company.retail_giftcard_liability_account_id
        cls.customer = cls.env["res.partner"].create({"name": "Corporate client"})

    def _wizard(self, **values):
        return self.env["retail.giftcard.load"].create(
            {
                "series_id": self.series.id,
                "counterpart_account_id": self.counterpart.id,
                **values,
            }
        )

    def _csv(self, text):
        return {"source": "file", "file": base64.b64encode(text.encode())}

    def _balance(self, account):
        lines = self.env["account.move.line"].search(
            Domain("account_id", "=", account.id)
            & Domain("parent_state", "=", "posted")
        )
        return sum(lines.mapped("balance"))

    def _outstanding(self):
        today = fields.Date.context_today(self.env.user)
        rows = self.Card._retail_giftcard_outstanding(today, self.env.company)
        return sum(row["amount"] for row in rows)

    def test_load_selection(self):
        wizard = self._wizard(source="cards", card_ids=self.cards[:3].ids, amount=20)
        wizard.action_load()
        self.assertEqual(self.cards.mapped("points"), [20, 20, 20, 0])
        self.assertEqual(self.cards[:3].mapped("retail_state"), ["active"] * 3)
        self.assertIn("3 cards loaded", wizard.report)
        rows = self.cards.history_ids
        move = self.env["account.move"].browse(set(rows.mapped("order_id")))
        self.assertEqual(len(move), 1, "one journal entry for the whole load")
        self.assertEqual(move.state, "posted")
        self.assertAlmostEqual(self._balance(self.liability), -60)
        self.assertAlmostEqual(self._balance(self.counterpart), 60)
        self.assertAlmostEqual(self._outstanding(), -self._balance(self.liability))
        self.assertEqual(self.cards._retail_check_balance_invariant(), {})

    def test_load_customers_cards(self):
        self.cards[3].sudo().partner_id = self.customer
        self._wizard(
            source="customers", partner_ids=self.customer.ids, amount=15
        ).action_load()
        self.assertEqual(self.cards.mapped("points"), [0, 0, 0, 15])

    def test_numbers_typed_with_spaces(self):
        """A file as people type it: the card number in groups of four."""
        card = self.cards[0]
        spaced = " ".join(card.code[i : i + 4] for i in range(0, len(card.code), 4))
        wizard = self._wizard(**self._csv(f"number;amount\n{spaced};25\n"))
        wizard.action_load()
        self.assertEqual(card.points, 25)
        self.assertIn("1 cards loaded", wizard.report)

    def _bad_file(self):
        good, second, blocked, _other = self.cards
        self._wizard(source="cards", card_ids=blocked.ids, amount=10).action_load()
        blocked.action_retail_block("Stolen")
        unknown = "55019999999"
        return (
            "number;amount\n"
            f"{good.code};50\n"
            f"{good.code[:-1]}{(int(good.code[-1]) + 1) % 10};10\n"
            f"{unknown}{luhn_digit(unknown)};10\n"
            f"{second.code};-5\n"
            f"{second.code};250\n"
            f"{second.code};abc\n"
            f"{blocked.code};10\n"
            f"{second.code};40\n"
        )

    def test_bad_file_loads_nothing(self):
        wizard = self._wizard(**self._csv(self._bad_file()))
        with self.assertRaises(UserError) as caught:
            wizard.action_load()
        message = str(caught.exception)
        self.assertIn("Nothing was loaded", message)
        for line, reason in (
            (3, "check digit is wrong"),
            (4, "no gift card of series"),
            (5, "positive amount"),
            (6, "maximum load"),
            (7, "not a number"),
            (8, "Blocked"),
        ):
            self.assertRegex(message, rf"Line {line} .*{reason}")
        self.assertNotIn("Line 2 ", message)
        self.assertNotIn("Line 9 ", message)
        self.assertEqual(self.cards[:2].mapped("points"), [0, 0])

    def test_bad_file_partial_when_asked(self):
        wizard = self._wizard(allow_partial=True, **self._csv(self._bad_file()))
        wizard.action_load()
        self.assertEqual(self.cards[:2].mapped("points"), [50, 40])
        self.assertRegex(wizard.report, r"2 cards loaded, \$\s90\.00 in all")
        self.assertEqual(wizard.report.count("refused"), 6)
        self.assertAlmostEqual(self._outstanding(), -self._balance(self.liability))

    def test_file_limits_add_up(self):
        card = self.cards[0]
        csv = f"{card.code},150\n{card.code},150\n{card.code},10\n"
        with self.assertRaisesRegex(
            UserError, r"Line 3 .*maximum balance of \$\s300\.00"
        ):
            self._wizard(**self._csv(csv)).action_load()
        self.assertEqual(card.points, 0)

    def test_xlsx_file(self):
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append(["number", "amount"])
        sheet.append([int(self.cards[0].code), 30])
        sheet.append([self.cards[1].code, "12.5"])
        buffer = io.BytesIO()
        workbook.save(buffer)
        self._wizard(
            source="file", file=base64.b64encode(buffer.getvalue())
        ).action_load()
        self.assertEqual(self.cards[:2].mapped("points"), [30, 12.5])

    def test_malformed_files(self):
        for content, message in (
            (b"\x00\x01\x02binary", "not a CSV"),
            (b"\xff\xfe\xfa", "neither an XLSX"),
            (b"PK\x03\x04broken zip", "could not be read"),
            (b"number;amount\n", "no lines"),
        ):
            wizard = self._wizard(source="file", file=base64.b64encode(content))
            with self.assertRaisesRegex(UserError, message):
                wizard.action_load()
        with self.assertRaisesRegex(UserError, "Upload"):
            self._wizard(source="file").action_load()
        self.assertFalse(self.cards.history_ids)

    def test_only_head_office(self):
        manager = new_test_user(
            self.env,
            login="gift_bulk_manager",
            groups="retail_card.group_card_store_manager,account.group_account_manager",
        )
        with self.assertRaises(AccessError):
            self._wizard(source="cards", card_ids=self.cards.ids, amount=10).with_user(
                manager
            ).action_load()
        self.assertEqual(self.cards.mapped("points"), [0, 0, 0, 0])

    def test_outstanding_export(self):
        self._wizard(
            source="cards", card_ids=self.cards[:2].ids, amount=25
        ).action_load()
        wizard = self.env["retail.giftcard.outstanding"].create({})
        wizard.action_export()
        sheet = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.file))).active
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[1][:2], (self.env.company.name, "Back office"))
        self.assertEqual(rows[-1][0], "Total")
        self.assertAlmostEqual(rows[-1][2], 50)
        self.assertAlmostEqual(rows[-1][2], -self._balance(self.liability))

    def test_outstanding_at_the_last_date(self):
        """The end of 9999-12-31 is a valid date: no overflow, all loads in."""
        self._wizard(
            source="cards", card_ids=self.cards[:1].ids, amount=25
        ).action_load()
        rows = self.env["loyalty.card"]._retail_giftcard_outstanding("9999-12-31")
        self.assertAlmostEqual(sum(row["amount"] for row in rows), 25)
        wizard = self.env["retail.giftcard.outstanding"].create({"date": "9999-12-31"})
        wizard.action_export()
        self.assertTrue(wizard.file)

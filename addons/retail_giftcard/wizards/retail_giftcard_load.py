# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import binascii
import csv
import io
import zipfile

import openpyxl

from odoo import fields, models
from odoo.exceptions import AccessError, UserError

# Lines of a load file read at most (a larger file is split by head office).
MAX_LINES = 100_000


class RetailGiftcardLoad(models.TransientModel):
    """Load money on many gift cards at once: a selection of cards, the cards of
    some customers, or a CSV/XLSX file of (number, amount). Every line is checked;
    with refused lines nothing is loaded unless partial loading is asked. One
    journal entry (Dr counterpart, Cr gift card liability) covers the loads."""

    _name = "retail.giftcard.load"
    _description = "Load Gift Cards"

    series_id = fields.Many2one(
        comodel_name="retail.giftcard.series", required=True, ondelete="cascade"
    )
    currency_id = fields.Many2one(related="series_id.currency_id")
    source = fields.Selection(
        selection=[
            ("cards", "Selected cards"),
            ("customers", "Cards of customers"),
            ("file", "CSV or XLSX file"),
        ],
        required=True,
        default="cards",
    )
    card_ids = fields.Many2many(
        comodel_name="loyalty.card",
        string="Cards",
        domain="[('retail_series_id', '=', series_id)]",
    )
    partner_ids = fields.Many2many(comodel_name="res.partner", string="Customers")
    amount = fields.Monetary(currency_field="currency_id")
    file = fields.Binary(attachment=False)
    filename = fields.Char()
    counterpart_account_id = fields.Many2one(
        comodel_name="account.account",
        string="Paid From",
        required=True,
        help="Account debited by the total loaded (e.g. the customer's receivable "
        "for a corporate order, or a marketing expense).",
    )
    allow_partial = fields.Boolean(
        string="Load Valid Lines",
        help="Load the valid lines even when others are refused (by default, a "
        "refused line stops the whole load).",
    )
    report = fields.Text(readonly=True)

    def action_load(self):
        self.ensure_one()
        if not self.env.user.has_group("retail_card.group_card_head_office"):
            raise AccessError(self.env._("Only head office may load cards in bulk."))
        self.series_id._check_company_user()
        lines = self._lines()
        loaded, refused = (
            self.env["loyalty.card"]
            # sudo: head office of the series' company, checked above
            .sudo()
            ._retail_giftcard_bulk_load(
                self.series_id,
                lines,
                self.counterpart_account_id,
                allow_partial=self.allow_partial,
            )
        )
        self.report = self._report(loaded, refused)
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def _report(self, loaded, refused):
        text = [
            self.env._(
                "%(count)s cards loaded, %(total)s in all.",
                count=len(loaded),
                total=self.series_id._format_money(
                    sum(amount for _line, _card, amount in loaded)
                ),
            )
        ]
        text += [
            self.env._("Line %(line)s refused: %(reason)s", line=line, reason=reason)
            for line, _number, reason in refused
        ]
        return "\n".join(text)

    def _lines(self):
        """[(line, number, amount)] of the chosen source."""
        Card = self.env["loyalty.card"]
        if self.source in ("cards", "customers"):
            cards = self.card_ids
            if self.source == "customers":
                cards = Card.search(
                    [
                        ("retail_series_id", "=", self.series_id.id),
                        ("partner_id", "in", self.partner_ids.ids),
                    ]
                )
            if not cards:
                raise UserError(self.env._("Choose the cards to load."))
            return [
                (index, card.code, self.amount)
                for index, card in enumerate(cards, start=1)
            ]
        return self._read_file()

    def _read_file(self):
        if not self.file:
            raise UserError(self.env._("Upload the file of numbers and amounts."))
        try:
            content = base64.b64decode(self.file, validate=True)
        except (binascii.Error, ValueError) as error:
            raise UserError(self.env._("The file could not be read.")) from error
        if content[:4] == b"PK\x03\x04":
            rows = self._read_xlsx(content)
        else:
            rows = self._read_csv(content)
        lines = []
        for index, row in enumerate(rows, start=1):
            cells = [cell for cell in row if cell not in (None, "")]
            if not cells:
                continue
            if index == 1 and not self._is_number(row[1] if len(row) > 1 else None):
                continue  # header
            if len(lines) >= MAX_LINES:
                raise UserError(
                    self.env._("At most %(max)s lines per file.", max=MAX_LINES)
                )
            number = row[0] if row else None
            if isinstance(number, float) and number.is_integer():
                number = int(number)
            number = "" if number is None else str(number).strip()
            lines.append((index, number, row[1] if len(row) > 1 else None))
        if not lines:
            raise UserError(
                self.env._(
                    "The file has no lines: expected two columns, number and amount."
                )
            )
        return lines

    def _read_csv(self, content):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise UserError(
                self.env._("The file is neither an XLSX workbook nor a UTF-8 CSV file.")
            ) from error
        if "\x00" in text:
            raise UserError(self.env._("The file is not a CSV file."))
        delimiter = ";" if text.count(";") > text.count(",") else ","
        return list(csv.reader(io.StringIO(text), delimiter=delimiter))

    def _read_xlsx(self, content):
        try:
            workbook = openpyxl.load_workbook(
                io.BytesIO(content), read_only=True, data_only=True
            )
            return [
                list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)
            ]
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
            raise UserError(
                self.env._("The XLSX workbook could not be read.")
            ) from error

    @staticmethod
    def _is_number(value):
        if isinstance(value, int | float) and not isinstance(value, bool):
            return True
        try:
            float(str(value).replace(",", "."))
        except ValueError:
            return False
        return True

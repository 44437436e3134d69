# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The XLSX exports of the retail modules: one workbook helper (formats,
sheets with their header row, money in a currency) and one wizard mixin (the
file and its download)."""

import base64
import io

import xlsxwriter

from odoo import fields, models


def money_format(currency=None):
    """Spreadsheet number format of amounts of ``currency`` (its decimals, its
    symbol on the side the currency puts it); plain two decimals without one."""
    if not currency:
        return "#,##0.00"
    digits = "0" * currency.decimal_places
    number = f"#,##0.{digits}" if digits else "#,##0"
    symbol = '"{}"'.format(currency.symbol.replace('"', ""))
    if currency.position == "before":
        return f"{symbol} {number}"
    return f"{number} {symbol}"


class RetailWorkbook:
    """An XLSX workbook in memory with the formats the exports share (created
    once each)."""

    def __init__(self):
        self._buffer = io.BytesIO()
        self.workbook = xlsxwriter.Workbook(self._buffer, {"in_memory": True})
        self._formats = {}

    def format(self, **properties):
        """The cell format of ``properties`` (xlsxwriter's names)."""
        key = tuple(sorted(properties.items()))
        if key not in self._formats:
            self._formats[key] = self.workbook.add_format(properties)
        return self._formats[key]

    @property
    def bold(self):
        return self.format(bold=True)

    def money(self, currency=None, **properties):
        """Amounts of ``currency`` (two decimals without one)."""
        return self.format(num_format=money_format(currency), **properties)

    def sheet(self, name, headers=(), widths=(), freeze=(1, 0)):
        """A new sheet: ``headers`` in bold on its first row, ``widths`` as
        (first column, last column, width), the panes frozen at ``freeze``."""
        sheet = self.workbook.add_worksheet(name)
        if headers:
            sheet.write_row(0, 0, headers, self.bold)
        for first, last, width in widths:
            sheet.set_column(first, last, width)
        if freeze:
            sheet.freeze_panes(*freeze)
        return sheet

    def close(self):
        """The file's bytes."""
        self.workbook.close()
        return self._buffer.getvalue()


class RetailXlsxExportMixin(models.AbstractModel):
    """An export wizard whose file the user downloads."""

    _name = "retail.xlsx.export.mixin"
    _description = "Retail XLSX Export"

    file = fields.Binary(readonly=True, attachment=False)
    file_name = fields.Char(readonly=True)

    def _retail_xlsx_download(self, content, file_name):
        """Keep ``content`` (bytes) as the wizard's file named ``file_name``
        and download it."""
        self.ensure_one()
        self.write({"file": base64.b64encode(content), "file_name": file_name})
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self._name}/{self.id}/file/{file_name}"
            "?download=true",
            "target": "self",
        }

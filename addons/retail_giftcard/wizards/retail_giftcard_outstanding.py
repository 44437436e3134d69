# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io

import xlsxwriter

from odoo import fields, models


class RetailGiftcardOutstanding(models.TransientModel):
    """Outstanding gift card money (the liability) at a date, by company and by
    the store where it moved, exported to XLSX."""

    _name = "retail.giftcard.outstanding"
    _description = "Outstanding Gift Card Balances"

    date = fields.Date(required=True, default=fields.Date.context_today)
    company_ids = fields.Many2many(
        comodel_name="res.company",
        string="Companies",
        default=lambda self: self.env.companies,
        required=True,
    )
    file = fields.Binary(readonly=True, attachment=False)
    filename = fields.Char(readonly=True)

    def action_export(self):
        self.ensure_one()
        companies = self.company_ids & self.env.companies
        rows = self.env["loyalty.card"]._retail_giftcard_outstanding(
            self.date, companies
        )
        self.write(
            {
                "file": base64.b64encode(self._xlsx(rows)),
                "filename": f"gift-card-outstanding-{self.date}.xlsx",
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def _xlsx(self, rows):
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet(self.env._("Outstanding"))
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        headers = [
            self.env._("Company"),
            self.env._("Store"),
            self.env._("Outstanding at %(date)s", date=self.date),
        ]
        sheet.write_row(0, 0, headers, bold)
        companies = self.env["res.company"].browse({row["company_id"] for row in rows})
        stores = (
            self.env["pos.config"]
            .sudo()
            .browse({row["store_id"] for row in rows if row["store_id"]})
        )
        company_names = {company.id: company.name for company in companies}
        store_names = {store.id: store.name for store in stores}
        back_office = self.env._("Back office")
        for index, row in enumerate(rows, start=1):
            sheet.write(index, 0, company_names[row["company_id"]])
            sheet.write(index, 1, store_names.get(row["store_id"], back_office))
            sheet.write_number(index, 2, row["amount"], money)
        total_row = len(rows) + 1
        sheet.write(total_row, 0, self.env._("Total"), bold)
        sheet.write_number(total_row, 2, sum(row["amount"] for row in rows), money)
        sheet.set_column(0, 1, 28)
        sheet.set_column(2, 2, 22)
        workbook.close()
        return output.getvalue()

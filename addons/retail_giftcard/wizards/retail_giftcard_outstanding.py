# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import fields, models

from odoo.addons.retail_customer.wizards.retail_xlsx_export_mixin import RetailWorkbook


class RetailGiftcardOutstanding(models.TransientModel):
    """Outstanding gift card money (the liability) at a date, by company and by
    the store where it moved, exported to XLSX."""

    _name = "retail.giftcard.outstanding"
    _inherit = "retail.xlsx.export.mixin"
    _description = "Outstanding Gift Card Balances"

    date = fields.Date(required=True, default=fields.Date.context_today)
    company_ids = fields.Many2many(
        comodel_name="res.company",
        string="Companies",
        default=lambda self: self.env.companies,
        required=True,
    )

    def action_export(self):
        self.ensure_one()
        companies = self.company_ids & self.env.companies
        rows = self.env["loyalty.card"]._retail_giftcard_outstanding(
            self.date, companies
        )
        self.write(
            {
                "file": base64.b64encode(self._xlsx(rows)),
                "file_name": f"gift-card-outstanding-{self.date}.xlsx",
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
        """One row per company and store, amounts in the company's currency;
        one total per currency (amounts of different currencies are not added)."""
        book = RetailWorkbook()
        sheet = book.sheet(
            self.env._("Outstanding"),
            [
                self.env._("Company"),
                self.env._("Store"),
                self.env._("Outstanding at %(date)s", date=self.date),
                self.env._("Currency"),
            ],
            widths=[(0, 1, 28), (2, 2, 22)],
            freeze=None,
        )
        companies = self.env["res.company"].browse({row["company_id"] for row in rows})
        stores = (
            self.env["pos.config"]
            .sudo()
            .browse({row["store_id"] for row in rows if row["store_id"]})
        )
        company_names = {company.id: company.name for company in companies}
        currencies = {company.id: company.currency_id for company in companies}
        store_names = {store.id: store.name for store in stores}
        back_office = self.env._("Back office")
        totals = {}
        for index, row in enumerate(rows, start=1):
            currency = currencies[row["company_id"]]
            sheet.write(index, 0, company_names[row["company_id"]])
            sheet.write(index, 1, store_names.get(row["store_id"], back_office))
            sheet.write_number(index, 2, row["amount"], book.money(currency))
            sheet.write(index, 3, currency.name)
            totals[currency] = totals.get(currency, 0.0) + row["amount"]
        for index, (currency, total) in enumerate(
            sorted(totals.items(), key=lambda item: item[0].name), start=len(rows) + 1
        ):
            sheet.write(index, 0, self.env._("Total"), book.bold)
            sheet.write_number(index, 2, total, book.money(currency, bold=True))
            sheet.write(index, 3, currency.name, book.bold)
        return book.close()

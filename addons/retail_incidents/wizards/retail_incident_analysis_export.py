# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from odoo.addons.retail_customer.wizards.retail_xlsx_export_mixin import RetailWorkbook

from ..report.retail_incident_report import GROUPBY_FIELDS


class RetailIncidentAnalysisExport(models.TransientModel):
    _name = "retail.incident.analysis.export"
    _inherit = "retail.xlsx.export.mixin"
    _description = "Export the Incident Analysis"

    date_from = fields.Date()
    date_to = fields.Date()

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if (
                wizard.date_from
                and wizard.date_to
                and wizard.date_to < wizard.date_from
            ):
                raise UserError(
                    self.env._("The end of the period is before its start.")
                )

    def _get_domain(self):
        self.ensure_one()
        domain = Domain.TRUE
        if self.date_from:
            domain &= Domain("date", ">=", fields.Datetime.to_datetime(self.date_from))
        if self.date_to:
            # the end of the day (date + 1 day overflows on 9999-12-31)
            end = datetime.combine(self.date_to, time.max)
            domain &= Domain("date", "<=", end)
        return domain

    def _get_sheets(self):
        """{groupby: rows} of the analysis over the wizard's period."""
        Report = self.env["retail.incident.report"]
        domain = self._get_domain()
        if not Report.search_count(domain, limit=1):
            raise UserError(self.env._("No incident in this period."))
        return {
            groupby: Report._retail_resolution_stats(groupby, domain)
            for groupby in GROUPBY_FIELDS
        }

    def _key_label(self, groupby, key):
        field = self.env["retail.incident.report"]._fields[groupby]
        if field.type == "many2one":
            return key.display_name or self.env._("None")
        if field.type == "selection":
            return dict(field._description_selection(self.env)).get(key, key or "")
        if groupby == "month":
            return key.strftime("%Y-%m") if key else ""
        return str(key)

    def _build_xlsx(self, sheets):
        book = RetailWorkbook()
        hours = book.format(num_format="0.0")
        fields_info = self.env["retail.incident.report"].fields_get(list(sheets))
        headers = [
            self.env._("Incidents"),
            self.env._("Open"),
            self.env._("Resolved"),
            self.env._("Average hours to resolution"),
            self.env._("90th percentile hours"),
        ]
        for groupby, rows in sheets.items():
            title = fields_info[groupby]["string"]
            sheet = book.sheet(
                title[:31], [title, *headers], widths=[(0, 0, 28), (1, 5, 16)]
            )
            for index, row in enumerate(rows, start=1):
                sheet.write(index, 0, self._key_label(groupby, row["key"]))
                sheet.write_row(index, 1, [row["count"], row["open"], row["resolved"]])
                for col, name in ((4, "avg_hours"), (5, "p90_hours")):
                    if row[name] is not None:
                        sheet.write_number(index, col, row[name], hours)
        return book.close()

    def action_export(self):
        self.ensure_one()
        return self._retail_xlsx_download(
            self._build_xlsx(self._get_sheets()),
            self.env._("incident_analysis.xlsx"),
        )

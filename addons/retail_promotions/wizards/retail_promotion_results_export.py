# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, time, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.retail_customer.wizards.retail_xlsx_export_mixin import RetailWorkbook

FIGURES = ("orders", "units", "discount", "revenue", "basket")


class RetailPromotionResultsExport(models.TransientModel):
    """Results of promotions per store over a period, beside the same stores in a
    comparison period, and promotions side by side, as an XLSX file."""

    _name = "retail.promotion.results.export"
    _inherit = "retail.xlsx.export.mixin"
    _description = "Export Promotion Results"

    program_ids = fields.Many2many(
        "loyalty.program",
        string="Promotions",
        domain=[("retail_promotion_type", "!=", False)],
        required=True,
    )
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    compare_from = fields.Date(
        help="Start of the comparison period; empty: the period of the same length "
        "just before.",
    )
    compare_to = fields.Date()

    @api.constrains("date_from", "date_to", "compare_from", "compare_to")
    def _check_periods(self):
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise UserError(
                    self.env._("The end of the period is before its start.")
                )
            if bool(wizard.compare_from) != bool(wizard.compare_to) or (
                wizard.compare_from and wizard.compare_to < wizard.compare_from
            ):
                raise UserError(
                    self.env._(
                        "Give both dates of the comparison period, the start first."
                    )
                )

    def _periods(self):
        """((start, end), (start, end)) as datetimes, ends excluded."""
        self.ensure_one()

        def bounds(start, end):
            # the end of the day (date + 1 day overflows on 9999-12-31)
            return datetime.combine(start, time.min), datetime.combine(end, time.max)

        period = bounds(self.date_from, self.date_to)
        if self.compare_from:
            return period, bounds(self.compare_from, self.compare_to)
        length = self.date_to - self.date_from + timedelta(days=1)
        if self.date_from - date.min < length:
            raise UserError(
                self.env._(
                    "The period of the same length before %(start)s would start "
                    "before the year 1: give the comparison period.",
                    start=self.date_from,
                )
            )
        return period, bounds(
            self.date_from - length, self.date_from - timedelta(days=1)
        )

    @staticmethod
    def _with_basket(figures):
        figures = dict(figures)
        figures["basket"] = (
            figures["revenue"] / figures["orders"] if figures["orders"] else 0.0
        )
        return figures

    def _retail_results(self):
        """Rows per (promotion, channel, store or team) that sold the promotion's
        group in either period: {program, channel, store, period, comparison}."""
        self.ensure_one()
        Report = self.env["retail.promotion.report"]
        period, comparison = self._periods()
        current = Report._retail_group_figures(self.program_ids, *period)
        before = Report._retail_group_figures(self.program_ids, *comparison)
        empty = {"orders": 0, "units": 0.0, "revenue": 0.0, "discount": 0.0}
        rows = []
        for key in sorted(
            set(current) | set(before), key=lambda k: (k[0].id, k[1], k[2] or 0)
        ):
            program, channel, store_id = key
            model = "pos.config" if channel == "pos" else "crm.team"
            rows.append(
                {
                    "program": program,
                    "channel": channel,
                    "store": self.env[model].browse(store_id),
                    "period": self._with_basket(current.get(key, empty)),
                    "comparison": self._with_basket(before.get(key, empty)),
                }
            )
        if not rows:
            raise UserError(
                self.env._(
                    "No order bought these promotions' products in either period."
                )
            )
        return rows

    def _side_by_side(self, rows):
        """{program: figures of the period, summed over its stores}."""
        totals = {}
        for row in rows:
            total = totals.setdefault(
                row["program"],
                {"orders": 0, "units": 0.0, "revenue": 0.0, "discount": 0.0},
            )
            for name in total:
                total[name] += row["period"][name]
        return {program: self._with_basket(total) for program, total in totals.items()}

    def _build_xlsx(self, rows):
        book = RetailWorkbook()
        labels = {
            "orders": self.env._("Orders"),
            "units": self.env._("Units"),
            "discount": self.env._("Discount"),
            "revenue": self.env._("Revenue"),
            "basket": self.env._("Average Basket"),
        }
        self._xlsx_results_sheet(book, rows, labels)
        self._xlsx_side_by_side_sheet(book, rows, labels)
        return book.close()

    def _xlsx_results_sheet(self, book, rows, labels):
        """One row per promotion, channel and store: the period's figures, the
        comparison period's and the change of units."""
        money = book.money()
        channels = dict(
            self.env["retail.promotion.report"]
            ._fields["channel"]
            ._description_selection(self.env)
        )
        header = [self.env._("Promotion"), self.env._("Channel"), self.env._("Store")]
        header += [labels[name] for name in FIGURES]
        header += [
            self.env._("%(figure)s (comparison)", figure=labels[name])
            for name in FIGURES
            if name != "discount"
        ]
        header.append(self.env._("Units change (%)"))
        sheet = book.sheet(
            self.env._("Results"),
            header,
            widths=[(0, 2, 24), (3, len(header), 14)],
            freeze=(1, 3),
        )
        for index, row in enumerate(rows, start=1):
            sheet.write_row(
                index,
                0,
                [
                    row["program"].name,
                    channels[row["channel"]],
                    row["store"].display_name or self.env._("None"),
                ],
            )
            values = [row["period"][name] for name in FIGURES]
            values += [
                row["comparison"][name] for name in FIGURES if name != "discount"
            ]
            for col, value in enumerate(values, start=3):
                sheet.write_number(index, col, value, money)
            before = row["comparison"]["units"]
            if before:
                change = (row["period"]["units"] - before) / before * 100
                sheet.write_number(index, len(values) + 3, change, money)

    def _xlsx_side_by_side_sheet(self, book, rows, labels):
        """The promotions in columns, their period's figures summed over stores."""
        money = book.money()
        totals = self._side_by_side(rows)
        side = book.sheet(
            self.env._("Side by side"),
            ["", *[program.name for program in totals]],
            widths=[(0, len(totals), 24)],
            freeze=None,
        )
        for index, name in enumerate(FIGURES, start=1):
            side.write(index, 0, labels[name], book.bold)
            for col, figures in enumerate(totals.values(), start=1):
                side.write_number(index, col, figures[name], money)

    def action_export(self):
        self.ensure_one()
        return self._retail_xlsx_download(
            self._build_xlsx(self._retail_results()),
            self.env._("promotion_results.xlsx"),
        )

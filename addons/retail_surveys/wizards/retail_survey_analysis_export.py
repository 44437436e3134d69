# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from odoo.addons.retail_customer.wizards.retail_xlsx_export_mixin import RetailWorkbook


class RetailSurveyAnalysisExport(models.TransientModel):
    """Two stores or two periods side by side: per question and answer, the
    answers, their share of the question's respondents, the average basket and
    units; and the response rate per store and cashier. Exported to XLSX."""

    _name = "retail.survey.analysis.export"
    _inherit = "retail.xlsx.export.mixin"
    _description = "Compare and Export Store Questionnaire Answers"

    survey_id = fields.Many2one(
        "survey.survey",
        string="Questionnaire",
        required=True,
        domain=[("retail_is_store", "=", True)],
    )
    compare = fields.Selection(
        [("stores", "Two stores"), ("periods", "Two periods")],
        default="stores",
        required=True,
    )
    config_a_id = fields.Many2one(
        "pos.config",
        string="Store A",
        help="Two periods: the store compared (every store when empty).",
    )
    config_b_id = fields.Many2one("pos.config", string="Store B")
    date_from = fields.Date(string="From")
    date_to = fields.Date(string="To")
    date_from_b = fields.Date(string="From (B)")
    date_to_b = fields.Date(string="To (B)")

    @api.constrains("date_from", "date_to", "date_from_b", "date_to_b")
    def _check_dates(self):
        for wizard in self:
            for start, end in (
                (wizard.date_from, wizard.date_to),
                (wizard.date_from_b, wizard.date_to_b),
            ):
                if start and end and end < start:
                    raise UserError(
                        self.env._("The end of a period is before its start.")
                    )

    @api.model
    def _period_domain(self, start, end):
        domain = Domain.TRUE
        if start:
            domain &= Domain("date", ">=", datetime.combine(start, time.min))
        if end:
            domain &= Domain("date", "<=", datetime.combine(end, time.max))
        return domain

    def _retail_sides(self):
        """[(label, domain)] of the two sides compared."""
        self.ensure_one()
        base = Domain("survey_id", "=", self.survey_id.id)
        if self.compare == "stores":
            if not (self.config_a_id and self.config_b_id):
                raise UserError(self.env._("Choose the two stores to compare."))
            period = self._period_domain(self.date_from, self.date_to)
            return [
                (config.name, base & period & Domain("config_id", "=", config.id))
                for config in (self.config_a_id, self.config_b_id)
            ]
        if not (self.date_from or self.date_to) or not (
            self.date_from_b or self.date_to_b
        ):
            raise UserError(self.env._("Give the two periods to compare."))
        if self.config_a_id:
            base &= Domain("config_id", "=", self.config_a_id.id)
        return [
            (
                f"{start or '…'} – {end or '…'}",
                base & self._period_domain(start, end),
            )
            for start, end in (
                (self.date_from, self.date_to),
                (self.date_from_b, self.date_to_b),
            )
        ]

    def _retail_side_figures(self, domain):
        """{(question, answer key): figures} and {question: respondents}."""
        Report = self.env["retail.survey.answer.report"]
        respondents = dict(
            Report._read_group(
                domain, ["question_id"], ["user_input_id:count_distinct"]
            )
        )
        figures = {}
        for question, answer, rating, count, basket, units in Report._read_group(
            domain,
            ["question_id", "answer_id", "rating"],
            ["__count", "order_amount:avg", "order_units:avg"],
        ):
            key = answer.id if answer else rating
            total = respondents.get(question) or 1
            figures[question.id, key] = {
                "count": count,
                "share": 100.0 * count / total,
                "basket": basket or 0.0,
                "units": units or 0.0,
            }
        return figures

    def _retail_compare(self):
        """Rows of the comparison in the questionnaire's order, every answer
        listed (zero when nobody chose it)."""
        self.ensure_one()
        sides = self._retail_sides()
        side_figures = [self._retail_side_figures(domain) for _label, domain in sides]
        empty = {"count": 0, "share": 0.0, "basket": 0.0, "units": 0.0}
        rows = []
        for question in self.survey_id.question_ids:
            for answer in question._retail_pos_payload()["answers"]:
                rows.append(
                    {
                        "question": question.title,
                        "answer": answer["label"],
                        "sides": [
                            figures.get((question.id, answer["id"]), empty)
                            for figures in side_figures
                        ],
                    }
                )
        return [label for label, _domain in sides], rows

    def _retail_response_rates(self):
        """Asked / answered / skipped per store and cashier, for each side."""
        Response = self.env["retail.survey.response.report"]
        result = []
        for label, domain in self._retail_sides():
            for config, cashier, asked, answered, skipped in Response._read_group(
                domain,
                ["config_id", "cashier_id"],
                ["asked_count:sum", "answered_count:sum", "skipped_count:sum"],
            ):
                result.append(
                    [
                        label,
                        config.name or "",
                        cashier.name or "",
                        asked,
                        answered,
                        skipped,
                        100.0 * answered / asked if asked else 0.0,
                    ]
                )
        return result

    def _build_xlsx(self):
        labels, rows = self._retail_compare()
        book = RetailWorkbook()
        number = book.format(num_format="0.00")
        headers = [self.env._("Question"), self.env._("Answer")]
        for label in labels:
            headers += [
                self.env._("%(side)s: answers", side=label),
                self.env._("%(side)s: %% of respondents", side=label),
                self.env._("%(side)s: average basket", side=label),
                self.env._("%(side)s: average units", side=label),
            ]
        sheet = book.sheet(
            self.env._("Comparison"), headers, widths=[(0, 1, 30)], freeze=(1, 2)
        )
        for index, row in enumerate(rows, start=1):
            sheet.write_row(index, 0, [row["question"], row["answer"]])
            col = 2
            for side in row["sides"]:
                sheet.write_number(index, col, side["count"])
                for offset, name in enumerate(("share", "basket", "units"), start=1):
                    sheet.write_number(index, col + offset, side[name], number)
                col += 4
        rates = book.sheet(
            self.env._("Response rate"),
            [
                self.env._("Side"),
                self.env._("Store"),
                self.env._("Cashier"),
                self.env._("Asked"),
                self.env._("Answered"),
                self.env._("Skipped"),
                self.env._("Response rate (%)"),
            ],
            widths=[(0, 2, 24)],
            freeze=None,
        )
        for index, row in enumerate(self._retail_response_rates(), start=1):
            rates.write_row(index, 0, row[:6])
            rates.write_number(index, 6, row[6], number)
        return book.close()

    def action_export(self):
        self.ensure_one()
        return self._retail_xlsx_download(
            self._build_xlsx(), "questionnaire_comparison.xlsx"
        )

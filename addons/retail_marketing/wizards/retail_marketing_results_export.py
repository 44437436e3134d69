# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.retail_customer.wizards.retail_xlsx_export_mixin import RetailWorkbook

# Columns of the sheet of mailings: (field of the mailing and of the campaign,
# or None for the label columns), money columns named in MONEY_FIELDS.
MAILING_COLUMNS = (
    ("retail_targeted_count", "retail_targeted_count"),
    ("retail_excluded_count", "retail_excluded_count"),
    ("retail_holdout_count", "retail_holdout_count"),
    ("sent", "retail_sent_count"),
    ("delivered", "retail_delivered_count"),
    ("opened", "retail_opened_count"),
    ("clicked", "retail_clicked_count"),
    ("bounced", "retail_bounced_count"),
    ("retail_unsubscribed_count", "retail_unsubscribed_count"),
    ("retail_buyer_count", "retail_buyer_count"),
    ("retail_order_count", "retail_order_count"),
    ("retail_revenue", "retail_revenue"),
    ("retail_average_basket", "retail_average_basket"),
    ("retail_conversion_rate", "retail_conversion_rate"),
    ("retail_holdout_buyer_count", "retail_holdout_buyer_count"),
    ("retail_holdout_conversion_rate", "retail_holdout_conversion_rate"),
    ("retail_lift", "retail_lift"),
)
MONEY_FIELDS = {"retail_revenue", "retail_average_basket"}
# Sheets of the campaign split by a customer dimension: (dimension, model).
DIMENSION_SHEETS = (
    ("store", "pos.config"),
    ("channel", "retail.channel"),
    ("segment", "retail.segment"),
)


class RetailMarketingResultsExport(models.TransientModel):
    """The results of a campaign as an XLSX file: a row per mailing and the
    campaign's totals, then the purchases of the recipients and of the holdout
    group per preferred store, channel and segment of the customers, and the
    log of what was done for the campaign (the Actions sheet)."""

    _name = "retail.marketing.results.export"
    _inherit = "retail.xlsx.export.mixin"
    _description = "Export Campaign Results"

    campaign_id = fields.Many2one("utm.campaign", required=True, ondelete="cascade")

    def action_export(self):
        self.ensure_one()
        self.campaign_id.check_access("read")
        mailings = self.campaign_id.retail_mailing_ids.filtered("sent_date")
        actions = self.campaign_id.retail_action_ids
        if not mailings and not actions:
            raise UserError(
                self.env._(
                    "No mailing of %(campaign)s has been sent yet and nothing has "
                    "been done for it: there are no results to export.",
                    campaign=self.campaign_id.title,
                )
            )
        book = RetailWorkbook()
        if mailings:
            self._write_mailings(book, mailings)
            for dimension, model in DIMENSION_SHEETS:
                self._write_dimension(book, mailings, dimension, model)
        self._write_actions(book, actions)
        return self._retail_xlsx_download(
            book.close(), self.env._("campaign_results.xlsx")
        )

    def _column_label(self, fname):
        return self.env["mailing.mailing"]._fields[fname]._description_string(self.env)

    def _write_mailings(self, book, mailings):
        currency = self.env.company.currency_id
        money = book.money(currency)
        headers = [self.env._("Sent On"), self.env._("Mailing"), self.env._("Type")]
        headers += [self._column_label(fname) for fname, _total in MAILING_COLUMNS]
        sheet = book.sheet(
            self.env._("Mailings"),
            headers,
            widths=[(0, 0, 18), (1, 1, 30), (2, len(headers), 12)],
            freeze=(1, 2),
        )
        types = dict(
            self.env["mailing.mailing"]
            ._fields["mailing_type"]
            ._description_selection(self.env)
        )
        row = 0
        for row, mailing in enumerate(mailings.sorted("sent_date"), start=1):
            sheet.write_row(
                row,
                0,
                [
                    fields.Datetime.to_string(mailing.sent_date),
                    mailing.subject,
                    types.get(mailing.mailing_type, ""),
                ],
            )
            for col, (fname, _total) in enumerate(MAILING_COLUMNS, start=3):
                fmt = money if fname in MONEY_FIELDS else None
                sheet.write_number(row, col, mailing[fname], fmt)
        total_row = row + 1
        sheet.write(total_row, 0, self.env._("Total"), book.bold)
        for col, (fname, total) in enumerate(MAILING_COLUMNS, start=3):
            fmt = book.money(currency, bold=True) if fname in MONEY_FIELDS else None
            sheet.write_number(
                total_row, col, self.campaign_id[total], fmt or book.bold
            )

    def _write_dimension(self, book, mailings, dimension, model):
        rows = self.env["mailing.mailing"]._retail_results_purchases(
            SQL("m.campaign_id"), mailings.ids, dimension
        )
        figures = {}
        for _key, value, holdout, customers, buyers, orders, revenue in rows:
            entry = figures.setdefault(value, {True: (0, 0, 0, 0.0)})
            entry[holdout] = (customers, buyers, orders, revenue)
        label = {
            "store": self.env._("Preferred Store"),
            "channel": self.env._("Channel"),
            "segment": self.env._("Segment"),
        }[dimension]
        headers = [
            label,
            self.env._("Recipients"),
            self.env._("Buyers"),
            self.env._("Orders"),
            self.env._("Revenue"),
            self.env._("Average Basket"),
            self.env._("Conversion (%)"),
            self.env._("Holdout"),
            self.env._("Holdout Buyers"),
            self.env._("Holdout Conversion (%)"),
            self.env._("Lift (points)"),
        ]
        sheet = book.sheet(
            self.env._("By %(dimension)s", dimension=label),
            headers,
            widths=[(0, 0, 30), (1, len(headers), 14)],
        )
        money = book.money(self.env.company.currency_id)
        # sudo: the names of the stores, channels and segments of the customers
        # whose results the user may read (checked in action_export)
        records = self.env[model].sudo().browse([v for v in figures if v])
        names = {record.id: record.display_name for record in records}
        ordered = sorted(figures, key=lambda v: (v is None, names.get(v, "")))
        for row, value in enumerate(ordered, start=1):
            sent = figures[value].get(False, (0, 0, 0, 0.0))
            held = figures[value][True]
            conversion = 100.0 * sent[1] / sent[0] if sent[0] else 0.0
            held_conversion = 100.0 * held[1] / held[0] if held[0] else 0.0
            sheet.write(row, 0, names.get(value) or self.env._("None"))
            values = [
                sent[0],
                sent[1],
                sent[2],
                sent[3],
                sent[3] / sent[2] if sent[2] else 0.0,
                round(conversion, 2),
                held[0],
                held[1],
                round(held_conversion, 2),
                round(conversion - held_conversion, 2) if held[0] else 0.0,
            ]
            for col, number in enumerate(values, start=1):
                sheet.write_number(row, col, number, money if col in (4, 5) else None)

    def _write_actions(self, book, actions):
        """Every action of the campaign (the log the user may read), oldest
        first."""
        Action = self.env["retail.marketing.action"]
        headers = [
            Action._fields[fname]._description_string(self.env)
            for fname in ("date", "kind", "user_id", "criteria", "audience_count")
        ] + [self.env._("Mailing")]
        sheet = book.sheet(
            self.env._("Actions"),
            headers,
            widths=[(0, 0, 18), (1, 2, 22), (3, 3, 60), (4, 4, 12), (5, 5, 30)],
        )
        kinds = dict(Action._fields["kind"]._description_selection(self.env))
        for row, action in enumerate(actions.sorted(lambda a: (a.date, a.id)), 1):
            sheet.write_row(
                row,
                0,
                [
                    fields.Datetime.to_string(action.date),
                    kinds.get(action.kind, action.kind),
                    action.user_id.name or "",
                    action.criteria or "",
                ],
            )
            sheet.write_number(row, 4, action.audience_count)
            sheet.write(row, 5, action.mailing_id.subject or "")

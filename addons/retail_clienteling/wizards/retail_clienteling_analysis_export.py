# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from odoo.addons.retail_customer.wizards.retail_xlsx_export_mixin import RetailWorkbook


class RetailClientelingAnalysisExport(models.TransientModel):
    """The clienteling analyses of a period, to XLSX: receipt messages and
    coupons redeemed per rule and store, best sellers per store and store
    group, impulse products per store, suggestion results per store, cashier
    and product."""

    _name = "retail.clienteling.analysis.export"
    _inherit = "retail.xlsx.export.mixin"
    _description = "Export the Clienteling Analyses"

    date_from = fields.Date(string="From")
    date_to = fields.Date(string="To")
    config_ids = fields.Many2many(
        "pos.config",
        string="Stores",
        help="Every store of your companies when empty.",
    )

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

    def _retail_domain(self):
        self.ensure_one()
        domain = Domain.TRUE
        if self.date_from:
            domain &= Domain("date", ">=", datetime.combine(self.date_from, time.min))
        if self.date_to:
            domain &= Domain("date", "<=", datetime.combine(self.date_to, time.max))
        if self.config_ids:
            domain &= Domain("config_id", "in", self.config_ids.ids)
        return domain

    def _retail_rows(self, model, groupby, aggregates, order):
        rows = self.env[model]._read_group(
            self._retail_domain(), groupby, aggregates, order=order
        )
        return [
            [record.display_name if record else "" for record in row[: len(groupby)]]
            + list(row[len(groupby) :])
            for row in rows
        ]

    def _retail_sheets(self):
        """[(sheet name, headers, rows)] of the export."""
        return [
            self._retail_message_sheet(),
            self._retail_best_seller_sheet(),
            self._retail_impulse_sheet(),
            self._retail_suggestion_sheet(),
        ]

    def _retail_message_sheet(self):
        return (
            self.env._("Receipt messages"),
            [
                self.env._("Rule"),
                self.env._("Store"),
                self.env._("Printed"),
                self.env._("Coupons"),
                self.env._("Redeemed"),
                self.env._("Invitations"),
            ],
            self._retail_rows(
                "retail.receipt.message.report",
                ["rule_id", "config_id"],
                [
                    "printed_count:sum",
                    "coupon_count:sum",
                    "redeemed_count:sum",
                    "invitation_count:sum",
                ],
                "printed_count:sum desc",
            ),
        )

    def _retail_best_seller_sheet(self):
        return (
            self.env._("Best sellers"),
            [
                self.env._("Store group"),
                self.env._("Store"),
                self.env._("Product"),
                self.env._("Units"),
                self.env._("Revenue (untaxed)"),
            ],
            self._retail_rows(
                "retail.best.seller.report",
                ["crm_team_id", "config_id", "product_id"],
                ["quantity:sum", "revenue:sum"],
                "quantity:sum desc",
            ),
        )

    def _retail_impulse_sheet(self):
        return (
            self.env._("Impulse products"),
            [
                self.env._("Store"),
                self.env._("Product"),
                self.env._("Baskets"),
                self.env._("Last line"),
                self.env._("Single extra"),
                self.env._("Last line (%)"),
            ],
            self._retail_rows(
                "retail.impulse.report",
                ["config_id", "product_id"],
                [
                    "basket_count:sum",
                    "last_line_count:sum",
                    "single_extra_count:sum",
                    "last_line_rate:avg",
                ],
                "last_line_count:sum desc",
            ),
        )

    def _retail_suggestion_sheet(self):
        return (
            self.env._("Suggestion results"),
            [
                self.env._("Store"),
                self.env._("Cashier"),
                self.env._("Product"),
                self.env._("Shown"),
                self.env._("Accepted"),
                self.env._("Revenue of accepted lines"),
                self.env._("Acceptance rate (%)"),
            ],
            self._retail_rows(
                "retail.suggestion.report",
                ["config_id", "cashier_id", "product_id"],
                [
                    "shown_count:sum",
                    "accepted_count:sum",
                    "revenue:sum",
                    "acceptance_rate:avg",
                ],
                "accepted_count:sum desc",
            ),
        )

    def _build_xlsx(self):
        book = RetailWorkbook()
        number = book.format(num_format="0.00")
        for name, headers, rows in self._retail_sheets():
            sheet = book.sheet(name, headers, widths=[(0, 2, 28)])
            for index, row in enumerate(rows, start=1):
                for col, value in enumerate(row):
                    if isinstance(value, float):
                        sheet.write_number(index, col, value, number)
                    else:
                        sheet.write(index, col, value)
        return book.close()

    def action_export(self):
        self.ensure_one()
        return self._retail_xlsx_download(
            self._build_xlsx(), "clienteling_analysis.xlsx"
        )

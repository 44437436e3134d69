# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools.safe_eval import safe_eval

from .retail_xlsx_export_mixin import RetailWorkbook

# (field name, header) of the marketing export, in column order.
EXPORT_COLUMNS = [
    ("customer_number", "Customer number"),
    ("name", "Name"),
    ("national_id", "National ID"),
    ("card_number", "Customer card"),
    ("email", "Email"),
    ("retail_phone_sanitized", "Phone"),
    ("retail_mobile_sanitized", "Mobile"),
    ("street", "Street"),
    ("zip", "Postal code"),
    ("city", "City"),
    ("state_id", "Province"),
    ("country_id", "Country"),
    ("lang", "Language"),
    ("retail_channel_id", "Channel"),
    ("retail_segment_ids", "Segments"),
    ("retail_consent_email", "Email consent"),
    ("retail_consent_email_date", "Email consent date"),
    ("retail_consent_sms", "SMS consent"),
    ("retail_consent_sms_date", "SMS consent date"),
]


class RetailCustomerExport(models.TransientModel):
    _name = "retail.customer.export"
    _inherit = "retail.xlsx.export.mixin"
    _description = "Export Customers for Marketing"

    partner_ids = fields.Many2many("res.partner", string="Customers")
    domain = fields.Char(help="Used when the whole filtered list is selected.")
    only_consenting = fields.Selection(
        [("all", "All"), ("email", "Email consent only"), ("sms", "SMS consent only")],
        default="all",
        required=True,
        string="Consent",
    )
    partner_count = fields.Integer(
        compute="_compute_partner_count", string="Number of Customers"
    )

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        ctx = self.env.context
        if ctx.get("active_model") == "res.partner":
            if ctx.get("active_domain") is not None and ctx.get("retail_select_all"):
                res["domain"] = repr(ctx["active_domain"])
            elif ctx.get("active_ids"):
                res["partner_ids"] = [fields.Command.set(ctx["active_ids"])]
        return res

    @api.constrains("domain")
    def _check_domain(self):
        """The domain comes from the client: it must be a valid customer domain."""
        Partner = self.env["res.partner"]
        for wizard in self.filtered("domain"):
            try:
                domain = safe_eval(wizard.domain)
                if not isinstance(domain, list | tuple):
                    raise ValueError(wizard.domain)
                Partner._search(domain)
            except Exception as exc:
                raise ValidationError(
                    self.env._(
                        "This selection of customers cannot be read: %(domain)s",
                        domain=wizard.domain[:200],
                    )
                ) from exc

    @api.depends("partner_ids", "domain", "only_consenting")
    def _compute_partner_count(self):
        for wizard in self:
            wizard.partner_count = self.env["res.partner"].search_count(
                wizard._get_domain()
            )

    def _get_domain(self):
        self.ensure_one()
        if self.partner_ids:
            domain = [("id", "in", self.partner_ids.ids)]
        elif self.domain:
            domain = safe_eval(self.domain)
        else:
            domain = [("customer_number", "!=", False)]
        if self.only_consenting != "all":
            # the same rule as every notice: consent, an address, not blacklisted
            domain = Domain(domain) & self.env["res.partner"]._retail_contact_domain(
                self.only_consenting
            )
        return domain

    @api.model
    def _retail_export_columns(self):
        """(field name, header) of the export, in column order; meant to be
        extended by the modules that add customer fields worth exporting."""
        return list(EXPORT_COLUMNS)

    def _get_columns(self):
        """The columns the user may read (national IDs only for their group)."""
        Partner = self.env["res.partner"]
        return [
            (name, header)
            for name, header in self._retail_export_columns()
            if Partner._has_field_access(Partner._fields[name], "read")
        ]

    def _get_rows(self):
        """Values of the export, read in bulk (one query per 5,000 customers)."""
        partners = self.env["res.partner"].search(self._get_domain(), order="id")
        if not partners:
            raise UserError(self.env._("No customer to export in this selection."))
        names = [name for name, _header in self._get_columns()]
        rows = []
        for offset in range(0, len(partners), 5000):
            chunk = partners[offset : offset + 5000]
            for values in chunk.read(names, load="_classic_read"):
                rows.append([self._cell(values[name]) for name in names])
            chunk.invalidate_recordset()
        return rows

    def _cell(self, value):
        if value is False or value is None:
            return ""
        if isinstance(value, tuple):  # many2one: (id, name)
            return value[1]
        if isinstance(value, list):  # many2many ids
            return ", ".join(self.env["retail.segment"].browse(value).mapped("name"))
        if isinstance(value, bool):
            return self.env._("Yes") if value else self.env._("No")
        return value if isinstance(value, int | float) else str(value)

    def _build_xlsx(self, rows):
        columns = self._get_columns()
        labels = self.env["res.partner"].fields_get([n for n, _h in columns])
        book = RetailWorkbook()
        sheet = book.sheet(
            self.env._("Customers"),
            [labels.get(name, {}).get("string") or header for name, header in columns],
        )
        for row_index, row in enumerate(rows, start=1):
            sheet.write_row(row_index, 0, row)
        sheet.autofilter(0, 0, len(rows), len(columns) - 1)
        return book.close()

    def action_export(self):
        self.ensure_one()
        return self._retail_xlsx_download(
            self._build_xlsx(self._get_rows()), self.env._("customers.xlsx")
        )

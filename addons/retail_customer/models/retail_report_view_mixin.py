# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models, tools
from odoo.tools import SQL


class RetailReportViewMixin(models.AbstractModel):
    """A report read from a SQL view (``_auto = False``): the view of the
    model's ``_select_sql()`` is created again at each install or update."""

    _name = "retail.report.view.mixin"
    _description = "Report on a SQL View"

    def _select_sql(self):
        """The view's query (an ``SQL``)."""
        raise NotImplementedError

    def _retail_replace_view(self, name, query):
        """The view ``name`` of ``query`` (an ``SQL``), dropped first (with the
        views that depend on it) when it exists."""
        tools.drop_view_if_exists(self.env.cr, name)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(name), query)
        )

    def _retail_per_segment_sql(self, parent, rows):
        """The rows of ``rows`` (the view query of the report model ``parent``,
        whose rows have a ``partner_id``), one per segment of their customer,
        with its ``segment_id``: a customer in two segments counts in both."""
        columns = [
            name
            for name, field in self.env[parent]._fields.items()
            if field.store and name != "id"
        ]
        return SQL(
            """
            SELECT r.id::bigint * 1000000 + s.segment_id AS id, %s, s.segment_id
              FROM (%s) r
              JOIN retail_segment_partner_rel s ON s.partner_id = r.partner_id
            """,
            SQL(", ").join(SQL("r.%s", SQL.identifier(name)) for name in columns),
            rows,
        )

    def init(self):
        if not self._abstract:
            self._retail_replace_view(self._table, self._select_sql())

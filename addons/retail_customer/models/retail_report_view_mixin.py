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

    def init(self):
        if not self._abstract:
            self._retail_replace_view(self._table, self._select_sql())

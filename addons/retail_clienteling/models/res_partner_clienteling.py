# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools import SQL


class ResPartner(models.Model):
    """What other modules add to the till's customer panel, without this module
    depending on them: each extends these hooks with ``super()``."""

    _inherit = "res.partner"

    def _retail_clienteling_facts(self, config):
        """Short facts of the customer shown as badges on the panel at the till
        ``config`` (points, tier...).

        :return: [{"key": str, "label": str, "value": str}]
        """
        self.ensure_one()
        return []

    def _retail_clienteling_sections(self, config):
        """Lists shown on the panel (open incidents, active gift lists...):
        ``items`` are shown as a list of lines; a module that shows more
        (columns, a button) sends its ``rows`` too and extends the panel's
        template for its ``key`` (see ``_retail_clienteling_rows``).

        :return: [{"key": str, "title": str, "items": [str], "rows": [dict]}]
        """
        self.ensure_one()
        return []

    def _retail_clienteling_rows(self, model, domain, order, limit, columns, joins=()):
        """The records of ``model`` in ``domain`` that the user may read (their
        access rights and record rules), as rows for a panel section, in one
        query.

        :param dict columns: {row key: field of ``model``}
        :param joins: {row key: (many2one field of ``model``, field of its
            comodel)}, read through a left join (empty when the many2one is)
        :return: [dict], empty when the user may not read ``model``
        """
        Model = self.env[model]
        if not Model.has_access("read"):
            return []
        query = Model._search(domain, order=order, limit=limit)
        selects = [
            SQL(
                "%s AS %s",
                Model._field_to_sql(query.table, fname, query),
                SQL.identifier(key),
            )
            for key, fname in columns.items()
        ]
        for key, (fname, target) in dict(joins).items():
            comodel = self.env[Model._fields[fname].comodel_name]
            alias = query.left_join(query.table, fname, comodel._table, "id", fname)
            selects.append(
                SQL(
                    "%s AS %s",
                    comodel._field_to_sql(alias, target, query),
                    SQL.identifier(key),
                )
            )
        return self.env.execute_query_dict(query.select(*selects))

    def _retail_clienteling_section(self, key, title, rows):
        """The panel section ``key`` of ``rows`` shown by its module's template,
        as a list of one section, or an empty list without rows."""
        if not rows:
            return []
        return [{"key": key, "title": title, "items": [], "rows": rows}]

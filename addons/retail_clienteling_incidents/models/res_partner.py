# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.fields import Domain
from odoo.tools import SQL

# The open incidents the panel lists at most, the newest first.
PANEL_INCIDENTS = 10


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _retail_clienteling_sections(self, config):
        """The customer's open incidents, when they have any."""
        sections = super()._retail_clienteling_sections(config)
        rows = self._retail_clienteling_incident_rows()
        if rows:
            sections.append(
                {
                    "key": "retail_incidents",
                    "title": self.env._("Open incidents"),
                    "items": [],
                    "rows": rows,
                }
            )
        return sections

    def _retail_clienteling_incident_rows(self):
        """The customer's open incidents the user may read (their companies'
        rules), the newest first, in one query: number, type (the category, or
        the origin without one), state, date and store (the till, or the
        warehouse without one).

        :return: [{"id", "name", "type", "state", "date", "store"}]
        """
        self.ensure_one()
        Incident = self.env["retail.incident"]
        if not Incident.has_access("read"):
            return []
        query = Incident._search(
            Domain("partner_id", "=", self.id) & Domain("is_open", "=", True),
            order="date desc, id desc",
            limit=PANEL_INCIDENTS,
        )
        alias = query.table
        category = query.left_join(
            alias, "category_id", "retail_incident_category", "id", "category_id"
        )
        till = query.left_join(alias, "pos_config_id", "pos_config", "id", "till")
        warehouse = query.left_join(
            alias, "warehouse_id", "stock_warehouse", "id", "warehouse_id"
        )
        rows = self.env.execute_query_dict(
            query.select(
                SQL("%s AS id", SQL.identifier(alias, "id")),
                SQL("%s AS name", SQL.identifier(alias, "name")),
                SQL("%s AS origin", SQL.identifier(alias, "origin")),
                SQL("%s AS state", SQL.identifier(alias, "state")),
                SQL("%s AS date", SQL.identifier(alias, "date")),
                SQL(
                    "%s AS category",
                    self.env["retail.incident.category"]._field_to_sql(
                        category, "name", query
                    ),
                ),
                SQL(
                    "COALESCE(%s, %s) AS store",
                    self.env["pos.config"]._field_to_sql(till, "name", query),
                    self.env["stock.warehouse"]._field_to_sql(warehouse, "name", query),
                ),
            )
        )
        return self._retail_clienteling_incident_labels(rows)

    def _retail_clienteling_incident_labels(self, rows):
        """The rows in the user's words: the state's and origin's labels."""
        Incident = self.env["retail.incident"]
        states = dict(Incident._fields["state"]._description_selection(self.env))
        origins = dict(Incident._fields["origin"]._description_selection(self.env))
        return [
            {
                "id": row["id"],
                "name": row["name"],
                "type": row["category"] or origins.get(row["origin"], ""),
                "state": states.get(row["state"], row["state"]),
                "date": fields.Datetime.to_string(row["date"]),
                "store": row["store"] or "",
            }
            for row in rows
        ]

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.fields import Domain
from odoo.tools import SQL

# The active gift lists the panel lists at most, the nearest event first.
PANEL_GIFT_LISTS = 10


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _retail_clienteling_sections(self, config):
        """The customer's active gift lists, when they have any."""
        sections = super()._retail_clienteling_sections(config)
        rows = self._retail_clienteling_gift_list_rows(config)
        if rows:
            sections.append(
                {
                    "key": "retail_gift_lists",
                    "title": self.env._("Active gift lists"),
                    "items": [],
                    "rows": rows,
                }
            )
        return sections

    def _retail_clienteling_gift_list_rows(self, config):
        """The open gift lists of which the customer is an owner (first or
        second), of the till ``config``'s company (the lists it sells to), that
        the user may read, the nearest event first, in one query.

        :return: [{"id", "name", "title", "type", "event_date", "store"}]
        """
        self.ensure_one()
        Registry = self.env["retail.gift.registry"]
        if not Registry.has_access("read"):
            return []
        query = Registry._search(
            Domain("state", "=", "open")
            & Domain("company_id", "=", config.company_id.id)
            & (Domain("owner_id", "=", self.id) | Domain("co_owner_id", "=", self.id)),
            order="event_date, id",
            limit=PANEL_GIFT_LISTS,
        )
        alias = query.table
        kind = query.left_join(
            alias, "type_id", "retail_gift_registry_type", "id", "type_id"
        )
        till = query.left_join(alias, "pos_config_id", "pos_config", "id", "till")
        rows = self.env.execute_query_dict(
            query.select(
                SQL("%s AS id", SQL.identifier(alias, "id")),
                SQL("%s AS name", SQL.identifier(alias, "name")),
                SQL("%s AS title", SQL.identifier(alias, "title")),
                SQL("%s AS event_date", SQL.identifier(alias, "event_date")),
                SQL(
                    "%s AS type",
                    self.env["retail.gift.registry.type"]._field_to_sql(
                        kind, "name", query
                    ),
                ),
                SQL(
                    "%s AS store",
                    self.env["pos.config"]._field_to_sql(till, "name", query),
                ),
            )
        )
        for row in rows:
            row["event_date"] = fields.Date.to_string(row["event_date"])
            row["store"] = row["store"] or ""
        return rows

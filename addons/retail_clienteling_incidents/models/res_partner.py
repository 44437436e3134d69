# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.fields import Domain

# The open incidents the panel lists at most, the newest first.
PANEL_INCIDENTS = 10


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _retail_clienteling_sections(self, config):
        """The customer's open incidents, when they have any."""
        sections = super()._retail_clienteling_sections(config)
        return sections + self._retail_clienteling_section(
            "retail_incidents",
            self.env._("Open incidents"),
            self._retail_clienteling_incident_rows(),
        )

    def _retail_clienteling_incident_rows(self):
        """The customer's open incidents the user may read (their companies'
        rules), the newest first, in one query: number, type (the category, or
        the origin without one), state, date and store (the till, or the
        warehouse without one).

        :return: [{"id", "name", "type", "state", "date", "store"}]
        """
        self.ensure_one()
        rows = self._retail_clienteling_rows(
            "retail.incident",
            Domain("partner_id", "=", self.id) & Domain("is_open", "=", True),
            "date desc, id desc",
            PANEL_INCIDENTS,
            {
                "id": "id",
                "name": "name",
                "origin": "origin",
                "state": "state",
                "date": "date",
            },
            {
                "category": ("category_id", "name"),
                "till": ("pos_config_id", "name"),
                "warehouse": ("warehouse_id", "name"),
            },
        )
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
                "store": row["till"] or row["warehouse"] or "",
            }
            for row in rows
        ]

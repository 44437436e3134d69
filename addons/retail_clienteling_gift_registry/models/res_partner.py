# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.fields import Domain

# The active gift lists the panel lists at most, the nearest event first.
PANEL_GIFT_LISTS = 10


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _retail_clienteling_sections(self, config):
        """The customer's active gift lists, when they have any."""
        sections = super()._retail_clienteling_sections(config)
        return sections + self._retail_clienteling_section(
            "retail_gift_lists",
            self.env._("Active gift lists"),
            self._retail_clienteling_gift_list_rows(config),
        )

    def _retail_clienteling_gift_list_rows(self, config):
        """The open gift lists of which the customer is an owner (first or
        second), of the till ``config``'s company (the lists it sells to), that
        the user may read, the nearest event first, in one query.

        :return: [{"id", "name", "title", "type", "event_date", "store"}]
        """
        self.ensure_one()
        rows = self._retail_clienteling_rows(
            "retail.gift.registry",
            Domain("state", "=", "open")
            & Domain("company_id", "=", config.company_id.id)
            & (Domain("owner_id", "=", self.id) | Domain("co_owner_id", "=", self.id)),
            "event_date, id",
            PANEL_GIFT_LISTS,
            {"id": "id", "name": "name", "title": "title", "event_date": "event_date"},
            {"type": ("type_id", "name"), "store": ("pos_config_id", "name")},
        )
        for row in rows:
            row["event_date"] = fields.Date.to_string(row["event_date"])
            row["store"] = row["store"] or ""
        return rows

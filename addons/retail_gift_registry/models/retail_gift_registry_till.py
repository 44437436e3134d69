# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain
from odoo.tools import SQL

from .retail_gift_registry import search_text

MAX_ID = 2**31 - 1
SEARCH_LIMIT = 20
POS_HEADER_FIELDS = [
    "name",
    "title",
    "type_id",
    "owner_id",
    "co_owner_id",
    "event_date",
    "welcome_message",
    "gift_mode",
]


class RetailGiftRegistry(models.Model):
    _inherit = "retail.gift.registry"

    @api.model
    def _owner_search_tsquery(self, query):
        """The full-text query of ``query`` (a string of word prefixes joined
        by AND, as to_tsquery reads them), or False: a phone typed with spaces,
        dots or a leading 00 / trunk 0 becomes one number."""
        digits = re.sub(r"[\s()+.\-/]", "", query)
        if digits.isdigit() and len(digits) >= 6:
            return digits.lstrip("0") or False
        words = re.findall(r"\w+", search_text(query))
        return " & ".join(f"{word}:*" for word in words) or False

    @api.model
    def _search_domains_for_query(self, query):
        """The domains the till tries in turn for ``query``: the list number
        (exact, btree index: a number quoted by a guest is answered at once),
        then the owners' words starting with the words of ``query`` (name,
        phone, customer number or card; one GIN full-text index)."""
        domains = [Domain("name", "=", query.upper())]
        tsquery = self._owner_search_tsquery(query)
        if tsquery:
            domains.append(
                Domain.custom(
                    to_sql=lambda model, alias, sql_query: SQL(
                        "to_tsvector('simple'::regconfig, COALESCE(%s, '')) "
                        "@@ to_tsquery('simple'::regconfig, %s)",
                        model._field_to_sql(alias, "owner_search", sql_query),
                        tsquery,
                    )
                )
            )
        return domains

    @api.model
    def retail_pos_search(self, config_id, query):
        """Open lists matching ``query`` (number, owner's name or phone) for the
        till: server search, at most 20 lists, never the whole file."""
        config = self._till_config(config_id)
        if not isinstance(query, str) or len(query) > 256 or "\x00" in query:
            raise ValidationError(
                self.env._("Search gift lists with a number, a name or a phone.")
            )
        query = query.strip()
        if not query:
            return []
        # read only what the answer shows: the till waits for it
        config.fetch(["company_id"])
        sellable = Domain("state", "=", "open") & Domain(
            "company_id", "=", config.company_id.id
        )
        lists = self.browse()
        for domain in self._search_domains_for_query(query):
            lists = self.search_fetch(
                domain & sellable, POS_HEADER_FIELDS, limit=SEARCH_LIMIT
            )
            if lists:
                break
        (lists.owner_id | lists.co_owner_id).fetch(["name"])
        lists.type_id.fetch(["name"])
        return lists._pos_header()

    @api.model
    def retail_pos_items(self, config_id, registry_id):
        """The list's items with their remaining quantities, for the till."""
        self._till_config(config_id)
        if type(registry_id) is not int or not 0 < registry_id <= MAX_ID:
            raise ValidationError(self.env._("This gift list does not exist."))
        registry = self.browse(registry_id).exists()
        if not registry:
            raise ValidationError(self.env._("This gift list does not exist."))
        registry._ensure_sellable()
        return {**registry._pos_header()[0], "items": registry.item_ids._pos_read()}

    @api.model
    def _load_pos_data_domain(self, data, config):
        # never the whole file: the till asks for the lists it needs
        return False

    @api.model
    def _load_pos_data_fields(self, config):
        return [
            "id",
            "name",
            "title",
            "type_id",
            "owner_names",
            "event_date",
            "welcome_message",
            "gift_mode",
            "state",
        ]

    @api.model
    def retail_pos_search_related(self, config_id, query):
        """``retail_pos_search`` in the till's data format (the lists found)."""
        config = self._till_config(config_id)
        found = self.browse(
            [row["id"] for row in self.retail_pos_search(config_id, query)]
        )
        return {self._name: self._load_pos_data_read(found, config)}

    @api.model
    def retail_pos_items_related(self, config_id, registry_id):
        """The list and its items in the till's data format, with fresh bought
        and remaining quantities."""
        config = self._till_config(config_id)
        self.retail_pos_items(config_id, registry_id)  # checks the list
        registry = self.browse(registry_id)
        Item = self.env["retail.gift.registry.item"]
        return {
            self._name: self._load_pos_data_read(registry, config),
            Item._name: Item._load_pos_data_read(registry.item_ids, config),
        }

    @api.model
    def _till_config(self, config_id):
        """The till named by a till's call, checked (``pos.config._retail_till``)."""
        return self.env["pos.config"]._retail_till(config_id)

    def _pos_header(self):
        return [
            {
                "id": registry.id,
                "name": registry.name,
                "title": registry.title,
                "type": registry.type_id.name,
                "owners": registry.owner_names,
                "event_date": fields.Date.to_string(registry.event_date),
                "welcome_message": registry.welcome_message or "",
                "gift_mode": registry.gift_mode,
            }
            for registry in self
        ]

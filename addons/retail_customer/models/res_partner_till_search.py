# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import api, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain
from odoo.tools import SQL

from .res_partner import NATIONAL_ID_GROUP

SEARCH_MAX_OFFSET = 1_000_000


def trigram_index(definition):
    """An index that exists only where pg_trgm does (see hooks.pre_init_hook)."""
    return models.Index(lambda registry: definition if registry.has_trigram else "")


class ResPartner(models.Model):
    """Finding a customer from the till or any customer field: exact
    identifiers first (indexed equality), then names (trigram index)."""

    _inherit = "res.partner"

    _retail_complete_name_trgm_idx = trigram_index(
        "USING gin (complete_name gin_trgm_ops)"
    )

    @api.model
    def _retail_identifier_domain(self, query):
        """Domain of the partners whose identifiers match ``query`` exactly:
        customer number, card, national ID, phone or mobile (E.164), email."""
        query = (query or "").strip()
        if not query:
            return Domain.FALSE
        upper = query.upper()
        domain = Domain.FALSE
        compact = re.sub(r"[\s.\-/]", "", upper)
        if self._retail_may_be_national_id(compact):
            domain |= self._retail_national_id_domain(compact)
        if "@" in query:
            domain |= Domain("email", "=ilike", query)
        digits = re.sub(r"[\s()+.\-/]", "", query)
        if digits.isdigit() and len(digits) >= 6:
            phone = self._phone_format(
                number=query, country=self.env.company.country_id
            )
            if phone:
                domain |= Domain("retail_phone_sanitized", "=", phone) | Domain(
                    "retail_mobile_sanitized", "=", phone
                )
            if not query.lstrip().startswith(("+", "00")):
                # typed as a national number: any country's customer with it
                national = digits.lstrip("0")
                domain |= Domain("retail_phone_national", "=", national) | Domain(
                    "retail_mobile_national", "=", national
                )
        if domain.is_false() and not self._retail_number_held(upper):
            # a name (most queries typed without a digit): the search with the
            # user's record rules is made only for a number someone holds
            return Domain.FALSE
        return (
            domain
            | Domain("customer_number", "=", upper)
            | Domain("card_number", "=", upper)
        )

    @api.model
    def _retail_number_held(self, upper):
        """Whether a partner holds ``upper`` as customer or card number: one
        probe of the two numbers' indexes, record rules aside."""
        self.flush_model(["customer_number", "card_number"])
        [[held]] = self.env.execute_query(
            SQL(
                "SELECT EXISTS(SELECT 1 FROM res_partner WHERE customer_number = %s)"
                " OR EXISTS(SELECT 1 FROM res_partner WHERE card_number = %s)",
                upper,
                upper,
            )
        )
        return held

    @api.model
    def _retail_national_id_domain(self, compact):
        """Partners whose national ID is ``compact`` among those the user may
        read, for users who may not read national IDs too (the till's search).

        The user's own search of the partners they may read (record rules
        applied) bounds the subquery, then the indexed equality on the number
        runs as superuser inside it: only ids of readable partners come out, so
        an ID held by a customer the user may not read (another company's
        file) answers exactly as a name that matches nobody, whatever search
        embeds this domain.

        The ids come out as ``id = ANY(ARRAY(subquery))``: computed once, then
        an indexed condition, so a search that ORs it with the other
        identifiers keeps using its indexes (``id IN (subquery)`` inside an OR
        makes PostgreSQL scan every partner)."""
        readable = self.with_context(active_test=False)._search(Domain.TRUE)
        # sudo: the number is searched for users outside the national ID group,
        # only among the partners they may read (``readable`` above)
        national = (
            self.sudo()
            .with_context(active_test=False)
            ._search(Domain("national_id", "=", compact) & Domain("id", "in", readable))
        )
        subselect = national.subselect()
        return Domain.custom(
            to_sql=lambda model, alias, query: SQL(
                "%s = ANY(ARRAY%s)", SQL.identifier(alias, "id"), subselect
            ),
            predicate=lambda record: record.id in national.get_result_ids(),
        )

    @api.model
    def _search_display_name(self, operator, value):
        domain = super()._search_display_name(operator, value)
        if operator in ("ilike", "=ilike", "=") and isinstance(value, str) and value:
            domain = Domain.OR([domain, self._retail_identifier_domain(value)])
        return domain

    @api.model
    def retail_find_customers(self, query, limit=20, offset=0):
        """Partners matching ``query``: exact identifier matches first (indexed
        equality), then names containing it (trigram index). Meant for the till
        and any API; returns a recordset."""
        query, limit, offset = self._retail_check_search_args(query, limit, offset)
        return self._retail_find_fetch(query, limit, offset, [])

    @api.model
    def _retail_find_fetch(self, query, limit, offset, fnames):
        """``retail_find_customers`` on checked arguments, the stored fields
        ``fnames`` of the partners found read by the search's own query."""
        if not query:
            return self.browse()
        exact = self.search_fetch(
            self._retail_identifier_domain(query), fnames, limit=limit + offset
        )
        if exact:
            # An identifier is exact: the till wants that customer, not namesakes.
            return exact[offset : offset + limit]
        return self.search_fetch(
            Domain("complete_name", "ilike", query),
            fnames,
            limit=limit,
            offset=offset,
            order="complete_name, id",
        )

    @api.model
    def _retail_check_search_args(self, query, limit, offset):
        """(query stripped, limit in 1..200, offset >= 0); refuse other types."""
        if query is None or query is False:
            query = ""
        if not isinstance(query, str):
            raise ValidationError(self.env._("Search customers with text."))
        if len(query) > 256 or any(ord(char) < 32 for char in query):
            raise ValidationError(
                self.env._("This cannot be a customer's name or number.")
            )
        for value in (limit, offset):
            if value not in (None, False) and type(value) is not int:
                raise ValidationError(
                    self.env._("Limit and offset must be whole numbers.")
                )
        if offset and offset > SEARCH_MAX_OFFSET:
            raise ValidationError(
                self.env._("Refine the search: this page is too far.")
            )
        return query.strip(), max(1, min(limit or 20, 200)), max(offset or 0, 0)

    @api.model
    def retail_pos_search(self, config_id, query, offset=0):
        """POS customer search (server side, never the whole file in the till).
        Answers like ``get_new_partner``: records to add to the till's data."""
        config = self.env["pos.config"]._retail_till(config_id)
        query, limit, offset = self._retail_check_search_args(query, 100, offset)
        partners = self._retail_find_fetch(
            query, limit, offset, self._retail_till_columns(config)
        )
        return {
            "res.partner": self._load_pos_data_read(partners, config),
            "account.fiscal.position": self.env[
                "account.fiscal.position"
            ]._load_pos_data_read(partners.fiscal_position_id, config),
        }

    @api.model
    def _retail_till_columns(self, config):
        """The columns the till's read of a partner needs, the fields it loads
        and those their computed values are made of: read with the search,
        they cost no query of their own."""
        fnames = self._load_pos_data_fields(config) + self._display_address_depends()
        fnames += [
            "company_id",
            "commercial_company_name",
            "parent_id",
            "type",
            "property_account_position_id",
            "specific_property_product_pricelist",
        ]
        return [
            fname
            for fname in dict.fromkeys(fnames)
            if (field := self._fields.get(fname))
            and field.column_type
            and self._has_field_access(field, "read")
        ]

    @api.model
    def _load_pos_data_fields(self, config):
        fnames = [
            "customer_number",
            "card_number",
            "mobile",
            "retail_channel_id",
            "retail_segment_names",
        ]
        if self.env.user.has_group(NATIONAL_ID_GROUP):
            fnames.append("national_id")
        return super()._load_pos_data_fields(config) + fnames

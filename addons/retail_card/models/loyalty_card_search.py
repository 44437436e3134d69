# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Cards are found, not listed: searches, reads, groupings and exports of users
who are not card managers."""

import logging

from odoo import api, models
from odoo.exceptions import AccessError
from odoo.fields import Domain
from odoo.orm.domains import DomainAnd, DomainCondition

_logger = logging.getLogger(__name__)

# Searching cards: conditions on these fields are lookups by number (throttled
# and logged); a search by a user who is not a card manager must name the cards
# by one of the anchors (the customer, the order, the ids), else it finds none.
CODE_FIELDS = frozenset({"code", "display_name"})
CODE_OPERATORS = frozenset({"=", "in"})
CODE_MAX_VALUES = 5
ANCHOR_FIELDS = frozenset({"id", "partner_id", "source_pos_order_id", "order_id"})
ANCHOR_MAX_VALUES = 500
ANCHOR_OPERATORS = frozenset({"=", "in", "child_of"})


class LoyaltyCard(models.Model):
    _inherit = "loyalty.card"

    @api.model
    def _search(
        self,
        domain,
        offset=0,
        limit=None,
        order=None,
        *,
        active_test=True,
        bypass_access=False,
    ):
        """For users who are not card managers (cashiers, salesmen), outside
        trusted flows: a search by number is a lookup (throttled per user, a
        miss logged); any other search must name the cards by customer, order
        or ids, else it finds nothing. Covers every search entry point
        (search, search_count, search_read, web_search_read, name_search,
        read_group)."""
        lookup = False
        if not (self.env.su or bypass_access) and self._retail_restricted():
            domain = Domain(domain)
            lookup = self._retail_check_search(domain)
            if lookup is None:
                # finds nothing, the ORM's checks of the domain still apply
                domain &= Domain("id", "=", -1)
        query = super()._search(
            domain,
            offset=offset,
            limit=limit,
            order=order,
            active_test=active_test,
            bypass_access=bypass_access,
        )
        if (
            isinstance(lookup, str)
            and not query.get_result_ids()
            and not self._retail_code_exists(lookup)
        ):
            # a promotion code typed where a card may be scanned is no failure
            self._retail_log_failed_lookup("card", lookup)
        return query

    @api.model
    def _retail_check_search(self, domain):
        """Check a restricted user's search domain.

        :return: the number looked up (a search by number, throttle passed),
            True for a search anchored on customers, orders or ids, None for
            any other search (it finds nothing)
        :raise AccessError: a search by number other than equality to at most
            a few numbers (prefixes, patterns, ranges, negations)
        """
        conditions = list(domain.iter_conditions())
        codes = [
            condition
            for condition in conditions
            if condition.field_expr.split(".")[0] in CODE_FIELDS
            # an empty name search (a dropdown opened) names no number
            and not (condition.operator == "ilike" and not condition.value)
        ]
        if codes:
            values = []
            for condition in codes:
                value = condition.value
                value = list(value) if isinstance(value, list | tuple) else [value]
                if (
                    condition.operator not in CODE_OPERATORS
                    or condition.field_expr != "code"
                    or not 0 < len(value) <= CODE_MAX_VALUES
                    or not all(isinstance(item, str) for item in value)
                ):
                    raise AccessError(
                        self.env._(
                            "Cards are found by their whole number (card lookup), "
                            "not listed or searched by part of it."
                        )
                    )
                values += value
            self._retail_check_throttle("card")
            return values[0]
        tops = domain.children if isinstance(domain, DomainAnd) else [domain]
        for condition in tops:
            if not isinstance(condition, DomainCondition):
                continue
            value = condition.value
            if (
                condition.field_expr in ANCHOR_FIELDS
                and condition.operator in ANCHOR_OPERATORS
                and (
                    (type(value) is int and value > 0)
                    or (
                        isinstance(value, list | tuple)
                        and 0 < len(value) <= ANCHOR_MAX_VALUES
                        and all(type(item) is int and item > 0 for item in value)
                    )
                )
            ):
                return True
        _logger.info(
            "Card search by user %s emptied (not anchored): %s", self.env.uid, domain
        )
        return None

    def _read_format(self, fnames, load="_classic_read"):
        """Users who are not card managers read the number of a bearer card
        (no holder, or a gift card) masked, outside trusted flows: the number
        spends it, it is found by typing it, never listed."""
        result = super()._read_format(fnames, load)
        if (
            not self.env.su
            and ("code" in fnames or "display_name" in fnames)
            and self._retail_restricted()
        ):
            Failure = self.env["retail.card.lookup.failure"]
            bearer = {
                card.id: card.code
                for card in self
                if card.code
                and (not card.partner_id or card.program_id.program_type == "gift_card")
            }
            for values in result:
                code = bearer.get(values.get("id"))
                if not code:
                    continue
                masked = Failure._retail_mask(code)
                if values.get("code"):
                    values["code"] = masked
                if isinstance(values.get("display_name"), str):
                    values["display_name"] = values["display_name"].replace(
                        code, masked
                    )
        return result

    @api.model
    def _read_group(
        self,
        domain,
        groupby=(),
        aggregates=(),
        having=(),
        offset=0,
        limit=None,
        order=None,
    ):
        if not self.env.su and self._retail_restricted():
            names = {
                spec.split(":")[0].split(".")[0] for spec in (*groupby, *aggregates)
            }
            if names & CODE_FIELDS:
                raise AccessError(
                    self.env._("Card numbers are found one by one, never listed.")
                )
        return super()._read_group(
            domain,
            groupby=groupby,
            aggregates=aggregates,
            having=having,
            offset=offset,
            limit=limit,
            order=order,
        )

    def export_data(self, fields_to_export):
        if not self.env.su and self._retail_restricted():
            raise AccessError(
                self.env._("Only store managers and head office export cards.")
            )
        return super().export_data(fields_to_export)

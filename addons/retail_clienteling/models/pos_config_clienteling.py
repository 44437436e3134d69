# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from .retail_product_pair import POS_SOLD_STATES

MAX_ID = 2**31 - 1
MAX_BASKET = 500
MAX_SUGGESTIONS = 20
HISTORY_LINES = 20
# Partner fields the panel shows.
# The customer's last purchased lines, till and sale orders (PosConfig.
# _retail_customer_history)
HISTORY_QUERY = """
SELECT h.*, (%(sellable)s) AS can_add
  FROM (
    (SELECT 'pos' AS origin, l.id AS line_id, o.id AS order_id,
            o.pos_reference AS order_name, o.date_order AS date,
            l.product_id, l.full_product_name AS name, l.qty::float,
            l.price_unit::float, l.discount::float,
            l.price_subtotal_incl::float AS amount,
            c.name AS store
       FROM pos_order o
       JOIN pos_order_line l ON l.order_id = o.id
       LEFT JOIN pos_session s ON s.id = o.session_id
       LEFT JOIN pos_config c ON c.id = s.config_id
      WHERE o.partner_id = %(partner)s
        AND o.company_id = %(company)s
        AND o.state IN %(states)s
        AND l.qty > 0 AND l.product_id IS NOT NULL
        AND NOT COALESCE(l.is_reward_line, FALSE)
      ORDER BY o.date_order DESC, l.id DESC
      LIMIT %(limit)s)
    UNION ALL
    (SELECT 'sale', l.id, o.id, o.name, o.date_order,
            l.product_id, l.name, l.product_uom_qty::float,
            l.price_unit::float, l.discount::float,
            l.price_total::float,
            COALESCE(t.name->>%(lang)s, t.name->>'en_US')
       FROM sale_order o
       JOIN sale_order_line l ON l.order_id = o.id
       LEFT JOIN crm_team t ON t.id = o.team_id
      WHERE o.partner_id = %(partner)s
        AND o.company_id = %(company)s
        AND o.state = 'sale'
        AND l.display_type IS NULL AND l.product_id IS NOT NULL
        AND l.product_uom_qty > 0 AND l.reward_id IS NULL
        AND NOT COALESCE(l.is_downpayment, FALSE)
      ORDER BY o.date_order DESC, l.id DESC
      LIMIT %(limit)s)
  ) h
  JOIN product_product p ON p.id = h.product_id
  JOIN product_template pt ON pt.id = p.product_tmpl_id
 ORDER BY h.date DESC, h.line_id DESC
 LIMIT %(limit)s
"""

PANEL_PARTNER_FIELDS = ["name", "retail_consent_email", "retail_consent_sms"]


class PosConfig(models.Model):
    """The till's clienteling calls: the customer's panel and the
    suggestions, each one RPC call."""

    _inherit = "pos.config"

    def retail_clienteling_panel(self, partner_id, product_ids=None, limit=6):
        """Everything the till's customer panel shows, in one call: the
        customer's last purchases (till and sale orders of this company), their
        favourite categories, consent, what other modules add
        (``res.partner._retail_clienteling_facts`` and ``_sections``) and the
        suggestions for the basket ``product_ids`` (a product id per unit)."""
        partner, basket, limit = self._retail_clienteling_args(
            partner_id, product_ids, limit, customer_required=True
        )
        return {
            "partner_id": partner.id,
            "name": partner.name,
            "consent": {
                "email": partner.retail_consent_email,
                "sms": partner.retail_consent_sms,
            },
            "history": self._retail_customer_history(partner.id),
            "favourite_categories": self._retail_favourite_categories(partner.id),
            "facts": partner._retail_clienteling_facts(self),
            "sections": partner._retail_clienteling_sections(self),
            "suggestions": self._retail_suggest(partner.id, basket, limit),
        }

    def retail_clienteling_suggestions(self, partner_id, product_ids, limit=6):
        """Suggestions of complementary products for the basket
        ``product_ids`` (a product id per unit) and the customer
        ``partner_id`` (or False), the strongest first (see
        ``_retail_suggest``)."""
        partner, basket, limit = self._retail_clienteling_args(
            partner_id, product_ids, limit
        )
        return self._retail_suggest(partner.id or None, basket, limit)

    def _retail_clienteling_args(
        self, partner_id, product_ids, limit, customer_required=False
    ):
        """Check the till, the customer and the basket sent by a till (a
        product id per unit).

        :return: (partner read by the user, or an empty recordset; basket ids;
                  limit)
        """
        if len(self) != 1:
            raise ValidationError(self.env._("Ask one till at a time."))
        self.check_access("read")
        # the answers are read in SQL: what this transaction wrote first
        self.env.flush_all()
        basket = self._retail_check_basket(product_ids)
        if isinstance(limit, bool) or not isinstance(limit, int):
            raise ValidationError(self.env._("The number of suggestions is a number."))
        if not 1 <= limit <= MAX_SUGGESTIONS:
            raise ValidationError(
                self.env._(
                    "Ask for between 1 and %(max)s suggestions.", max=MAX_SUGGESTIONS
                )
            )
        Partner = self.env["res.partner"]
        if not partner_id and not customer_required:
            return Partner, basket, limit
        if not self._retail_is_id(partner_id):
            raise ValidationError(self.env._("Choose a customer."))
        # the user's own search: a customer of a file kept apart by another
        # company answers as a missing one
        partner = Partner.search_fetch(
            [("id", "=", partner_id)], PANEL_PARTNER_FIELDS, limit=1
        )
        if not partner:
            raise UserError(self.env._("This customer cannot be found at this till."))
        return partner, basket, limit

    def _retail_check_basket(self, product_ids):
        if product_ids is None or product_ids is False:
            return []
        if not isinstance(product_ids, list | tuple) or len(product_ids) > MAX_BASKET:
            raise ValidationError(
                self.env._(
                    "The basket is a list of at most %(max)s products.", max=MAX_BASKET
                )
            )
        if not all(self._retail_is_id(product_id) for product_id in product_ids):
            raise ValidationError(self.env._("The basket holds product ids only."))
        return list(product_ids)

    @staticmethod
    def _retail_is_id(value):
        return (
            isinstance(value, int)
            and not isinstance(value, bool)
            and 0 < value <= MAX_ID
        )

    def _retail_customer_history(self, partner_id):
        """The customer's last purchased lines (till and sale orders of this
        company, any store), the newest first. The customer was read by the
        user; the lines are read in SQL, for this company only, as the till
        shows them to any cashier of it."""
        lang = self.env.lang or "en_US"
        rows = self.env.execute_query_dict(
            SQL(
                HISTORY_QUERY,
                sellable=self._retail_sellable_sql("p", "pt"),
                partner=partner_id,
                company=self.company_id.id,
                states=POS_SOLD_STATES,
                lang=lang,
                limit=HISTORY_LINES,
            )
        )
        for row in rows:
            row["date"] = fields.Datetime.to_string(row["date"])
        return rows

    def _retail_favourite_categories(self, partner_id):
        """The customer's favourite product categories: those they spent most
        in (``retail.customer.stat``)."""
        return self.env.execute_query_dict(
            SQL(
                """
                SELECT c.id, c.complete_name AS name, s.amount::float, s.order_count
                  FROM retail_customer_stat s
                  JOIN product_category c ON c.id = s.res_id
                 WHERE s.partner_id = %s AND s.kind = 'category' AND s.amount > 0
                 ORDER BY s.amount DESC, c.id
                 LIMIT 3
                """,
                partner_id,
            )
        )

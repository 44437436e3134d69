# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import Counter

from odoo import fields, models
from odoo.tools import SQL

from .retail_product_pair import POS_SOLD_STATES

# Where a suggestion comes from, strongest source first.
SOURCES = {1: "optional", 2: "pair", 3: "habit"}
# The customer's favourite categories read for their habits, and the best
# sellers of each one offered.
FAVOURITE_CATEGORIES = 3
BEST_SELLERS_PER_CATEGORY = 10


class PosConfig(models.Model):
    """The suggestion engine of the till: complementary products for a basket
    and a customer, in one SQL query over indexed tables."""

    _inherit = "pos.config"

    def _retail_pair_scope(self):
        """The company whose pairs this till reads: its own when it keeps its
        customer file apart, else None (the chain's pairs)."""
        company = self.company_id
        return company if company.retail_customer_file == "own" else None

    def _retail_scope_sql(self, alias):
        scope = self._retail_pair_scope()
        column = SQL.identifier(alias, "company_id")
        if scope:
            return SQL("%s = %s", column, scope.id)
        return SQL("%s IS NULL", column)

    def _retail_sellable_sql(self, product, template):
        """SQL condition: the product (aliases of product_product and
        product_template) is sold at this till: active, available in the point
        of sale, of its company or shared, in the till's categories when it
        limits them."""
        condition = SQL(
            """%(p)s.active AND %(t)s.active AND %(t)s.available_in_pos
               AND %(t)s.sale_ok
               AND (%(t)s.company_id IS NULL OR %(t)s.company_id = %(company)s)""",
            p=SQL.identifier(product),
            t=SQL.identifier(template),
            company=self.company_id.id,
        )
        if self.limit_categories and self.iface_available_categ_ids:
            condition = SQL(
                """%s AND EXISTS (
                    SELECT 1 FROM pos_category_product_template_rel c
                     WHERE c.product_template_id = %s.id
                       AND c.pos_category_id = ANY(%s))""",
                condition,
                SQL.identifier(template),
                self.iface_available_categ_ids.ids,
            )
        return condition

    def _retail_in_stock_sql(self, product, template):
        """SQL condition: the product is not tracked in stock, or has units
        free in this till's warehouse (that of its operation type, else its
        own); any product when that warehouse has no stock location. The
        location is found in the same query (no read of the operation type,
        warehouse and location per call)."""
        stock_path = SQL(
            """(SELECT loc.parent_path || '%%'
                  FROM stock_warehouse w
                  JOIN stock_location loc ON loc.id = w.lot_stock_id
                 WHERE w.id = COALESCE(
                       (SELECT warehouse_id FROM stock_picking_type
                         WHERE id = %(picking_type)s),
                       %(warehouse)s))""",
            picking_type=self.picking_type_id.id or None,
            warehouse=self.warehouse_id.id or None,
        )
        return SQL(
            """(NOT COALESCE(%(t)s.is_storable, FALSE)
                OR %(path)s IS NULL
                OR EXISTS (
                SELECT 1 FROM stock_quant q
                  JOIN stock_location loc ON loc.id = q.location_id
                 WHERE q.product_id = %(p)s.id AND loc.parent_path LIKE %(path)s
                HAVING sum(q.quantity - q.reserved_quantity) > 0))""",
            p=SQL.identifier(product),
            t=SQL.identifier(template),
            path=stock_path,
        )

    def _retail_candidates_sql(self, partner_id, basket):
        """SQL of the candidates (product_id, source, strength, anchor_id):
        the basket's native optional products, the products bought with them
        across the scope, the best sellers of the customer's favourite
        categories."""
        return SQL(
            """
            SELECT opt.id AS product_id, 1 AS source, 1.0::float AS strength,
                   b.id AS anchor_id
              FROM product_product b
              JOIN pos_product_optional_rel r ON r.src_id = b.product_tmpl_id
              JOIN product_product opt ON opt.product_tmpl_id = r.dest_id
             WHERE b.id = ANY(%(basket)s)
            UNION ALL
            SELECT pr.other_product_id, 2, pr.confidence, pr.product_id
              FROM retail_product_pair pr
             WHERE pr.product_id = ANY(%(basket)s) AND %(pair_scope)s
            UNION ALL
            SELECT pop.product_id, 3, pop.basket_count::float, NULL
              FROM (SELECT res_id FROM retail_customer_stat
                     WHERE partner_id = %(partner)s AND kind = 'category'
                       AND amount > 0
                     ORDER BY amount DESC, res_id LIMIT %(favourites)s) f
              JOIN retail_product_popularity pop
                ON pop.categ_id = f.res_id AND %(pop_scope)s
             WHERE pop.rank <= %(per_category)s
            """,
            basket=basket,
            partner=partner_id,
            pair_scope=self._retail_scope_sql("pr"),
            pop_scope=self._retail_scope_sql("pop"),
            favourites=FAVOURITE_CATEGORIES,
            per_category=BEST_SELLERS_PER_CATEGORY,
        )

    def _retail_recent_sql(self, partner_id):
        """SQL of the products the customer bought from this company within
        the company's recent purchases period."""
        since = fields.Datetime.subtract(
            fields.Datetime.now(), days=self.company_id.retail_suggest_recent_days
        )
        return SQL(
            """
            SELECT l.product_id FROM pos_order o
              JOIN pos_order_line l ON l.order_id = o.id
             WHERE o.partner_id = %(partner)s AND o.company_id = %(company)s
               AND o.date_order >= %(since)s AND o.state IN %(states)s
               AND l.product_id IS NOT NULL
            UNION
            SELECT l.product_id FROM sale_order o
              JOIN sale_order_line l ON l.order_id = o.id
             WHERE o.partner_id = %(partner)s AND o.company_id = %(company)s
               AND o.date_order >= %(since)s AND o.state = 'sale'
               AND l.product_id IS NOT NULL
            """,
            partner=partner_id,
            company=self.company_id.id,
            since=since,
            states=POS_SOLD_STATES,
        )

    def _retail_suggest(self, partner_id, units, limit):
        """Suggestions for the basket ``units`` (a product id per unit) and the
        customer
        ``partner_id`` (an id or None) at this till, the strongest first:
        never a product of the basket, nothing the customer bought recently,
        nothing not sold at this till or out of stock in its warehouse.

        :return: [{"product_id", "source", "name", "default_code",
                   "list_price", "anchor_product_id", "hint"}]
        """
        self.ensure_one()
        basket = list(dict.fromkeys(units))
        rows = self.env.execute_query(
            SQL(
                """
                WITH candidates AS (%(candidates)s),
                recent AS (%(recent)s),
                best AS (
                    SELECT DISTINCT ON (product_id)
                           product_id, source, strength, anchor_id
                      FROM candidates
                     WHERE product_id <> ALL(%(basket)s)
                       AND product_id NOT IN (SELECT product_id FROM recent)
                     ORDER BY product_id, source, strength DESC
                )
                SELECT best.product_id, best.source, best.anchor_id,
                       COALESCE(t.name->>%(lang)s, t.name->>'en_US'),
                       p.default_code, t.list_price::float
                  FROM best
                  JOIN product_product p ON p.id = best.product_id
                  JOIN product_template t ON t.id = p.product_tmpl_id
                 WHERE %(sellable)s AND %(in_stock)s
                 ORDER BY best.source, best.strength DESC, best.product_id
                 LIMIT %(limit)s
                """,
                candidates=self._retail_candidates_sql(partner_id, basket),
                recent=self._retail_recent_sql(partner_id),
                basket=basket,
                lang=self.env.lang or "en_US",
                sellable=self._retail_sellable_sql("p", "t"),
                in_stock=self._retail_in_stock_sql("p", "t"),
                limit=limit,
            )
        )
        suggestions = [
            {
                "product_id": product_id,
                "source": SOURCES[source],
                "anchor_product_id": anchor_id or False,
                "name": name,
                "default_code": default_code or False,
                "list_price": list_price,
                "hint": False,
            }
            for product_id, source, anchor_id, name, default_code, list_price in rows
        ]
        if not suggestions:
            return suggestions
        return self._retail_suggestion_hints(suggestions, Counter(units), partner_id)

    def _retail_suggestion_hints(self, suggestions, units, partner_id):
        """Fill the ``hint`` of the suggestions (a short text the till shows
        beside one, such as a promotion it completes); ``units`` counts the
        basket's units per product id. Meant to be extended by the bridges of
        the modules that know why a product is worth adding; returns
        ``suggestions``."""
        return suggestions

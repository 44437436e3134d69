# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, fields, models
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

# The till orders and sale orders that count as purchases.
POS_SOLD_STATES = ("paid", "done")

# The pairs of products bought together of one scope, measured and ranked, from
# the temporary table of basket items (RetailProductPair._retail_rebuild)
PAIRS_QUERY = """
WITH baskets AS (
    SELECT count(DISTINCT basket)::float AS total
      FROM retail_pair_items
), singles AS (
    SELECT product_id, count(*)::float AS baskets
      FROM retail_pair_items GROUP BY product_id
), halves AS (
    -- each pair counted once, the lower product id first (half the rows to
    -- group), then read both ways
    SELECT a.product_id AS low_id, b.product_id AS high_id,
           count(*) AS together
      FROM retail_pair_items a
      JOIN retail_pair_items b
        ON b.basket = a.basket AND b.product_id > a.product_id
     GROUP BY a.product_id, b.product_id
    HAVING count(*) >= %(min_count)s
), pairs AS (
    SELECT low_id AS product_id, high_id AS other_id, together FROM halves
    UNION ALL
    SELECT high_id, low_id, together FROM halves
), measured AS (
    SELECT p.product_id, p.other_id, p.together,
           p.together / b.total AS support,
           p.together / sp.baskets AS confidence,
           p.together * b.total / (sp.baskets * sq.baskets) AS lift
      FROM pairs p
     CROSS JOIN baskets b
      JOIN singles sp ON sp.product_id = p.product_id
      JOIN singles sq ON sq.product_id = p.other_id
), ranked AS (
    SELECT *, row_number() OVER (
               PARTITION BY product_id
               ORDER BY lift DESC, together DESC, other_id
           ) AS rank
      FROM measured
)
INSERT INTO retail_product_pair
       (company_id, product_id, other_product_id, pair_count,
        support, confidence, lift, rank)
SELECT %(scope)s, product_id, other_id, together, support,
       confidence, lift, rank
  FROM ranked
 WHERE rank <= %(top_k)s
RETURNING 1
"""


class RetailProductPair(models.Model):
    """Products bought together, counted set-based in SQL over the till and
    sale order lines of a period (``_retail_rebuild``).

    A basket is one order (till or sale order). For a product P and a
    companion Q: ``support`` = baskets with both / all baskets,
    ``confidence`` = baskets with both / baskets with P, ``lift`` =
    confidence / (baskets with Q / all baskets). Each product keeps its top K
    companions by lift (then baskets). The chain's pairs (``company_id``
    empty) are counted over the orders of the companies that share their
    customer file; a company that keeps its file apart (a franchise) has its
    own pairs, from its own orders only, that no other company reads."""

    _name = "retail.product.pair"
    _description = "Products Bought Together"
    _order = "product_id, rank"
    _log_access = False

    company_id = fields.Many2one(
        "res.company",
        readonly=True,
        ondelete="cascade",
        help="Empty: the pairs of the companies that share their customer file.",
    )
    product_id = fields.Many2one(
        "product.product", required=True, readonly=True, ondelete="cascade"
    )
    other_product_id = fields.Many2one(
        "product.product",
        string="Bought With",
        required=True,
        readonly=True,
        ondelete="cascade",
    )
    pair_count = fields.Integer(string="Baskets Together", readonly=True)
    support = fields.Float(readonly=True, digits=(16, 6))
    confidence = fields.Float(readonly=True, digits=(16, 6))
    lift = fields.Float(readonly=True, digits=(16, 4))
    rank = fields.Integer(readonly=True)

    _product_scope_idx = models.Index("(product_id, company_id, rank)")

    @api.model
    def _retail_scopes(self):
        """[(scope company or False, companies whose orders count)]: the chain
        (the companies sharing their customer file), then each company that
        keeps its file apart."""
        # sudo: the scopes are the whole chain's, whatever the cron's company
        Company = self.env["res.company"].sudo()
        own = Company.search([("retail_customer_file", "=", "own")])
        shared = Company.search([("retail_customer_file", "=", "shared")])
        scopes = [(False, shared)] if shared else []
        return scopes + [(company, company) for company in own]

    @api.model
    def _retail_basket_items_sql(self, companies, since):
        """SQL of the distinct (basket, product) of the till and sale order
        lines of ``companies`` since ``since``: a till order is a positive
        basket id, a sale order a negative one (so the two parts never share a
        basket and need no distinct of their union). Reward, down payment,
        note and returned lines do not count."""
        return SQL(
            """
            SELECT DISTINCT l.order_id AS basket, l.product_id
              FROM pos_order_line l
              JOIN pos_order o ON o.id = l.order_id
             WHERE o.state IN %(pos_states)s
               AND o.company_id = ANY(%(companies)s)
               AND o.date_order >= %(since)s
               AND l.qty > 0
               AND l.product_id IS NOT NULL
               AND NOT COALESCE(l.is_reward_line, FALSE)
            UNION ALL
            SELECT DISTINCT -l.order_id, l.product_id
              FROM sale_order_line l
              JOIN sale_order o ON o.id = l.order_id
             WHERE o.state = 'sale'
               AND o.company_id = ANY(%(companies)s)
               AND o.date_order >= %(since)s
               AND l.display_type IS NULL
               AND l.product_id IS NOT NULL
               AND l.product_uom_qty > 0
               AND NOT COALESCE(l.is_downpayment, FALSE)
               AND l.reward_id IS NULL
            """,
            pos_states=POS_SOLD_STATES,
            companies=companies.ids,
            since=since,
        )

    @api.model
    def _retail_scope_settings(self, scope, companies):
        """The settings of a scope: its company's, or for the chain those of
        its first company (the head office)."""
        company = scope or companies.sorted("id")[:1]
        return {
            "since": fields.Datetime.subtract(
                fields.Datetime.now(), days=company.retail_pair_days
            ),
            "min_count": company.retail_pair_min_count,
            "top_k": company.retail_pair_top_k,
        }

    @api.model
    def _retail_rebuild(self, scope, companies):
        """Recount the pairs and the best sellers of one scope (one company
        that keeps its file apart, or False for the chain), in SQL.

        :return: number of pairs kept
        """
        settings = self._retail_scope_settings(scope, companies)
        self.env.flush_all()
        self.env.execute_query(SQL("SET LOCAL work_mem = '256MB'"))
        self.env.execute_query(
            SQL(
                """
                CREATE TEMP TABLE IF NOT EXISTS retail_pair_items
                    (basket integer, product_id integer) ON COMMIT DROP;
                TRUNCATE retail_pair_items;
                INSERT INTO retail_pair_items %s;
                ANALYZE retail_pair_items
                """,
                self._retail_basket_items_sql(companies, settings["since"]),
            )
        )
        scope_id = scope.id if scope else None
        self._retail_delete_scope(scope_id)
        rows = self.env.execute_query(
            SQL(
                PAIRS_QUERY,
                min_count=settings["min_count"],
                top_k=settings["top_k"],
                scope=scope_id,
            )
        )
        self.env["retail.product.popularity"]._retail_rebuild(scope_id)
        self.invalidate_model()
        return len(rows)

    @api.model
    def _retail_delete_scope(self, scope_id):
        self.env.execute_query(
            SQL(
                "DELETE FROM retail_product_pair WHERE %s",
                SQL("company_id = %s", scope_id)
                if scope_id
                else SQL("company_id IS NULL"),
            )
        )

    @api.model
    def _cron_retail_rebuild(self):
        """Rebuild the pairs of every scope, one scope per transaction."""
        scopes = self._retail_scopes()
        Cron = self.env["ir.cron"]
        for index, (scope, companies) in enumerate(scopes):
            kept = self._retail_rebuild(scope, companies)
            _logger.info(
                "Products bought together of %s: %s pairs",
                scope.name if scope else "the chain",
                kept,
            )
            if not Cron._commit_progress(1, remaining=len(scopes) - index - 1):
                break

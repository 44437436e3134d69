# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL

# Best sellers kept per product category.
TOP_PER_CATEGORY = 20


class RetailProductPopularity(models.Model):
    """The best sellers of each product category (baskets that hold them),
    counted with the pairs (``retail.product.pair._retail_rebuild``) over the
    same baskets and scope: what the suggestions offer a customer in their
    favourite categories."""

    _name = "retail.product.popularity"
    _description = "Best Sellers per Category"
    _order = "categ_id, rank"
    _log_access = False

    company_id = fields.Many2one(
        "res.company",
        readonly=True,
        ondelete="cascade",
        help="Empty: the companies that share their customer file.",
    )
    product_id = fields.Many2one(
        "product.product", required=True, readonly=True, ondelete="cascade"
    )
    categ_id = fields.Many2one(
        "product.category", string="Category", readonly=True, ondelete="cascade"
    )
    basket_count = fields.Integer(string="Baskets", readonly=True)
    rank = fields.Integer(readonly=True)

    _categ_scope_idx = models.Index("(categ_id, company_id, rank)")

    @api.model
    def _retail_rebuild(self, scope_id):
        """Recount the best sellers of a scope from the baskets of the temporary
        table ``retail_pair_items`` filled by the pairs' rebuild."""
        self.env.execute_query(
            SQL(
                "DELETE FROM retail_product_popularity WHERE %s",
                SQL("company_id = %s", scope_id)
                if scope_id
                else SQL("company_id IS NULL"),
            )
        )
        self.env.execute_query(
            SQL(
                """
                WITH counted AS (
                    SELECT i.product_id, t.categ_id, count(*) AS baskets
                      FROM retail_pair_items i
                      JOIN product_product p ON p.id = i.product_id
                      JOIN product_template t ON t.id = p.product_tmpl_id
                     WHERE t.categ_id IS NOT NULL
                     GROUP BY i.product_id, t.categ_id
                ), ranked AS (
                    SELECT *, row_number() OVER (
                               PARTITION BY categ_id
                               ORDER BY baskets DESC, product_id
                           ) AS rank
                      FROM counted
                )
                INSERT INTO retail_product_popularity
                       (company_id, product_id, categ_id, basket_count, rank)
                SELECT %s, product_id, categ_id, baskets, rank
                  FROM ranked WHERE rank <= %s
                """,
                scope_id,
                TOP_PER_CATEGORY,
            )
        )
        self.invalidate_model()

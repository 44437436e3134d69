# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    """The settings of the suggestions at the till, per company."""

    _inherit = "res.company"

    retail_pair_days = fields.Integer(
        string="Bought-Together Period (days)",
        default=365,
        help="Till and sale order lines of this many days are read when the "
        "products bought together are counted.",
    )
    retail_pair_min_count = fields.Integer(
        string="Bought-Together Minimum Baskets",
        default=2,
        help="A pair of products is kept when it was bought together in at "
        "least this many baskets.",
    )
    retail_pair_top_k = fields.Integer(
        string="Bought-Together Products Kept",
        default=10,
        help="How many companion products are kept for each product, the "
        "strongest first (lift, then baskets).",
    )
    retail_suggest_recent_days = fields.Integer(
        string="Suggestions: Recent Purchases (days)",
        default=90,
        help="A product the customer bought within this many days is not "
        "suggested to them.",
    )

    _retail_pair_days_positive = models.Constraint(
        "CHECK(retail_pair_days > 0 AND retail_pair_days <= 3660)",
        "The bought-together period is between 1 and 3660 days.",
    )
    _retail_pair_min_count_positive = models.Constraint(
        "CHECK(retail_pair_min_count > 0)",
        "The minimum number of baskets of a pair must be positive.",
    )
    _retail_pair_top_k_range = models.Constraint(
        "CHECK(retail_pair_top_k > 0 AND retail_pair_top_k <= 100)",
        "Between 1 and 100 companion products are kept per product.",
    )
    _retail_suggest_recent_days_range = models.Constraint(
        "CHECK(retail_suggest_recent_days >= 0 AND retail_suggest_recent_days <= 3660)",
        "The recent purchases period is between 0 and 3660 days.",
    )

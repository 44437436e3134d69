# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class RetailPromotionExplanation(models.TransientModel):
    """The promotions of a sale order explained, rendered when asked (the
    sale_order_promotion_explanation template), not on each read of the order."""

    _name = "retail.promotion.explanation"
    _description = "Promotions Explained"

    order_id = fields.Many2one("sale.order", required=True, ondelete="cascade")
    explanation = fields.Html(
        string="Promotions Explained",
        compute="_compute_explanation",
        sanitize=False,
        help="The retail promotions that applied to the order, the lines they "
        "took and their discount, and those left out with the reason.",
    )

    @api.depends("order_id")
    def _compute_explanation(self):
        for wizard in self:
            wizard.explanation = wizard.order_id._retail_render_promotion_explanation()

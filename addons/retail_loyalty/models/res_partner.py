# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.fields import Domain


class ResPartner(models.Model):
    _inherit = "res.partner"

    retail_loyalty_card_ids = fields.One2many(
        "loyalty.card",
        "partner_id",
        string="Loyalty Cards",
        domain=[("program_id.retail_ledger", "=", True)],
    )
    retail_loyalty_points = fields.Float(
        string="Loyalty Points",
        compute="_compute_retail_loyalty",
        search="_search_retail_loyalty_points",
        help="Balance of the customer's retail loyalty cards.",
    )
    retail_loyalty_tier_id = fields.Many2one(
        "retail.loyalty.tier",
        string="Loyalty Tier",
        compute="_compute_retail_loyalty",
        search="_search_retail_loyalty_tier_id",
    )

    @api.depends_context("allowed_company_ids")
    def _compute_retail_loyalty(self):
        # sudo: the balance of the customer's cards of the companies the user
        # acts in (the card rules of these companies), not of other companies
        cards = (
            self.env["loyalty.card"]
            .sudo()
            .search_fetch(
                [
                    ("partner_id", "in", self.ids),
                    ("program_id.retail_ledger", "=", True),
                    ("company_id", "in", [*self.env.companies.ids, False]),
                ],
                ["partner_id", "points", "retail_tier_id"],
            )
        )
        points, tiers = {}, {}
        for card in cards:
            points[card.partner_id.id] = points.get(card.partner_id.id, 0.0) + (
                card.points
            )
            if card.retail_tier_id:
                tiers.setdefault(card.partner_id.id, card.retail_tier_id.id)
        for partner in self:
            partner.retail_loyalty_points = points.get(partner.id, 0.0)
            partner.retail_loyalty_tier_id = tiers.get(partner.id, False)

    @api.model
    def _search_retail_loyalty_points(self, operator, value):
        if operator not in ("=", "!=", "<", "<=", ">", ">="):
            return NotImplemented
        return Domain(
            "retail_loyalty_card_ids",
            "any",
            Domain("program_id.retail_ledger", "=", True)
            & Domain("points", operator, value),
        )

    @api.model
    def _search_retail_loyalty_tier_id(self, operator, value):
        return Domain(
            "retail_loyalty_card_ids",
            "any",
            Domain("program_id.retail_ledger", "=", True)
            & Domain("retail_tier_id", operator, value),
        )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools import float_repr


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _retail_clienteling_facts(self, config):
        """The customer's points (their retail loyalty cards of the companies
        the user acts in) and tier."""
        facts = super()._retail_clienteling_facts(config)
        points = self.retail_loyalty_points
        facts.append(
            {
                "key": "loyalty_points",
                "label": self.env._("Points"),
                "value": float_repr(points, 2).rstrip("0").rstrip("."),
            }
        )
        if self.retail_loyalty_tier_id:
            facts.append(
                {
                    "key": "loyalty_tier",
                    "label": self.env._("Tier"),
                    "value": self.retail_loyalty_tier_id.name,
                }
            )
        return facts

    def _retail_receipt_tiers(self):
        """The tiers of the customer's retail loyalty cards of the companies
        the user acts in (one per program), as ``"retail.loyalty.tier,id"``."""
        tiers = super()._retail_receipt_tiers()
        # sudo: the tiers of this customer's own cards, in the companies the
        # user acts in, read by the server to choose the order's receipt message
        cards = (
            self.env["loyalty.card"]
            .sudo()
            .search_fetch(
                [
                    ("partner_id", "=", self.id),
                    ("program_id.retail_ledger", "=", True),
                    ("company_id", "in", [*self.env.companies.ids, False]),
                    ("retail_tier_id", "!=", False),
                ],
                ["retail_tier_id"],
            )
        )
        return tiers | {
            f"retail.loyalty.tier,{tier.id}" for tier in cards.retail_tier_id
        }

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

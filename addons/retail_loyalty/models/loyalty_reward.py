# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class LoyaltyReward(models.Model):
    _inherit = "loyalty.reward"

    retail_tier_ids = fields.Many2many(
        "retail.loyalty.tier",
        string="Tiers",
        domain="[('program_id', '=', program_id)]",
        help="Only cards of these tiers may claim the reward (retail ledger "
        "programs). Empty: every card.",
    )

    @api.constrains("retail_tier_ids", "program_id")
    def _check_retail_tier_ids(self):
        for reward in self:
            if reward.retail_tier_ids.program_id - reward.program_id:
                raise ValidationError(
                    self.env._(
                        "Reward %(reward)s may only be limited to tiers of its own "
                        "program.",
                        reward=reward.description,
                    )
                )

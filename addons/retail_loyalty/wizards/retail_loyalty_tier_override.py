# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class RetailLoyaltyTierOverride(models.TransientModel):
    """Set the tier of cards by hand, with a reason (store managers)."""

    _name = "retail.loyalty.tier.override"
    _description = "Set a Loyalty Tier by Hand"

    card_ids = fields.Many2many("loyalty.card", string="Cards", required=True)
    program_id = fields.Many2one("loyalty.program", compute="_compute_program_id")
    tier_id = fields.Many2one(
        "retail.loyalty.tier", domain="[('program_id', '=', program_id)]"
    )
    reason = fields.Char(required=True)
    unlock = fields.Boolean(
        string="Back to Automatic",
        help="Let the scheduled job set the tier again instead.",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "loyalty.card":
            values["card_ids"] = [
                fields.Command.set(
                    self.env["retail.loyalty.adjust"]._retail_active_ids()
                )
            ]
        return values

    @api.depends("card_ids")
    def _compute_program_id(self):
        for wizard in self:
            wizard.program_id = wizard.card_ids.program_id[:1]

    def action_apply(self):
        self.ensure_one()
        if self.unlock:
            return self.card_ids.action_retail_unlock_tier()
        return self.card_ids.action_retail_set_tier(self.tier_id.id, self.reason)

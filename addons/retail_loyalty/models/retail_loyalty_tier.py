# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class RetailLoyaltyTier(models.Model):
    _name = "retail.loyalty.tier"
    _description = "Loyalty Tier"
    _order = "program_id, sequence, threshold, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    program_id = fields.Many2one(
        "loyalty.program", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="program_id.company_id", store=True)
    threshold = fields.Float(
        required=True,
        default=0.0,
        help="A card reaches the tier when its spend or points over the period "
        "reach this value.",
    )
    basis = fields.Selection(
        [("spend", "Amount spent"), ("points", "Points earned")],
        required=True,
        default="spend",
    )
    period_months = fields.Integer(
        string="Period (months)",
        default=12,
        help="Rolling period over which spend or points are counted.",
    )
    multiplier = fields.Float(
        default=1.0, help="Points earned by the tier's cards are multiplied by this."
    )
    receipt_message = fields.Char(
        translate=True, help="Printed on the POS receipt of the tier's customers."
    )

    _name_program_unique = models.Constraint(
        "UNIQUE(program_id, name)", "A program cannot have two tiers with this name."
    )

    @api.constrains("threshold", "multiplier", "period_months")
    def _check_values(self):
        for tier in self:
            if tier.threshold < 0 or tier.multiplier <= 0 or tier.period_months <= 0:
                raise ValidationError(
                    self.env._(
                        "Tier %(name)s: the threshold cannot be negative, the "
                        "multiplier and the period must be positive.",
                        name=tier.name,
                    )
                )

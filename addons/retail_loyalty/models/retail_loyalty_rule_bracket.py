# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class RetailLoyaltyRuleBracket(models.Model):
    """One amount band of a loyalty rule: from ``amount_from`` up to the next
    band, the order earns ``rate`` points per currency unit."""

    _name = "retail.loyalty.rule.bracket"
    _description = "Loyalty Rule Amount Bracket"
    _order = "rule_id, amount_from, id"

    rule_id = fields.Many2one(
        "loyalty.rule", required=True, ondelete="cascade", index=True
    )
    amount_from = fields.Float(
        string="From Amount",
        required=True,
        default=0.0,
        help="The band starts at this amount (tax included) and ends where the "
        "next band starts.",
    )
    rate = fields.Float(
        string="Points per Unit",
        required=True,
        default=1.0,
        help="Points earned per currency unit in this band.",
    )

    _rule_from_unique = models.Constraint(
        "UNIQUE(rule_id, amount_from)",
        "Two bands of a rule cannot start at the same amount.",
    )

    @api.constrains("amount_from", "rate")
    def _check_amounts(self):
        for bracket in self:
            if bracket.amount_from < 0 or bracket.rate < 0:
                raise ValidationError(
                    self.env._(
                        "A bracket starts at a positive amount and gives a positive "
                        "rate (band from %(start)s at %(rate)s).",
                        start=bracket.amount_from,
                        rate=bracket.rate,
                    )
                )

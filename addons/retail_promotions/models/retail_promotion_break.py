# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class RetailPromotionBreak(models.Model):
    """One quantity break of a "quantity breaks" promotion: from ``min_qty`` units
    of the group in the basket, every unit of the group gets ``discount`` %."""

    _name = "retail.promotion.break"
    _description = "Promotion Quantity Break"
    _order = "program_id, min_qty, id"

    program_id = fields.Many2one(
        "loyalty.program", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="program_id.company_id", store=True, index=True
    )
    min_qty = fields.Integer(
        string="From Units",
        required=True,
        default=10,
        help="Units of the group, in the whole basket, from which this break applies.",
    )
    discount = fields.Float(
        string="Discount (%)",
        required=True,
        help="Discount on every unit of the group once the break is reached.",
    )

    _program_qty_unique = models.Constraint(
        "UNIQUE(program_id, min_qty)",
        "Two breaks of a promotion cannot start at the same quantity.",
    )

    @api.constrains("min_qty", "discount")
    def _check_break(self):
        for qty_break in self:
            if qty_break.min_qty < 1 or not 0 < qty_break.discount <= 100:
                raise ValidationError(
                    self.env._(
                        "Promotion %(name)s: a quantity break starts at 1 unit or "
                        "more and gives a discount between 0 and 100 %% (break from "
                        "%(qty)s units at %(discount)s %%).",
                        name=qty_break.program_id.name,
                        qty=qty_break.min_qty,
                        discount=qty_break.discount,
                    )
                )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    retail_gift_registry_program_id = fields.Many2one(
        "loyalty.program",
        string="Gift List Credit Program",
        domain="[('program_type', 'in', ('gift_card', 'ewallet')),"
        " ('company_id', 'in', (id, False))]",
        help="Native gift card or eWallet program on which the owners of a settled "
        "gift list receive their credit (contributions, gifts not taken, bonus).",
    )
    retail_gift_registry_bonus_percent = fields.Float(
        string="Gift List Closing Bonus (%)",
        help="Percentage of the total bought on a list that the chain adds to the "
        "owners' credit when the list is settled (0: no bonus).",
    )
    retail_gift_registry_discount_percent = fields.Float(
        string="Discount on Unbought Items (%)",
        help="Discount offered to the owners on the items nobody bought.",
    )
    retail_gift_registry_discount_days = fields.Integer(
        string="Discount Offer Days",
        default=60,
        help="How many days after settlement the owners may buy the unbought items "
        "at the discount.",
    )

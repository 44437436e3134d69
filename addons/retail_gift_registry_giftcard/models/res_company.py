# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    retail_gift_registry_giftcard_series_id = fields.Many2one(
        "retail.giftcard.series",
        string="Gift List Credit Series",
        check_company=True,
        help="Gift card series on which the owners of a settled gift list are "
        "credited (instead of the native program).",
    )
    retail_gift_registry_giftcard_account_id = fields.Many2one(
        "account.account",
        string="Gift List Credit Account",
        check_company=True,
        help="Debited when the contributions and the gifts the owners do not take "
        "are loaded on their gift card (the gift card liability is credited).",
    )
    retail_gift_registry_bonus_account_id = fields.Many2one(
        "account.account",
        string="Gift List Bonus Account",
        check_company=True,
        help="Expense debited when the closing bonus is loaded on the owners' "
        "gift card.",
    )

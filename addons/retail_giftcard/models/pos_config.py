# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PosConfig(models.Model):
    _inherit = "pos.config"

    retail_giftcard_offline_card_cap = fields.Monetary(
        string="Offline Gift Card Cap per Card",
        currency_field="currency_id",
        help="Most a gift card may pay in one order while the till cannot reach "
        "the server (0: no gift card payment offline).",
    )
    retail_giftcard_offline_till_cap = fields.Monetary(
        string="Offline Gift Card Cap per Till",
        currency_field="currency_id",
        help="Most the till may take in gift card payments made offline during one "
        "session.",
    )

    _retail_giftcard_offline_caps_check = models.Constraint(
        "CHECK(retail_giftcard_offline_card_cap >= 0 "
        "AND retail_giftcard_offline_till_cap >= 0)",
        "Offline gift card caps cannot be negative.",
    )

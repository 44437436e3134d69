# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PosConfig(models.Model):
    _inherit = "pos.config"

    retail_loyalty_offline_card_cap = fields.Float(
        string="Offline Points Cap per Card",
        digits=(16, 2),
        help="Most points a loyalty card of a retail ledger program may spend in "
        "one order while the till cannot reach the server (0: no points spent "
        "offline).",
    )
    retail_loyalty_offline_till_cap = fields.Float(
        string="Offline Points Cap per Till",
        digits=(16, 2),
        help="Most points the till may take from loyalty cards in orders validated "
        "offline during one session.",
    )

    _retail_loyalty_offline_caps_check = models.Constraint(
        "CHECK(retail_loyalty_offline_card_cap >= 0 "
        "AND retail_loyalty_offline_till_cap >= 0)",
        "Offline points caps cannot be negative.",
    )

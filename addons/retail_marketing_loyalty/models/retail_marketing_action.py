# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RetailMarketingAction(models.Model):
    _inherit = "retail.marketing.action"

    kind = fields.Selection(
        selection_add=[
            ("notice", "Loyalty Notices"),
            ("points", "Points Load"),
        ],
        ondelete={"notice": "cascade", "points": "cascade"},
    )

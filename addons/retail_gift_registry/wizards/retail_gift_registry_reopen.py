# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RetailGiftRegistryReopen(models.TransientModel):
    _name = "retail.gift.registry.reopen"
    _description = "Reopen a Settled Gift List"

    registry_ids = fields.Many2many(
        "retail.gift.registry", string="Gift Lists", required=True
    )
    reason = fields.Text(
        required=True,
        help="Why the settled list is reopened: kept in its chatter; settling "
        "it again credits or takes back the difference.",
    )

    def action_reopen(self):
        self.ensure_one()
        self.registry_ids.action_reopen(reason=self.reason)
        return {"type": "ir.actions.act_window_close"}

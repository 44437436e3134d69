# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RetailGiftcardBlock(models.TransientModel):
    _name = "retail.giftcard.block"
    _description = "Block a Gift Card"

    card_id = fields.Many2one(
        comodel_name="loyalty.card", required=True, ondelete="cascade"
    )
    series_id = fields.Many2one(related="card_id.retail_series_id")
    reason = fields.Text(required=True)
    target_card_id = fields.Many2one(
        comodel_name="loyalty.card",
        string="Move Balance To",
        domain="[('retail_series_id', '=', series_id), "
        "('retail_state', 'in', ('inactive', 'active')), ('id', '!=', card_id)]",
        help="A new card of the same series that receives the blocked card's balance.",
    )

    def action_block(self):
        self.ensure_one()
        if self.card_id.retail_state != "blocked":
            self.card_id.action_retail_block(self.reason)
        if self.target_card_id:
            self.card_id.action_retail_transfer(self.target_card_id, self.reason)
        return {"type": "ir.actions.act_window_close"}

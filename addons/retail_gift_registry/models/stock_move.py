# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class StockMove(models.Model):
    _inherit = "stock.move"

    def _action_done(self, cancel_backorder=False):
        returns = self.filtered(
            lambda move: move.origin_returned_move_id and move.sale_line_id
        )
        if returns:
            returns.sale_line_id.gift_registry_id._check_refundable()
        return super()._action_done(cancel_backorder=cancel_backorder)

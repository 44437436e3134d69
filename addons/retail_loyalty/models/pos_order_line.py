# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PosOrderLine(models.Model):
    _inherit = "pos.order.line"

    retail_loyalty_offline = fields.Boolean(
        string="Points Spent Offline",
        readonly=True,
        help="Reward line of an order the till validated while it could not reach "
        "the server: its points were capped by the store's offline caps and are "
        "debited when the order syncs, even beyond the card's balance.",
    )

    @api.model
    def _retail_till_fields(self):
        return super()._retail_till_fields() | {"retail_loyalty_offline"}

    @api.model
    def _load_pos_data_fields(self, config):
        return [*super()._load_pos_data_fields(config), "retail_loyalty_offline"]

    def _retail_loyalty_returned_amount(self):
        """Amount of the refunded line that this refund line gives back, from the
        server's figures of the refunded line (never more than it was sold for):
        the refund's own price is the till's."""
        self.ensure_one()
        original = self.refunded_orderline_id
        if not original.qty:
            return 0.0
        share = min(abs(self.qty), abs(original.qty)) / abs(original.qty)
        return abs(original._retail_amount()) * share

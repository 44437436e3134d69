# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .pos_config_clienteling import MAX_ID

MAX_SHOWN = 100


class PosOrder(models.Model):
    """What the till's suggestions leave on an order: the products shown (the
    lines added from one are marked on the line)."""

    _inherit = "pos.order"

    retail_suggestions_shown = fields.Json(
        string="Suggestions Shown",
        copy=False,
        help="Ids of the products the till suggested while this order was open.",
    )

    # the customer's last purchases, read by the till's panel
    _retail_partner_date_idx = models.Index(
        "(partner_id, date_order DESC) WHERE partner_id IS NOT NULL"
    )

    @api.model
    def _retail_till_fields(self):
        return super()._retail_till_fields() | {"retail_suggestions_shown"}

    def _process_order(self, order, existing_order):
        self._retail_clean_suggestions(order)
        return super()._process_order(order, existing_order)

    @api.model
    def _retail_clean_suggestions(self, order):
        """Keep only well-formed suggestion data of a till's order (in place):
        the products shown as a list of ids, each line's source one of ours."""
        if "retail_suggestions_shown" in order:
            shown = order["retail_suggestions_shown"]
            ids = [
                value
                for value in (shown if isinstance(shown, list) else [])
                if isinstance(value, int)
                and not isinstance(value, bool)
                and 0 < value <= MAX_ID
            ]
            order["retail_suggestions_shown"] = list(dict.fromkeys(ids))[:MAX_SHOWN]
        Line = self.env["pos.order.line"]
        for vals in self._retail_command_values(order.get("lines")):
            Line._retail_clean_suggestion_values(vals)

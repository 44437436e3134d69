# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    retail_loyalty_done = fields.Boolean(
        copy=False,
        readonly=True,
        help="Technical: the loyalty points of the orders this credit note "
        "refunds were given back.",
    )

    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        posted.filtered(
            lambda move: move.move_type == "out_refund" and not move.retail_loyalty_done
        )._retail_loyalty_return()
        return posted

    def _retail_loyalty_return(self):
        """A credit note of sale order lines gives back the points of those
        orders in proportion to the amount credited, once per credit note."""
        OrderPoints = self.env["retail.loyalty.order.points"]
        for move in self:
            returned = defaultdict(float)
            for line in move.invoice_line_ids:
                sale_lines = line.sale_line_ids.filtered(
                    lambda sale_line: not sale_line.is_reward_line
                )
                if sale_lines:
                    returned[sale_lines[0].order_id] += abs(line.price_total)
            if not returned:
                continue
            orders = self.env["sale.order"].browse([order.id for order in returned])
            rows = OrderPoints._retail_rows_of(orders)
            rows._retail_return(
                {row: returned[orders.browse(row.order_id)] for row in rows},
                {
                    "order_model": move._name,
                    "order_id": move.id,
                    "order_ref": move.display_name,
                    "store_id": False,
                },
            )
        self.retail_loyalty_done = True

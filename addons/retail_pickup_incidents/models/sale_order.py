# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _retail_pickup_expired(self):
        """One incident per reservation whose hold ended, for the companies
        with an active *Reservation not collected* rule."""
        res = super()._retail_pickup_expired()
        self.env["retail.incident"]._retail_raise_incident(
            "pickup_expired",
            self,
            [
                {
                    "pick-up store": order.retail_pickup_warehouse_id.name,
                    "held until": str(order.retail_pickup_hold_until),
                }
                for order in self
            ],
            [{"hold ended with": order.retail_pickup_end or ""} for order in self],
        )
        return res

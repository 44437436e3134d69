# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class PosOrder(models.Model):
    _name = "pos.order"
    _inherit = ["pos.order", "retail.kpi.order.mixin"]

    def action_pos_order_paid(self):
        res = super().action_pos_order_paid()
        self._retail_kpi_count()
        return res

    def write(self, vals):
        res = super().write(vals)
        if vals.get("state") == "cancel":
            self._retail_kpi_uncount()
        return res

    def _retail_kpi_countable(self):
        return super()._retail_kpi_countable().filtered(lambda o: o.state != "cancel")

    def _retail_kpi_fact(self):
        self.ensure_one()
        rate = self.currency_rate or 1.0
        return {
            "partner_id": self.partner_id.commercial_partner_id.id,
            "date": self.date_order,
            "amount": self.company_id.currency_id.round(
                self._retail_server_total() / rate
            ),
            "count": 0 if self.is_refund or self._retail_server_total() < 0 else 1,
            "channel_id": self.retail_channel_id.id,
            "store_id": self.config_id.id,
            "categories": self._retail_kpi_categories(
                (line, line._retail_amount() / rate) for line in self.lines
            ),
        }

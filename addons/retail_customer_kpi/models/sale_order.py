# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "retail.kpi.order.mixin"]

    def action_confirm(self):
        res = super().action_confirm()
        self._retail_kpi_count()
        return res

    def _action_cancel(self):
        res = super()._action_cancel()
        self._retail_kpi_uncount()
        return res

    def _retail_kpi_countable(self):
        return super()._retail_kpi_countable().filtered(lambda o: o.state == "sale")

    def _retail_kpi_fact(self):
        self.ensure_one()
        company = self.company_id

        def to_company(amount):
            return self.currency_id._convert(
                amount, company.currency_id, company, self.date_order
            )

        lines = self.order_line.filtered(lambda ln: not ln.display_type)
        return {
            "partner_id": self.partner_id.commercial_partner_id.id,
            "date": self.date_order,
            "amount": to_company(self.amount_total),
            "count": 1,
            "channel_id": self.retail_channel_id.id,
            "store_id": False,
            "categories": self._retail_kpi_categories(
                (line, to_company(line.price_total)) for line in lines
            ),
        }

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "retail.incident.linked.mixin"]

    retail_incident_ids = fields.Many2many(
        "retail.incident",
        relation="retail_incident_sale_order_rel",
        column1="sale_order_id",
        column2="incident_id",
        string="Incidents",
        copy=False,
    )
    retail_was_confirmed = fields.Boolean(copy=False, readonly=True)

    def _action_confirm(self):
        result = super()._action_confirm()
        self.write({"retail_was_confirmed": True})
        return result

    def _action_cancel(self):
        confirmed = self.filtered(lambda o: o.state == "sale")
        before = [
            {"state": "sale", "amount_total": order.amount_total} for order in confirmed
        ]
        result = super()._action_cancel()
        self.env["retail.incident"]._retail_raise_incident(
            "sale_cancel",
            confirmed,
            before,
            [{"state": "cancel", "amount_total": 0.0} for _order in confirmed],
        )
        return result

    def unlink(self):
        # A draft that was never confirmed has no customer impact.
        confirmed = self.filtered("retail_was_confirmed")
        self.env["retail.incident"]._retail_raise_incident(
            "sale_unlink",
            confirmed,
            [
                {
                    "order": order.name,
                    "state": order.state,
                    "amount_total": order.amount_total,
                }
                for order in confirmed
            ],
            [{"order": order.name, "state": "deleted"} for order in confirmed],
        )
        return super().unlink()

    def _retail_incident_place(self):
        return {"warehouse_id": self.warehouse_id.id}

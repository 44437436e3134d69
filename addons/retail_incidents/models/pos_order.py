# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.fields import Domain


class PosOrder(models.Model):
    _name = "pos.order"
    _inherit = ["pos.order", "retail.incident.linked.mixin"]

    retail_incident_ids = fields.Many2many(
        "retail.incident",
        relation="retail_incident_pos_order_rel",
        column1="pos_order_id",
        column2="incident_id",
        string="Incidents",
        copy=False,
    )

    @api.model
    def sync_from_ui(self, orders):
        result = super().sync_from_ui(orders)
        # the orders stored with refund lines are those sent with them
        uuids = [
            order["uuid"]
            for order in orders
            if order.get("uuid") and self._retail_refund_lines_sent(order)
        ]
        if uuids:
            refunds = self.search(
                Domain("uuid", "in", uuids)
                & Domain("state", "in", ["paid", "done", "invoiced"])
                & Domain("lines.refunded_orderline_id", "!=", False)
            )
            refunds._retail_raise_refund_incident()
        return result

    @api.model
    def _retail_refund_lines_sent(self, order):
        """Whether a till's order dict has lines that refund a sold line."""
        return any(
            vals.get("refunded_orderline_id")
            for vals in self._retail_command_values(order.get("lines"))
        )

    def _refund(self):
        refunds = super()._refund()
        refunds._retail_raise_refund_incident()
        return refunds

    def _retail_raise_refund_incident(self):
        """One incident per refund order, once (an order may sync twice)."""
        if not self:
            return
        done = (
            self.env["retail.incident"]
            .sudo()
            .search(
                Domain("event_code", "=", "pos_refund")
                & Domain("pos_order_ids", "in", self.ids)
            )
        )
        refunds = self - done.pos_order_ids
        before, after = [], []
        for refund in refunds:
            seen = set()
            values_before, values_after = {}, {}
            for line in refund.lines.filtered("refunded_orderline_id"):
                key = refund._retail_line_key(line, seen)
                sold = line.refunded_orderline_id.qty
                values_before[key] = sold
                values_after[key] = sold + line.qty
            before.append(values_before)
            after.append({**values_after, "amount_refunded": -refund.amount_total})
        self.env["retail.incident"]._retail_raise_incident(
            "pos_refund",
            refunds,
            before,
            after,
            related=[r.lines.refunded_orderline_id.order_id for r in refunds],
        )

    def _retail_report_till_issue(self, issues):
        res = super()._retail_report_till_issue(issues)
        self._retail_raise_till_amounts_incident(issues)
        return res

    def _retail_raise_till_amounts_incident(self, issues):
        """One incident for the store per order whose figures the server
        corrected, once (an order may sync twice), with what the till sent and
        what the server computed."""
        if not self:
            return self.env["retail.incident"]
        # sudo: whether the system already raised it, whoever syncs the order
        done = (
            self.env["retail.incident"]
            .sudo()
            .search(
                Domain("event_code", "=", "till_amounts")
                & Domain("pos_order_ids", "in", self.ids)
            )
        )
        orders = self - done.pos_order_ids
        text = "\n".join(issues)
        return self.env["retail.incident"]._retail_raise_incident(
            "till_amounts",
            orders,
            [{} for _order in orders],
            [{"issues": text} for _order in orders],
            details=[text for _order in orders],
        )

    def _retail_incident_place(self):
        return {
            "pos_config_id": self.config_id.id,
            "warehouse_id": self.config_id.warehouse_id.id,
        }

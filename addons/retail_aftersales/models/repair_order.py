# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from .product_template import SERVICE_TYPES

# The retail steps of a service and the native repair states they map onto.
STAGES = [
    ("received", "Received"),
    ("workshop", "In the workshop"),
    ("ready", "Ready"),
    ("collected", "Collected"),
    ("cancelled", "Cancelled"),
]
STAGE_OF_STATE = {
    "draft": "received",
    "confirmed": "received",
    "under_repair": "workshop",
    "done": "ready",
    "cancel": "cancelled",
}


class RepairOrder(models.Model):
    _inherit = "repair.order"

    retail_service_type = fields.Selection(
        SERVICE_TYPES, string="Service type", readonly=True, index=True, copy=False
    )
    retail_sold_pos_line_id = fields.Many2one(
        "pos.order.line",
        string="Sold on till line",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    retail_sold_sale_line_id = fields.Many2one(
        "sale.order.line",
        string="Sold on order line",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    retail_purchase_date = fields.Date(
        string="Purchase date", readonly=True, copy=False
    )
    retail_warranty_until = fields.Date(
        string="Warranty until", readonly=True, copy=False
    )
    retail_pos_config_id = fields.Many2one(
        "pos.config", string="Store", readonly=True, copy=False, index="btree_not_null"
    )
    retail_promised_date = fields.Date(string="Promised for", copy=False, index=True)
    retail_stage = fields.Selection(
        STAGES,
        string="Service step",
        compute="_compute_retail_stage",
        store=True,
        index=True,
    )
    retail_is_late = fields.Boolean(
        string="Late",
        compute="_compute_retail_is_late",
        search="_search_retail_is_late",
    )
    retail_received_date = fields.Datetime(
        string="Received on", readonly=True, copy=False
    )
    retail_received_uid = fields.Many2one(
        "res.users", "Received by", readonly=True, copy=False
    )
    retail_workshop_date = fields.Datetime(
        string="In the workshop since", readonly=True, copy=False
    )
    retail_workshop_uid = fields.Many2one(
        "res.users", "Sent to the workshop by", readonly=True, copy=False
    )
    retail_ready_date = fields.Datetime(string="Ready on", readonly=True, copy=False)
    retail_ready_uid = fields.Many2one(
        "res.users", "Made ready by", readonly=True, copy=False
    )
    retail_collected_date = fields.Datetime(
        string="Collected on", readonly=True, copy=False
    )
    retail_collected_uid = fields.Many2one(
        "res.users", "Handed over by", readonly=True, copy=False
    )
    retail_collected_pos_order_id = fields.Many2one(
        "pos.order", string="Collected with", readonly=True, copy=False
    )
    retail_cancelled_date = fields.Datetime(
        string="Cancelled on", readonly=True, copy=False
    )
    retail_cancelled_uid = fields.Many2one(
        "res.users", "Cancelled by", readonly=True, copy=False
    )
    retail_amount_total = fields.Monetary(
        string="Service price",
        related="sale_order_id.amount_total",
        currency_field="retail_currency_id",
    )
    retail_amount_due = fields.Monetary(
        string="Left to pay",
        related="sale_order_id.amount_unpaid",
        currency_field="retail_currency_id",
    )
    retail_currency_id = fields.Many2one(related="company_id.currency_id")

    @api.depends("state", "retail_collected_date")
    def _compute_retail_stage(self):
        for repair in self:
            if repair.retail_collected_date:
                repair.retail_stage = "collected"
            else:
                repair.retail_stage = STAGE_OF_STATE.get(repair.state, "received")

    def _retail_late_domain(self):
        return (
            Domain("retail_service_type", "!=", False)
            & Domain("retail_stage", "in", ("received", "workshop"))
            & Domain("retail_promised_date", "<", fields.Date.context_today(self))
        )

    @api.depends("retail_stage", "retail_promised_date")
    def _compute_retail_is_late(self):
        today = fields.Date.context_today(self)
        for repair in self:
            repair.retail_is_late = bool(
                repair.retail_service_type
                and repair.retail_stage in ("received", "workshop")
                and repair.retail_promised_date
                and repair.retail_promised_date < today
            )

    def _search_retail_is_late(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        late = self._retail_late_domain()
        return late if (operator == "in") == (True in value) else ~late

    def write(self, vals):
        res = super().write(vals)
        if "state" in vals:
            self.filtered("retail_service_type")._retail_stamp_step()
        return res

    def _retail_stamp_step(self):
        """Record when and by whom each step of a service was reached."""
        now = fields.Datetime.now()
        for repair in self:
            step = STAGE_OF_STATE.get(repair.state)
            if step not in ("received", "workshop", "ready", "cancelled"):
                continue
            if repair[f"retail_{step}_date"]:
                continue
            # sudo: the dates are read-only for users; the step itself was just
            # written with the user's rights.
            repair.sudo().write(
                {f"retail_{step}_date": now, f"retail_{step}_uid": self.env.uid}
            )

    def _retail_check_collectable(self):
        """Refuse to hand over a service that is not ready or already handed over."""
        for repair in self:
            if repair.retail_stage == "collected":
                raise UserError(
                    self.env._(
                        "Service %(name)s was already collected on %(date)s.",
                        name=repair.name,
                        date=fields.Datetime.to_string(repair.retail_collected_date),
                    )
                )
            if repair.retail_stage != "ready":
                raise UserError(
                    self.env._(
                        "Service %(name)s is not ready to be collected (%(step)s).",
                        name=repair.name,
                        step=dict(
                            self._fields["retail_stage"]._description_selection(
                                self.env
                            )
                        )[repair.retail_stage],
                    )
                )

    def _retail_collect(self, pos_order=None):
        """Close the services: handed over to the customer (after the checks)."""
        self._retail_check_collectable()
        # sudo: the caller checked the cashier's till and company and that the
        # service is ready; the collection fields are read-only for users.
        self.sudo().write(
            {
                "retail_collected_date": fields.Datetime.now(),
                "retail_collected_uid": self.env.uid,
                "retail_collected_pos_order_id": pos_order.id if pos_order else False,
            }
        )
        for repair in self:
            # sudo: as above; cashiers only read services, the note is the system's.
            repair.sudo().message_post(
                body=self.env._(
                    "Collected by the customer (%(user)s).", user=self.env.user.name
                )
            )

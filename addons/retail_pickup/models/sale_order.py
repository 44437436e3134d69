# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

PICKUP_STATES = [
    ("waiting", "Waiting for the goods"),
    ("ready", "Ready for pick-up"),
    ("collected", "Collected"),
    ("released", "Released"),
    ("cancelled", "Cancelled"),
]


class SaleOrder(models.Model):
    """A reservation held in a store: the order's delivery leaves from its
    pick-up store, and the customer is told once when it is ready there."""

    _name = "sale.order"
    _inherit = ["sale.order", "retail.pickup.notify.mixin"]

    retail_pickup_warehouse_id = fields.Many2one(
        "stock.warehouse",
        string="Pick-up Store",
        domain="[('retail_pickup_store', '=', True)]",
        check_company=True,
        index="btree_not_null",
        copy=False,
        tracking=True,
        help="The store where the customer collects the order; the delivery "
        "leaves from its warehouse.",
    )
    retail_pickup_state = fields.Selection(
        PICKUP_STATES,
        string="Pick-up",
        compute="_compute_retail_pickup_state",
        store=True,
        index="btree_not_null",
    )
    retail_pickup_ready_date = fields.Datetime(
        string="Ready On",
        readonly=True,
        copy=False,
        help="When the goods were ready at the store and the customer was told "
        "(once: a delivery ready again sends nothing more).",
    )
    retail_pickup_hold_until = fields.Date(
        string="Held Until", readonly=True, copy=False
    )
    retail_pickup_remind_on = fields.Date(
        string="Reminder On",
        compute="_compute_retail_pickup_remind_on",
        store=True,
    )
    retail_pickup_reminder_date = fields.Datetime(
        string="Reminded On", readonly=True, copy=False
    )
    retail_pickup_end = fields.Selection(
        [("release", "Released"), ("cancel", "Cancelled")],
        string="Hold Ended With",
        readonly=True,
        copy=False,
    )
    retail_pickup_message_ids = fields.One2many(
        "retail.pickup.message", "order_id", string="Pick-up Messages", readonly=True
    )

    @api.depends("retail_pickup_warehouse_id")
    def _compute_warehouse_id(self):
        res = super()._compute_warehouse_id()
        for order in self:
            store = order.retail_pickup_warehouse_id
            if store and order.state in ("draft", "sent"):
                order.warehouse_id = store
        return res

    @api.depends(
        "retail_pickup_warehouse_id",
        "retail_pickup_ready_date",
        "retail_pickup_end",
        "state",
        "delivery_status",
    )
    def _compute_retail_pickup_state(self):
        for order in self:
            order.retail_pickup_state = order._retail_pickup_state_now()

    def _retail_pickup_state_now(self):
        self.ensure_one()
        if not self.retail_pickup_warehouse_id:
            return False
        if self.state == "cancel" or self.retail_pickup_end == "cancel":
            return "cancelled"
        if self.delivery_status == "full":
            return "collected"
        if self.retail_pickup_end == "release":
            return "released"
        return "ready" if self.retail_pickup_ready_date else "waiting"

    @api.depends(
        "retail_pickup_hold_until",
        "retail_pickup_warehouse_id.retail_pickup_reminder_days",
    )
    def _compute_retail_pickup_remind_on(self):
        for order in self:
            days = order.retail_pickup_warehouse_id.retail_pickup_reminder_days
            until = order.retail_pickup_hold_until
            order.retail_pickup_remind_on = (
                until - timedelta(days=days) if until and days else False
            )

    @api.constrains("retail_pickup_warehouse_id", "warehouse_id")
    def _check_retail_pickup_warehouse(self):
        for order in self.filtered("retail_pickup_warehouse_id"):
            store = order.retail_pickup_warehouse_id
            if not store.retail_pickup_store:
                raise ValidationError(
                    self.env._(
                        "%(store)s is not a pick-up store: tick Pick-up Store on "
                        "its warehouse first.",
                        store=store.name,
                    )
                )
            if order.warehouse_id != store:
                raise ValidationError(
                    self.env._(
                        "The delivery of %(order)s leaves from %(warehouse)s, not "
                        "from its pick-up store %(store)s.",
                        order=order.name,
                        warehouse=order.warehouse_id.name or "-",
                        store=store.name,
                    )
                )

    # Readiness ------------------------------------------------------------

    def _retail_pickup_deliveries(self):
        """The open deliveries of the order that leave from its pick-up store."""
        self.ensure_one()
        store = self.retail_pickup_warehouse_id
        return self.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing"
            and p.picking_type_id.warehouse_id == store
            and p.state not in ("done", "cancel")
        )

    def _retail_pickup_check_ready(self):
        """Tell the customers of these orders whose delivery at the pick-up
        store is ready (state Ready), once per order: an order already told
        is skipped. The messages are queued (SMS queue, mail queue) and sent
        after the transaction commits, so a rolled-back or retried transaction
        sends nothing twice."""
        orders = self.filtered(
            lambda o: o.retail_pickup_warehouse_id
            and o.state == "sale"
            and not o.retail_pickup_ready_date
            and not o.retail_pickup_end
            and any(p.state == "assigned" for p in o._retail_pickup_deliveries())
        )
        if not orders:
            return self.browse()
        orders._retail_pickup_mark_ready()
        orders._retail_pickup_send("ready", "system")
        return orders

    def _retail_pickup_mark_ready(self):
        now = fields.Datetime.now()
        today = fields.Date.context_today(self)
        for order in self:
            days = order.retail_pickup_warehouse_id.retail_pickup_hold_days
            order.write(
                {
                    "retail_pickup_ready_date": now,
                    "retail_pickup_hold_until": today + timedelta(days=days),
                }
            )

    # Messages ---------------------------------------------------------------

    def _retail_pickup_text(self, kind):
        """(subject, text) of the message of ``kind`` in the customer's
        language."""
        self.ensure_one()
        order = self.with_context(lang=self.partner_id.lang or self.env.lang)
        env = order.env
        store = order.retail_pickup_warehouse_id
        values = {
            "customer": order.partner_id.name or "",
            "order": order.name,
            "store": store.name,
            "address": store._retail_pickup_address() or "-",
            "hours": store.retail_pickup_opening_hours or "-",
            "until": format_date(env, order.retail_pickup_hold_until) or "-",
        }
        if kind == "reminder":
            subject = env._("Your order %(order)s is waiting for you", **values)
            text = env._(
                "Hello %(customer)s, your order %(order)s is waiting for you at "
                "%(store)s (%(address)s) until %(until)s. Opening hours: %(hours)s.",
                **values,
            )
        else:
            subject = env._("Your order %(order)s is ready for pick-up", **values)
            text = env._(
                "Hello %(customer)s, your order %(order)s is ready for pick-up at "
                "%(store)s (%(address)s). Opening hours: %(hours)s. We hold it "
                "for you until %(until)s.",
                **values,
            )
        return subject, text

    def _retail_pickup_log_values(self, kind, source, config):
        self.ensure_one()
        return {
            "order_id": self.id,
            "partner_id": self.partner_id.id,
            "warehouse_id": self.retail_pickup_warehouse_id.id,
            "pos_config_id": config.id if config else False,
            "user_id": self.env.uid,
            "source": source,
            "kind": kind,
        }

    # Sends by hand ----------------------------------------------------------

    def _retail_pickup_check_sendable(self):
        """Refuse, naming them, the orders that are not reservations ready at
        their store (nothing is written)."""
        wrong = self.filtered(
            lambda o: o.retail_pickup_state not in ("ready", "waiting")
            or (
                o.retail_pickup_state == "waiting"
                and not any(
                    p.state == "assigned" for p in o._retail_pickup_deliveries()
                )
            )
        )
        if wrong:
            raise UserError(
                self.env._(
                    "Only reservations whose goods are ready at their pick-up "
                    "store can be announced: %(orders)s.",
                    orders=", ".join(wrong.mapped("name")),
                )
            )

    def action_retail_pickup_send(self):
        """Send the pick-up message of these reservations again (the order's
        button, the list's action); returns a notification of the outcome."""
        if not self:
            raise UserError(self.env._("Select the reservations to announce."))
        self.check_access("write")
        self._retail_pickup_check_sendable()
        self.filtered(
            lambda o: not o.retail_pickup_ready_date
        )._retail_pickup_mark_ready()
        result = self._retail_pickup_send("manual", "back_office")
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Pick-up messages"),
                "message": self._retail_pickup_summary(result),
                "type": "success" if result["sent"] else "warning",
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    @api.model
    def _retail_pickup_summary(self, result):
        return self.env._(
            "Told: %(sent)s. To call: %(to_call)s. Not told (personal data "
            "erased): %(anonymised)s.",
            sent=len(result["sent"]),
            to_call=len(result["to_call"]),
            anonymised=len(result["anonymised"]),
        )

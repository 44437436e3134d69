# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields, models
from odoo.tools import format_date


class RepairOrder(models.Model):
    """A finished service is announced like a ready reservation: the customer
    is told once, by SMS and/or email, where and when to collect it."""

    _name = "repair.order"
    _inherit = ["repair.order", "retail.pickup.notify.mixin"]

    retail_pickup_told_date = fields.Datetime(
        string="Customer Told On",
        readonly=True,
        copy=False,
        help="When the customer was told that the service is ready (once: a "
        "service ready again sends nothing more).",
    )
    retail_pickup_hold_until = fields.Date(
        string="Held Until",
        readonly=True,
        copy=False,
        help="Given to the customer when the store is a pick-up store with hold days.",
    )
    retail_pickup_message_ids = fields.One2many(
        "retail.pickup.message", "repair_id", string="Pick-up Messages", readonly=True
    )

    def _retail_stamp_step(self):
        res = super()._retail_stamp_step()
        self._retail_pickup_tell_ready()
        return res

    def _retail_pickup_store(self):
        """The store where the customer collects the service."""
        self.ensure_one()
        return (
            self.picking_type_id.warehouse_id
            or self.retail_pos_config_id.picking_type_id.warehouse_id
        )

    def _retail_pickup_tell_ready(self):
        """Tell the customers of these services that are ready, once per
        service: a service already told is skipped. The messages are queued
        (SMS queue, mail queue) and sent after the transaction commits, so a
        rolled-back or retried transaction sends nothing twice."""
        services = self.filtered(
            lambda r: r.retail_service_type
            and r.retail_stage == "ready"
            and r.partner_id
            and not r.retail_pickup_told_date
        )
        if not services:
            return self.browse()
        services._retail_pickup_mark_told()
        services._retail_pickup_send("ready", "system")
        return services

    def _retail_pickup_mark_told(self):
        now = fields.Datetime.now()
        today = fields.Date.context_today(self)
        for service in self:
            store = service._retail_pickup_store()
            days = store.retail_pickup_store and store.retail_pickup_hold_days
            # sudo: the marker is read-only for users; the service was just
            # made ready with the user's rights.
            service.sudo().write(
                {
                    "retail_pickup_told_date": now,
                    "retail_pickup_hold_until": (
                        today + timedelta(days=days) if days else False
                    ),
                }
            )

    def _retail_pickup_text(self, kind):
        """(subject, text) of the ready message in the customer's language."""
        self.ensure_one()
        service = self.with_context(lang=self.partner_id.lang or self.env.lang)
        env = service.env
        store = service._retail_pickup_store()
        values = {
            "customer": service.partner_id.name or "",
            "service": service.name,
            "store": store.name or "-",
            "address": (store and store._retail_pickup_address()) or "-",
            "hours": store.retail_pickup_opening_hours or "-",
            "until": format_date(env, service.retail_pickup_hold_until) or "-",
        }
        subject = env._("Your service %(service)s is ready for pick-up", **values)
        if service.retail_pickup_hold_until:
            text = env._(
                "Hello %(customer)s, your service %(service)s is ready for pick-up "
                "at %(store)s (%(address)s). Opening hours: %(hours)s. We hold it "
                "for you until %(until)s.",
                **values,
            )
        else:
            text = env._(
                "Hello %(customer)s, your service %(service)s is ready for pick-up "
                "at %(store)s (%(address)s). Opening hours: %(hours)s.",
                **values,
            )
        return subject, text

    def _retail_pickup_log_values(self, kind, source, config):
        self.ensure_one()
        return {
            "repair_id": self.id,
            "partner_id": self.partner_id.id,
            "warehouse_id": self._retail_pickup_store().id,
            "pos_config_id": config.id if config else False,
            "user_id": self.env.uid,
            "source": source,
            "kind": kind,
        }

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain

_logger = logging.getLogger(__name__)

# PostgreSQL's integer ids
MAX_ID = 2**31 - 1


class SaleOrder(models.Model):
    """The daily job of reservations (reminders, end of the hold) and the
    till's send."""

    _inherit = "sale.order"

    # The daily job ----------------------------------------------------------

    @api.model
    def _retail_pickup_reminder_domain(self, today):
        return (
            Domain("retail_pickup_state", "=", "ready")
            & Domain("retail_pickup_reminder_date", "=", False)
            & Domain("retail_pickup_remind_on", "<=", today)
            & Domain("retail_pickup_hold_until", ">=", today)
        )

    @api.model
    def _retail_pickup_expiry_domain(self, today):
        return Domain("retail_pickup_state", "=", "ready") & Domain(
            "retail_pickup_hold_until", "<", today
        )

    @api.model
    def _cron_retail_pickup(self, batch_size=200):
        """Remind the customers whose hold ends in N days (the store's), then
        end the holds past their date (release or cancel, per store); in
        batches, each committed with its progress."""
        today = fields.Date.context_today(self)
        self._retail_pickup_batches(
            self._retail_pickup_reminder_domain(today),
            "_retail_pickup_remind",
            batch_size,
        )
        self._retail_pickup_batches(
            self._retail_pickup_expiry_domain(today),
            "_retail_pickup_expire",
            batch_size,
        )

    @api.model
    def _retail_pickup_batches(self, domain, method, batch_size):
        """Run ``method`` on the orders of ``domain``, ``batch_size`` at a time;
        each call takes its orders out of ``domain``."""
        # sudo: the job of the system, for the reservations of every company
        Order = self.sudo()
        while True:
            found = Order.search(domain, limit=batch_size, order="id")
            orders = found.try_lock_for_update()
            if not orders:
                break
            getattr(orders, method)()
            left = self.env["ir.cron"]._commit_progress(
                len(orders),
                remaining=Order.search_count(domain) if len(found) == batch_size else 0,
            )
            if len(found) < batch_size or not left:
                break

    def _retail_pickup_remind(self):
        """Remind the customers of these ready reservations, once."""
        self.write({"retail_pickup_reminder_date": fields.Datetime.now()})
        return self._retail_pickup_send("reminder", "system")

    def _retail_pickup_expire(self):
        """End the hold of these reservations: per store, the delivery's
        reserved goods are released (the order stays open) or the order is
        cancelled. An order that cannot be cancelled is released instead."""
        released = self.browse()
        for order in self:
            action = order.retail_pickup_warehouse_id.retail_pickup_expiry_action
            if action == "cancel" and order._retail_pickup_try_cancel():
                order.retail_pickup_end = "cancel"
                continue
            order._retail_pickup_deliveries().do_unreserve()
            order.retail_pickup_end = "release"
            order.message_post(
                body=self.env._(
                    "The hold ended on %(date)s: the reserved goods were released.",
                    date=order.retail_pickup_hold_until,
                )
            )
            released |= order
        self._retail_pickup_expired()
        return released

    def _retail_pickup_try_cancel(self):
        """Cancel the order; False (and a note on the order) when it cannot be."""
        self.ensure_one()
        try:
            with self.env.cr.savepoint():
                self._action_cancel()
        except UserError as error:
            _logger.info("Reservation %s not cancelled: %s", self.name, error)
            self.message_post(
                body=self.env._(
                    "The hold ended but the order could not be cancelled "
                    "(%(reason)s): its goods were released instead.",
                    reason=str(error),
                )
            )
            return False
        self.message_post(
            body=self.env._(
                "The hold ended on %(date)s: the order was cancelled.",
                date=self.retail_pickup_hold_until,
            )
        )
        return True

    def _retail_pickup_expired(self):
        """Hook called with the reservations whose hold just ended (released
        or cancelled); meant to be extended (an incident for the store...)."""
        return True

    # The till ---------------------------------------------------------------

    @api.model
    def retail_pickup_send_from_till(self, config_id, order_id):
        """Send the pick-up message of a reservation of the till's own store.

        :return: {"sent": bool, "to_call": bool, "anonymised": bool,
            "message": text for the cashier}
        """
        config = self.env["pos.config"]._retail_till(config_id)
        if not self.env.user.has_group("point_of_sale.group_pos_user"):
            raise AccessError(self.env._("Only cashiers send pick-up messages."))
        if type(order_id) is not int or not 0 < order_id <= MAX_ID:
            raise UserError(
                self.env._(
                    "Expected the id of an order, got %(value)r.", value=order_id
                )
            )
        # sudo: read the order only to check that it is this store's; nothing
        # is sent before the check
        order = self.sudo().browse(order_id).exists()
        if (
            not order
            or not config.warehouse_id
            or order.retail_pickup_warehouse_id != config.warehouse_id
            or order.company_id != config.company_id
        ):
            raise AccessError(
                self.env._(
                    "This order is not a reservation of %(store)s.",
                    store=config.warehouse_id.name or config.name,
                )
            )
        order._retail_pickup_check_sendable()
        if not order.retail_pickup_ready_date:
            order._retail_pickup_mark_ready()
        # sudo: a cashier of the store announces its own reservation (checked
        # above); the author and the log are the cashier's
        result = order._retail_pickup_send("manual", "till", config)
        return {
            "sent": bool(result["sent"]),
            "to_call": bool(result["to_call"]),
            "anonymised": bool(result["anonymised"]),
            "message": self._retail_pickup_summary(result),
        }

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import AccessError, UserError

from .retail_gift_registry import MANAGER_GROUP, STATES


class RetailGiftRegistry(models.Model):
    _inherit = "retail.gift.registry"

    def action_open(self):
        self._ensure_state(("draft",), self.env._("Only draft lists can be opened."))
        for registry in self:
            registry._gift_registry_write_action(
                {
                    "state": "open",
                    "date_open": registry.date_open or fields.Date.context_today(self),
                }
            )
        return True

    def action_close(self):
        self._ensure_state(("open",), self.env._("Only open lists can be closed."))
        today = fields.Date.context_today(self)
        for registry in self:
            registry._gift_registry_write_action(
                {
                    "state": "closed",
                    "date_close": min(registry.date_close or today, today),
                }
            )
        held = self.env["stock.move"].search(self._gift_registry_held_domain())
        if held:
            self._gift_registry_release(held)
        return True

    def action_mark_delivered(self):
        self._ensure_state(
            ("closed",), self.env._("Only closed lists can be marked delivered.")
        )
        pending = self.picking_ids.filtered(lambda p: p.state not in ("done", "cancel"))
        if pending:
            raise UserError(
                self.env._(
                    "Kept gifts of these lists are still to deliver: %(pickings)s. "
                    "The list is delivered when its transfers are done.",
                    pickings=", ".join(pending.mapped("name")),
                )
            )
        self._gift_registry_write_action({"state": "delivered"})
        return True

    def action_reopen(self, reason=None):
        """Reopen a closed, delivered or settled list (managers only; logged).
        A settled list's owners were paid: its reopening says why (``reason``,
        the reopening wizard asks for it)."""
        self._ensure_manager()
        self._ensure_state(
            ("closed", "delivered", "settled"),
            self.env._("Only closed, delivered or settled lists can be reopened."),
        )
        reason = reason.strip() if isinstance(reason, str) else ""
        settled = self.filtered(lambda r: r.state == "settled")
        if settled and not reason:
            raise UserError(
                self.env._(
                    "Say why settled list %(names)s is reopened: its owners were "
                    "already credited.",
                    names=", ".join(settled.mapped("name")),
                )
            )
        for registry in self:
            previous = dict(STATES)[registry.state]
            registry._gift_registry_write_action({"state": "open"})
            body = self.env._(
                "List reopened by %(user)s (it was %(state)s).",
                user=self.env.user.name,
                state=previous,
            )
            if reason:
                body = self.env._(
                    "List reopened by %(user)s (it was %(state)s): %(reason)s",
                    user=self.env.user.name,
                    state=previous,
                    reason=reason,
                )
            registry.message_post(body=body)
        return True

    def _ensure_state(self, states, message):
        wrong = self.filtered(lambda r: r.state not in states)
        if wrong:
            raise UserError(
                self.env._(
                    "%(message)s (%(names)s)",
                    message=message,
                    names=", ".join(wrong.mapped("name")),
                )
            )

    def _ensure_manager(self):
        if not self.env.su and not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._("Only gift list managers may settle or reopen a list.")
            )

    def _ensure_sellable(self):
        """Refuse sales to lists that are not open (clear message for the
        cashier or the salesperson)."""
        closed = self.filtered(lambda r: r.state != "open")
        if closed:
            raise UserError(
                "\n".join(
                    self.env._(
                        "Gift list %(name)s is %(state)s: nothing more can be sold "
                        "for it.",
                        name=registry.name,
                        state=dict(STATES)[registry.state].lower(),
                    )
                    for registry in closed
                )
            )

    def _ensure_refundable(self):
        """Refunds and cancellations are refused once a list is settled: the
        owners were already credited."""
        settled = self.filtered(lambda r: r.state == "settled")
        if settled:
            raise UserError(
                "\n".join(
                    self.env._(
                        "Gift list %(name)s is settled: its gifts can no longer be "
                        "refunded or cancelled. A manager may reopen the list first.",
                        name=registry.name,
                    )
                    for registry in settled
                )
            )

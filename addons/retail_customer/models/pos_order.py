# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, float_compare, format_amount

from .retail_till_payload_mixin import in_till_sync, till_sync

_logger = logging.getLogger(__name__)

# What a till's payload may not change once the order is paid: the figures the
# server posted from (cards, points, lists, KPIs, the session's entries).
PAID_ORDER_FIELDS = frozenset(
    {
        "lines",
        "payment_ids",
        "amount_total",
        "amount_tax",
        "amount_paid",
        "amount_return",
        "config_id",
        "company_id",
        "currency_id",
        "refunded_order_id",
    }
)
# States of an order whose lines were sold (and may be refunded).
SOLD_STATES = ("paid", "done", "invoiced")
# Fields of the server's own audit of a till order: set by the sync, cleared by a
# manager's action with a reason.
SYNC_AUDIT_FIELDS = frozenset({"retail_sync_flagged", "retail_sync_issue"})


class PosOrder(models.Model):
    _name = "pos.order"
    _inherit = ["pos.order", "retail.till.payload.mixin"]

    retail_channel_id = fields.Many2one(
        "retail.channel",
        string="Channel",
        compute="_compute_retail_channel_id",
        store=True,
        index="btree_not_null",
    )

    retail_sync_flagged = fields.Boolean(
        string="Till Figures to Check",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The till sent amounts that differ from the server's computation "
        "(price, quantity, discount and taxes): the server's figures were used "
        "for everything it posted.",
    )
    retail_sync_issue = fields.Text(
        string="Till Figures Issue",
        readonly=True,
        copy=False,
        help="What the till sent and what the server computed instead.",
    )

    @api.depends("config_id.retail_channel_id")
    def _compute_retail_channel_id(self):
        for order in self:
            order.retail_channel_id = order.retail_channel_id or (
                order.config_id.retail_channel_id
            )

    def write(self, vals):
        self._retail_check_paid_write(vals)
        return super().write(vals)

    def _retail_check_paid_write(self, vals):
        """What the server posted from stays as it was: a user cannot rewrite
        the figures of a paid order (refund it instead), nor the server's audit
        flags (a manager clears them with a reason)."""
        if self.env.su or in_till_sync():
            return
        if SYNC_AUDIT_FIELDS & set(vals):
            raise AccessError(
                self.env._(
                    "The check of a till's figures is set by the system; a manager "
                    "clears it with a reason."
                )
            )
        changed = PAID_ORDER_FIELDS & set(vals)
        if changed and any(order.state != "draft" for order in self):
            raise UserError(
                self.env._(
                    "A paid order cannot be changed (%(fields)s): refund it instead.",
                    fields=", ".join(sorted(changed)),
                )
            )

    # ------------------------------------------------------------------
    # Till payload: untrusted input
    # ------------------------------------------------------------------

    @api.model
    def _process_order(self, order, existing_order):
        self._retail_clean_till_payload(order)
        with till_sync():
            return super()._process_order(order, existing_order)

    @api.model
    def _retail_clean_till_payload(self, order):
        """Drop, in place, the fields of a till's order dict that only the
        server sets (order, lines and payments), and log them."""
        if not isinstance(order, dict):
            return {}
        dropped = self._retail_drop_server_fields(order)
        for model, commands in (
            ("pos.order.line", order.get("lines")),
            ("pos.payment", order.get("payment_ids")),
        ):
            for name, value in self.env[model]._retail_clean_commands(commands).items():
                dropped[name] = dropped.get(name) or value
        # A till sends back every field it loaded, empty ones included: only a
        # value is worth a warning.
        forged = sorted(name for name, value in dropped.items() if value)
        if forged:
            _logger.warning(
                "Till order %s: fields only the server sets were dropped: %s",
                order.get("uuid"),
                ", ".join(forged),
            )
        return dropped

    def _process_payment_lines(self, pos_order, order, pos_session, draft):
        # The order and its lines exist, nothing was posted yet: the server's
        # line totals replace the till's before any module reads them.
        if not draft:
            order._retail_check_till_amounts()
            order._retail_check_refund_lines()
        return super()._process_payment_lines(pos_order, order, pos_session, draft)

    def _retail_check_refund_lines(self):
        """Refunds are bounded by the sale: every refund line must return a
        line sold in this company, no more units than are left to refund, at no
        more than the price paid (the server's amounts of the sold line,
        discounts included). The sold lines are locked, so that two refunds of
        the same unit wait for each other.

        :return: the refunded amount (positive)
        """
        self.ensure_one()
        refunds = self.lines.filtered("refunded_orderline_id")
        if not refunds:
            return 0.0
        sold_lines = refunds.refunded_orderline_id.sudo()
        others = self._retail_lock_refunded_lines(sold_lines)
        value = 0.0
        for sold in sold_lines:
            lines = refunds.filtered(
                lambda line, sold=sold: line.refunded_orderline_id == sold
            )
            self._retail_check_refunded_quantity(sold, lines, others.get(sold, 0.0))
            self._retail_check_refunded_price(sold, lines)
            value -= lines._retail_amount()
        return value

    def _retail_lock_refunded_lines(self, sold_lines):
        """Lock the sold lines refunded by this order, then read what other
        orders (not cancelled) refund of them.

        :return: {sold line: quantity refunded by other orders (negative)}
        """
        self.env["pos.order.line"].flush_model()
        self.env.execute_query(
            SQL(
                "SELECT id FROM pos_order_line WHERE id IN %s ORDER BY id "
                "FOR NO KEY UPDATE",
                tuple(sold_lines.ids),
            )
        )
        return dict(
            self.env["pos.order.line"]
            .sudo()
            ._read_group(
                [
                    ("refunded_orderline_id", "in", sold_lines.ids),
                    ("order_id", "!=", self.id),
                    ("order_id.state", "!=", "cancel"),
                ],
                ["refunded_orderline_id"],
                ["qty:sum"],
            )
        )

    def _retail_check_refunded_quantity(self, sold, lines, refunded_elsewhere):
        """Refuse refund ``lines`` of a line not sold in this company, or of
        more units than are left to refund of ``sold``."""
        name = sold.full_product_name or sold.product_id.display_name
        if (
            sold.order_id == self
            or sold.order_id.company_id != self.company_id
            or sold.order_id.state not in SOLD_STATES
            or sold.qty <= 0
        ):
            raise UserError(
                self.env._(
                    "%(line)s refunds a line that was not sold in this company.",
                    line=name,
                )
            )
        digits = self.env["decimal.precision"].precision_get("Product Unit")
        returned = -sum(lines.mapped("qty"))
        left = sold.qty + refunded_elsewhere
        if any(line.qty >= 0 for line in lines) or (
            float_compare(returned, left, precision_digits=digits) > 0
        ):
            raise UserError(
                self.env._(
                    "%(line)s: %(returned)s units returned, %(left)s left to "
                    "refund of the %(sold)s sold in %(order)s.",
                    line=name,
                    returned=returned,
                    left=max(left, 0.0),
                    sold=sold.qty,
                    order=sold.order_id.name,
                )
            )

    def _retail_check_refunded_price(self, sold, lines):
        """Refuse refund ``lines`` that give back more than was paid for the
        units of ``sold`` they return."""
        currency = self.currency_id
        unit = sold._retail_amount() / sold.qty
        for line in lines:
            paid = -line.qty * unit
            # a discount line is sold negative: its refund gives back at most
            # the discount given (compared in size, with the opposite sign)
            refunded = -line._retail_amount()
            if currency.compare_amounts(abs(refunded), abs(paid)) > 0 or (
                currency.compare_amounts(refunded * paid, 0.0) < 0
            ):
                raise UserError(
                    self.env._(
                        "%(line)s is refunded at %(refund)s: %(paid)s was paid "
                        "for it in %(order)s.",
                        line=sold.full_product_name or sold.product_id.display_name,
                        refund=format_amount(self.env, refunded, currency),
                        paid=format_amount(self.env, paid, currency),
                        order=sold.order_id.name,
                    )
                )

    def _retail_refund_lines_value(self):
        """What this order's refund lines give back (positive), at the server's
        figures."""
        self.ensure_one()
        return -self.lines.filtered("refunded_orderline_id")._retail_amount()

    def _retail_check_till_amounts(self):
        """Recompute every line's totals from its price, quantity, discount and
        taxes; where the till's figures differ, the server's replace them, the
        difference is logged, the order is flagged and reported.

        :return: the issues found (list of str)
        """
        self.ensure_one()
        currency = self.currency_id
        issues = []
        for line in self.lines:
            server = line._retail_server_amounts()
            sent = {name: line[name] for name in server}
            if not any(currency.compare_amounts(sent[n], server[n]) for n in server):
                continue
            # sudo: the till's own line, before the order is paid; the server's
            # figures replace the till's whoever syncs
            line.sudo().write(server)
            if any(
                self._retail_till_amount_differs(sent[n], server[n]) for n in server
            ):
                issues.append(
                    self.env._(
                        "%(line)s: the till sent %(sent)s, the server computed "
                        "%(server)s.",
                        line=line.full_product_name or line.product_id.display_name,
                        sent=format_amount(
                            self.env, sent["price_subtotal_incl"], currency
                        ),
                        server=format_amount(
                            self.env, server["price_subtotal_incl"], currency
                        ),
                    )
                )
        total = self.lines._retail_amount()
        # the till rounds taxes globally or per line: a cent per line may differ
        tolerance = currency.rounding * (len(self.lines) + 1)
        if abs(self.amount_total - total) > tolerance + currency.rounding / 2:
            issues.append(
                self.env._(
                    "Order total: the till sent %(sent)s, its lines make %(server)s.",
                    sent=format_amount(self.env, self.amount_total, currency),
                    server=format_amount(self.env, total, currency),
                )
            )
        if issues:
            _logger.warning(
                "Till order %s (%s): amounts differ from the server's: %s",
                self.name,
                self.uuid,
                " ".join(issues),
            )
            self._retail_flag_till_issue(issues)
        return issues

    def _retail_till_amount_differs(self, sent, server):
        """Whether a line figure the till sent differs from the server's by more
        than the ways of computing it that are not an attack: a cent of global
        tax rounding, or the opposite sign (a refund's lines signed like their
        units instead of Odoo's convention, see
        ``pos.order.line._retail_order_sign``). Either way the server's figure
        is the one kept."""
        rounding = self.currency_id.rounding * 1.5
        return abs(sent - server) > rounding and abs(abs(sent) - abs(server)) > rounding

    def _retail_server_total(self):
        """The order's total as the server trusts it: the till's total, or the
        sum of the server's line totals when the till's figures were wrong."""
        self.ensure_one()
        if self.retail_sync_flagged:
            return self.lines._retail_amount()
        return self.amount_total

    def _retail_flag_till_issue(self, issues):
        """Flag the order with ``issues`` (list of str) and report them."""
        self.ensure_one()
        text = "\n".join(filter(None, [self.retail_sync_issue, *issues]))
        # sudo: the audit flag is the system's, written whoever syncs the order
        self.sudo().write({"retail_sync_flagged": True, "retail_sync_issue": text})
        self._retail_report_till_issue(issues)

    def _retail_report_till_issue(self, issues):
        """Hook: a till order whose figures the server corrected. Does nothing
        here; retail_incidents raises an incident for the store."""
        return True

    def action_retail_clear_till_flag(self, reason):
        """Clear the check of a till's figures (store managers), with the
        reason, kept in the order's chatter."""
        if not self.env.user.has_group("point_of_sale.group_pos_manager"):
            raise AccessError(
                self.env._("Only store managers may clear the check of an order.")
            )
        if not isinstance(reason, str) or not reason.strip():
            raise ValidationError(self.env._("Say why the check is cleared."))
        self.check_access("write")
        for order in self.filtered("retail_sync_flagged"):
            order.message_post(
                body=self.env._(
                    "Check of the till's figures cleared by %(user)s: %(reason)s",
                    user=self.env.user.name,
                    reason=reason.strip(),
                )
            )
        # sudo: a manager clears the system's flag, after the checks above
        self.sudo().write({"retail_sync_flagged": False})
        return True

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from collections import defaultdict

from odoo import fields, models
from odoo.tools import float_compare

_logger = logging.getLogger(__name__)


class PosOrder(models.Model):
    _inherit = "pos.order"

    retail_loyalty_done = fields.Boolean(
        copy=False,
        readonly=True,
        help="Technical: the loyalty points of this order are settled.",
    )

    def action_pos_order_paid(self):
        res = super().action_pos_order_paid()
        self._retail_loyalty_settle()
        return res

    def write(self, vals):
        res = super().write(vals)
        if vals.get("state") == "cancel":
            self._retail_loyalty_cancel()
        return res

    def confirm_coupon_programs(self, coupon_data):
        """Cards of retail ledger programs were settled when the order was paid
        (server figures): they are left out of the native confirmation, which
        would add the till's points, and answered with their server balance."""
        coupon_data = {int(key): value for key, value in coupon_data.items()}
        programs = (
            self.env["loyalty.program"]
            .sudo()
            .browse({value["program_id"] for value in coupon_data.values()})
            .filtered("retail_ledger")
        )
        ours = {
            key: value
            for key, value in coupon_data.items()
            if value["program_id"] in programs.ids
        }
        res = super().confirm_coupon_programs(
            {key: value for key, value in coupon_data.items() if key not in ours}
        )
        if ours:
            res["coupon_updates"] = res.get("coupon_updates", []) + (
                self._retail_loyalty_coupon_updates(ours)
            )
        return res

    def _retail_loyalty_coupon_updates(self, coupon_data):
        """The server's figures for the cards the till sent: the difference with
        the till's points is logged and kept on the order's points record."""
        self.ensure_one()
        rows = self.env["retail.loyalty.order.points"]._retail_rows_of(self)
        by_program = {row.program_id.id: row for row in rows}
        partner_cards = self.env["retail.loyalty.order.points"]._retail_partner_cards(
            self.partner_id,
            self.env["loyalty.program"].browse(
                {value["program_id"] for value in coupon_data.values()}
            ),
        )
        updates = []
        for key, value in coupon_data.items():
            row = by_program.get(value["program_id"])
            card = (
                row.card_id
                if row
                else partner_cards.get(
                    self.env["loyalty.program"].browse(value["program_id"])
                )
            )
            browser = value.get("points") or 0.0
            server = (
                (row.points_earned if row.state == "posted" else 0.0) - row.points_spent
                if row
                else 0.0
            )
            if float_compare(browser, server, precision_digits=2):
                _logger.warning(
                    "POS order %s: the till sent %s points for program %s, the "
                    "server settled %s; the server's figure stands.",
                    self.name,
                    browser,
                    value["program_id"],
                    server,
                )
            if row:
                row.sudo().points_browser = browser
            if card:
                updates.append(
                    {
                        "old_id": key,
                        "id": card.id,
                        "points": card.points,
                        "code": card.code,
                        "program_id": card.program_id.id,
                        "partner_id": card.partner_id.id,
                    }
                )
        return updates

    def _retail_loyalty_lines(self):
        return self.lines.filtered(
            lambda line: not line.is_reward_line
            and not line.combo_line_ids
            and not line.refunded_orderline_id
            and line.qty > 0
        )

    def _retail_loyalty_source(self):
        self.ensure_one()
        rewards = self.lines.filtered(
            lambda line: line.is_reward_line and line.reward_id and line.qty > 0
        )
        return {
            "order": self,
            "partner": self.partner_id,
            "company": self.company_id,
            "channel": "pos",
            "store": self.config_id,
            "date": self.date_order,
            "lines": [
                {
                    "product": line.product_id,
                    "qty": line.qty,
                    "amount": line.price_subtotal_incl,
                }
                for line in self._retail_loyalty_lines()
            ],
            "rewards": [
                {
                    "reward": line.reward_id,
                    "card": line.coupon_id,
                    "points_cost": line.points_cost,
                    "amount": line.price_subtotal_incl,
                    "code": line.reward_identifier_code,
                }
                for line in rewards
            ],
        }

    def _retail_loyalty_return_source(self):
        self.ensure_one()
        return {
            "order_model": self._name,
            "order_id": self.id,
            "order_ref": self.display_name,
            "store_id": self.config_id.id,
        }

    def _retail_loyalty_settle(self):
        """Earn and spend points of paid orders, and give back points of the
        orders they refund: once per order."""
        orders = self.filtered(
            lambda o: not o.retail_loyalty_done and o.state in ("paid", "done")
        )
        if not orders:
            return
        OrderPoints = self.env["retail.loyalty.order.points"]
        OrderPoints._retail_settle(
            [
                order._retail_loyalty_source()
                for order in orders
                if order.partner_id or order.lines.reward_id
            ]
        )
        for order in orders:
            returned = defaultdict(float)
            for line in order.lines.filtered(
                lambda line: line.refunded_orderline_id
                and not line.refunded_orderline_id.is_reward_line
            ):
                returned[line.refunded_orderline_id.order_id] += abs(
                    line.price_subtotal_incl
                )
            if not returned:
                continue
            originals = self.browse([o.id for o in returned])
            rows = OrderPoints._retail_rows_of(originals)
            rows._retail_return(
                {row: returned[self.browse(row.order_id)] for row in rows},
                order._retail_loyalty_return_source(),
            )
        orders.retail_loyalty_done = True

    def _retail_loyalty_cancel(self):
        OrderPoints = self.env["retail.loyalty.order.points"]
        for order in self.filtered("retail_loyalty_done"):
            OrderPoints._retail_rows_of(order)._retail_cancel(
                order._retail_loyalty_return_source()
            )

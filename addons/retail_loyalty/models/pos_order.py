# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, groupby

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

    @api.model
    def sync_from_ui(self, orders):
        """Report, once per sync, the points spent offline that the cards no
        longer held when the orders landed."""
        res = super().sync_from_ui(orders)
        ids = [order["id"] for order in res.get("pos.order", [])]
        # only reward lines the till took offline spend beyond a balance
        if ids and any(self._retail_offline_lines_sent(order) for order in orders):
            # sudo: the order points of the orders this sync just settled
            self.env["retail.loyalty.order.points"].sudo().search(
                [
                    ("order_model", "=", self._name),
                    ("order_id", "in", ids),
                    ("points_shortfall", ">", 0),
                    ("shortfall_reported", "=", False),
                ]
            )._retail_report_shortfalls()
        return res

    @api.model
    def _retail_offline_lines_sent(self, order):
        """Whether a till's order dict has lines flagged as taken offline (the
        lines the order is stored with are those it sends)."""
        commands = order.get("lines") if isinstance(order, dict) else None
        return any(
            vals.get("retail_loyalty_offline")
            for vals in self._retail_command_values(commands)
        )

    @api.model
    def _retail_coupon_data(self, coupon_data):
        """The till's ``{card id: {"program_id": id, ...}}`` with integer keys,
        or a ValidationError when it is not of that shape."""
        malformed = ValidationError(
            self.env._("The till sent malformed loyalty card data.")
        )
        if not isinstance(coupon_data, dict):
            raise malformed
        result = {}
        for key, value in coupon_data.items():
            try:
                card_id = int(key)
            except (TypeError, ValueError):
                raise malformed from None
            if not isinstance(value, dict) or type(value.get("program_id")) is not int:
                raise malformed
            result[card_id] = value
        return result

    def confirm_coupon_programs(self, coupon_data):
        """Cards of retail ledger programs were settled when the order was paid
        (server figures): they are left out of the native confirmation, which
        would add the till's points, and answered with their server balance."""
        coupon_data = self._retail_coupon_data(coupon_data)
        # sudo: only which programs the till named are ledger programs
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
        # the customer's cards, looked up only for the programs the order did
        # not settle (a settled program names its card)
        partner_cards = self.env["retail.loyalty.order.points"]._retail_partner_cards(
            self.partner_id,
            self.env["loyalty.program"].browse(
                {value["program_id"] for value in coupon_data.values()}
                - set(by_program)
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
                # sudo: the till's figure kept beside the server's, for the audit
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
        lines = self._retail_loyalty_lines()
        # server figures (the foundation recomputed every line before posting)
        basis = lines._retail_amount()
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
                    "amount": line._retail_amount(),
                }
                for line in lines
            ],
            "rewards": [
                {
                    "reward": line.reward_id,
                    "card": line.coupon_id,
                    "points_cost": line.points_cost,
                    "amount": line._retail_amount(),
                    "code": line.reward_identifier_code,
                    "offline": line.retail_loyalty_offline,
                    "basis": basis,
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
        sources = [
            order._retail_loyalty_source()
            for order in orders
            if order.partner_id or order.lines.reward_id
        ]
        for source in sources:
            source["order"]._retail_loyalty_check_offline_caps(source["rewards"])
        rows = OrderPoints._retail_settle(sources)
        self._retail_loyalty_flag_shortfalls(rows)
        for order in orders:
            returned = defaultdict(float)
            for line in order.lines.filtered(
                lambda line: line.refunded_orderline_id
                and not line.refunded_orderline_id.is_reward_line
            ):
                returned[line.refunded_orderline_id.order_id] += (
                    line._retail_loyalty_returned_amount()
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

    def _retail_loyalty_flag_shortfalls(self, rows):
        """Orders whose points spent offline were no longer on the card when
        they synced (``rows``: order points just settled) are flagged for the
        back office: a till may claim to be offline to spend beyond a balance,
        within the store's caps. The shortfall itself is reported once by
        ``_retail_report_shortfalls`` (an incident), so the flag is written
        without the till-figures hook."""
        for row in rows.filtered(
            lambda row: row.points_shortfall > 0 and row.order_model == self._name
        ):
            order = self.browse(row.order_id)
            issue = self.env._(
                "Card %(code)s: %(spent)s points spent offline, %(shortfall)s of "
                "them beyond the card's balance.",
                code=row.card_id.code,
                spent=row.points_spent_offline,
                shortfall=row.points_shortfall,
            )
            # sudo: the audit flag is the system's, written whoever syncs the order
            order.sudo().write(
                {
                    "retail_sync_flagged": True,
                    "retail_sync_issue": "\n".join(
                        filter(None, [order.retail_sync_issue, issue])
                    ),
                }
            )

    def _retail_loyalty_check_offline_caps(self, rewards):
        """Points spent offline must stay within the store's caps: per card in
        the order, and per till in the session (the till enforces them; more is
        refused here, and the order with it).

        :param rewards: the ``rewards`` of ``_retail_loyalty_source``
        """
        self.ensure_one()
        offline = [
            item
            for item in rewards
            if item["offline"] and item["reward"].program_id.retail_ledger
        ]
        if not offline:
            return
        OrderPoints = self.env["retail.loyalty.order.points"]
        config = self.config_id
        card_cap = config.retail_loyalty_offline_card_cap
        total = 0.0
        for card, items in groupby(offline, key=lambda item: item["card"]):
            cost = OrderPoints._retail_reward_cost(items)
            total += cost
            if float_compare(cost, card_cap, precision_digits=2) > 0:
                raise UserError(
                    self.env._(
                        "Card %(code)s spent %(points)s points offline, above the "
                        "store's offline cap of %(cap)s points per card.",
                        code=card.code,
                        points=cost,
                        cap=card_cap,
                    )
                )
        # sudo: the offline points of this till's session, whoever syncs
        [[taken]] = OrderPoints.sudo()._read_group(
            [
                ("order_model", "=", self._name),
                ("order_id", "in", (self.session_id.order_ids - self).ids),
            ],
            [],
            ["points_spent_offline:sum"],
        )
        taken = (taken or 0.0) + total
        till_cap = config.retail_loyalty_offline_till_cap
        if float_compare(taken, till_cap, precision_digits=2) > 0:
            raise UserError(
                self.env._(
                    "This till took %(points)s points offline in this session, above "
                    "its offline cap of %(cap)s points.",
                    points=taken,
                    cap=till_cap,
                )
            )

    def _retail_loyalty_cancel(self):
        OrderPoints = self.env["retail.loyalty.order.points"]
        for order in self.filtered("retail_loyalty_done"):
            OrderPoints._retail_rows_of(order)._retail_cancel(
                order._retail_loyalty_return_source()
            )

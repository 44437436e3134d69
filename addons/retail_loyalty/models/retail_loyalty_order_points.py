# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import math
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, float_is_zero, float_round, groupby

_logger = logging.getLogger(__name__)

PRECISION = 2


class RetailLoyaltyOrderPoints(models.Model):
    """What one order earned and spent in one retail loyalty program.

    The card balance is the sum of its ledger rows (``loyalty.history``); this
    record keeps, per order and program, the figures that returns and the return
    window need: points earned (pending until the window closes), points spent,
    and how much of each was already given back. One active record per order and
    program: an order synchronised twice is settled once.
    """

    _name = "retail.loyalty.order.points"
    _description = "Loyalty Points of an Order"
    _order = "date desc, id desc"
    _check_company_auto = True

    active = fields.Boolean(default=True)
    program_id = fields.Many2one(
        "loyalty.program", required=True, ondelete="restrict", index=True
    )
    card_id = fields.Many2one(
        "loyalty.card", required=True, ondelete="restrict", index=True
    )
    partner_id = fields.Many2one(
        related="card_id.partner_id", store=True, index="btree_not_null"
    )
    company_id = fields.Many2one("res.company", index=True)
    order_model = fields.Char(required=True)
    order_id = fields.Many2oneReference(model_field="order_model", required=True)
    order_ref = fields.Char(string="Order Reference")
    store_id = fields.Many2one("pos.config", index="btree_not_null")
    user_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    amount_basis = fields.Float(
        string="Order Amount", help="Amount of the order's lines, tax included."
    )
    amount_returned = fields.Float(help="Part of the order amount returned so far.")
    tier_id = fields.Many2one("retail.loyalty.tier")
    multiplier = fields.Float(default=1.0)
    points_earned = fields.Float(help="Points earned, computed by the server.")
    points_browser = fields.Float(
        string="Points Sent by the Till",
        help="Points the till had computed for the order; the server's figure wins.",
    )
    points_spent = fields.Float()
    points_spent_offline = fields.Float(
        help="Part of the points spent that the till took while it could not reach "
        "the server (within the store's offline caps)."
    )
    points_shortfall = fields.Float(
        string="Offline Shortfall",
        help="Points spent offline that the card no longer held when the order "
        "synced: the card went negative by this much, recovered from its next "
        "earnings.",
    )
    reward_changes = fields.Integer(
        readonly=True,
        help="Technical: reward lines added to or removed from the confirmed order "
        "so far (numbers the idempotency keys of their movements).",
    )
    shortfall_reported = fields.Boolean(
        readonly=True,
        help="Technical: the shortfall was reported to the store (incident).",
    )
    points_earned_reversed = fields.Float(
        help="Earned points cancelled (pending) or taken back (posted) by returns."
    )
    points_spent_returned = fields.Float(
        help="Spent points given back by returns and cancellations."
    )
    release_date = fields.Datetime(
        help="When the earned points become spendable (end of the return window)."
    )
    state = fields.Selection(
        [
            ("pending", "Pending"),
            ("posted", "Posted"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="posted",
        help="Pending: earned points wait for the end of the return window. "
        "Posted: earned points are on the card. Cancelled: a return inside the "
        "window cancelled them.",
    )
    points_pending = fields.Float(compute="_compute_points_pending", store=True)

    _order_program_unique = models.UniqueIndex(
        "(order_model, order_id, program_id) WHERE active",
        "The points of this order were already settled for this program.",
    )
    _pending_release_idx = models.Index("(release_date) WHERE state = 'pending'")
    _order_idx = models.Index("(order_model, order_id)")

    @api.depends("state", "points_earned", "points_earned_reversed")
    def _compute_points_pending(self):
        for row in self:
            row.points_pending = (
                row.points_earned - row.points_earned_reversed
                if row.state == "pending"
                else 0.0
            )

    # ------------------------------------------------------------------
    # Engine
    # ------------------------------------------------------------------

    @api.model
    def _retail_settle(self, sources):
        """Earn and spend the points of orders, once per order and program.

        :param sources: list of dicts, one per order: ``order`` (record),
            ``partner``, ``company``, ``channel`` ("pos" or "sale"), ``store``
            (``pos.config`` or empty), ``date``, ``lines`` (list of dicts with
            ``product``, ``qty``, ``amount``; reward lines left out) and
            ``rewards`` (list of dicts with ``reward``, ``card``, ``points_cost``,
            ``amount``, ``code``: the reward lines).

        Points earned are computed here from the lines (what the till or the
        sale order says is ignored); spent points are debited under the card's
        lock, and an overspend refuses the whole posting. Earned points are held
        pending when the program has a return window.
        :return: the created records
        """
        Program = self.env["loyalty.program"]
        orders = [(source["order"]._name, source["order"].id) for source in sources]
        # sudo: engine of the order flows (private); which orders are settled
        settled = {
            (row.order_model, row.order_id)
            for row in self.sudo().search_fetch(
                [
                    ("order_model", "in", list({model for model, __ in orders})),
                    ("order_id", "in", [order_id for __, order_id in orders]),
                ],
                ["order_model", "order_id"],
            )
        }
        vals_list = []
        for source in sources:
            order = source["order"]
            if (order._name, order.id) in settled:
                continue
            partner = source["partner"]
            eligible = Program._retail_programs_for(
                partner,
                source["company"],
                source["channel"],
                source.get("store"),
                source["date"],
            )
            rewards = [
                item
                for item in source.get("rewards", [])
                if item["reward"].program_id.retail_ledger
            ]
            programs = eligible | Program.browse(
                {item["reward"].program_id.id for item in rewards}
            )
            if not programs:
                continue
            cards = self._retail_partner_cards(partner, programs)
            amount = sum(line["amount"] for line in source["lines"])
            for program in programs:
                items = [
                    item for item in rewards if item["reward"].program_id == program
                ]
                card = (items and items[0]["card"]) or cards.get(program)
                tier = card.retail_tier_id if card else self.env["retail.loyalty.tier"]
                earned = (
                    program._retail_compute_points(
                        source["lines"], tier.multiplier, source
                    )
                    if program in eligible
                    else 0.0
                )
                if items:
                    self._retail_check_reward_cards(items, partner, source["company"])
                if items and card:
                    card._retail_check_rewards_allowed(
                        self.env["loyalty.reward"].union(
                            *(item["reward"] for item in items)
                        )
                    )
                # Rewards the till took offline are capped by the store and
                # debited even beyond the balance (the order has landed).
                spent_offline = self._retail_reward_cost(
                    [item for item in items if item.get("offline")]
                )
                spent = spent_offline + self._retail_reward_cost(
                    [item for item in items if not item.get("offline")]
                )
                if spent > spent_offline and card and card.expiration_date:
                    if card.expiration_date < fields.Date.to_date(source["date"]):
                        raise UserError(
                            self.env._(
                                "Card %(code)s expired on %(date)s: its points "
                                "cannot be spent.",
                                code=card.code,
                                date=card.expiration_date,
                            )
                        )
                if float_is_zero(earned, precision_digits=PRECISION) and not spent:
                    continue
                if not card:
                    card = cards[program] = self._retail_new_card(partner, program)
                pending = program.retail_return_days > 0 and earned > 0
                vals_list.append(
                    {
                        "program_id": program.id,
                        "card_id": card.id,
                        "company_id": source["company"].id,
                        "order_model": order._name,
                        "order_id": order.id,
                        "order_ref": order.display_name,
                        "store_id": source.get("store") and source["store"].id,
                        "date": source["date"],
                        "amount_basis": amount,
                        "tier_id": tier.id,
                        "multiplier": tier.multiplier or 1.0,
                        "points_earned": earned,
                        "points_spent": spent,
                        "points_spent_offline": spent_offline,
                        "state": "pending" if pending else "posted",
                        "release_date": pending
                        and source["date"] + timedelta(days=program.retail_return_days),
                    }
                )
        # sudo: the order points are written by this engine only (users read)
        rows = self.sudo().create(vals_list)
        movements = []
        for row in rows:
            online = float_round(
                row.points_spent - row.points_spent_offline,
                precision_digits=PRECISION,
            )
            if online > 0:
                movements.append(
                    row._retail_movement(
                        -online,
                        "spend",
                        "spend",
                        self.env._("Points spent: %(order)s", order=row.order_ref),
                    )
                )
            if row.points_spent_offline > 0:
                movements.append(
                    row._retail_movement(
                        -row.points_spent_offline,
                        "spend",
                        "spend_offline",
                        self.env._(
                            "Points spent offline: %(order)s", order=row.order_ref
                        ),
                        allow_negative=True,
                    )
                )
        for row in rows.filtered(lambda r: r.state == "posted" and r.points_earned):
            movements.append(
                row._retail_movement(
                    row.points_earned,
                    "earn",
                    "earn",
                    self.env._("Points earned: %(order)s", order=row.order_ref),
                )
            )
        self.env["loyalty.card"].with_context(
            retail_loyalty_offline_spend=True
        )._retail_post_movements(movements)
        rows.filtered("points_spent_offline")._retail_compute_shortfalls()
        return rows

    @api.model
    def _retail_check_reward_cards(self, items, partner, company):
        """The points of a reward come from a card of the order's company held
        by the order's customer (or by nobody: a card scanned at the till), one
        card per program: a card id the till names is checked, never trusted."""
        cards = {item["card"] for item in items}
        for card in cards:
            holder = card.partner_id.commercial_partner_id
            if (
                not card
                or len(cards) > 1
                or (holder and holder != partner.commercial_partner_id)
                or (card.company_id and card.company_id != company)
            ):
                raise UserError(
                    self.env._(
                        "The rewards of %(program)s must take their points from "
                        "one card of the order's customer.",
                        program=items[0]["reward"].program_id.name,
                    )
                )

    def _retail_compute_shortfalls(self):
        """Set the shortfall of rows whose points were spent offline: what the
        card did not hold when the offline spending was posted."""
        keys = {row: row._retail_key("spend_offline") for row in self}
        posted = {
            # sudo: the ledger rows this engine just posted for these records
            history.retail_idempotency_key: history
            for history in self.env["loyalty.history"]
            .sudo()
            .search_fetch(
                [("retail_idempotency_key", "in", list(keys.values()))],
                ["retail_idempotency_key", "retail_balance_after"],
            )
        }
        for row in self:
            history = posted.get(keys[row])
            if not history:
                continue
            shortfall = min(
                row.points_spent_offline, max(-history.retail_balance_after, 0.0)
            )
            if float_compare(shortfall, 0.0, precision_digits=PRECISION) > 0:
                row.points_shortfall = float_round(
                    shortfall, precision_digits=PRECISION
                )

    def _retail_report_shortfalls(self):
        """Report the shortfalls of these records not reported yet, in one call
        of retail_card's hook (an incident for the store when the bridge module
        is installed), once."""
        # sudo: the flag is the system's; records of orders the sync settled
        rows = self.sudo().filtered(
            lambda row: row.points_shortfall > 0 and not row.shortfall_reported
        )
        if not rows:
            return
        self.env["loyalty.card"]._retail_report_shortfalls(
            [
                {
                    "card": row.card_id,
                    "amount": row.points_shortfall,
                    "order": self.env[row.order_model].browse(row.order_id),
                    "store_id": row.store_id.id,
                    "description": self.env._(
                        "%(order)s spent %(spent)s points of card %(code)s offline; "
                        "%(shortfall)s were no longer on the card when it synced.",
                        order=row.order_ref,
                        spent=row.points_spent_offline,
                        code=row.card_id.code,
                        shortfall=row.points_shortfall,
                    ),
                }
                for row in rows
            ]
        )
        rows.shortfall_reported = True

    @api.model
    def _retail_reward_change(self, order, card, delta):
        """Reward lines of ``card`` added to (``delta`` > 0 points) or removed
        from (``delta`` < 0) the confirmed ``order``: post the difference as a
        new spend or reverse row and keep it on the order's record, so that a
        cancellation or a credit note gives back what the order spent in the
        end. Ledger rows are never edited."""
        if float_is_zero(delta, precision_digits=PRECISION):
            return {}
        # sudo: the order's own points record, for the sale line flow (private)
        row = self.sudo().search(
            [
                ("order_model", "=", order._name),
                ("order_id", "=", order.id),
                ("program_id", "=", card.program_id.id),
            ],
            limit=1,
        )
        if row and row.card_id != card:
            raise UserError(
                self.env._(
                    "Order %(order)s already uses card %(card)s of program "
                    "%(program)s: its rewards cannot take points from card "
                    "%(other)s.",
                    order=order.display_name,
                    card=row.card_id.code,
                    program=card.program_id.name,
                    other=card.code,
                )
            )
        if not row and delta < 0:
            return {}
        if not row:
            # sudo: the order points are written by this engine only
            row = self.sudo().create(
                {
                    "program_id": card.program_id.id,
                    "card_id": card.id,
                    "company_id": order.company_id.id,
                    "order_model": order._name,
                    "order_id": order.id,
                    "order_ref": order.display_name,
                    "date": order.date_order,
                    "amount_basis": order.amount_total,
                    "tier_id": card.retail_tier_id.id,
                    "multiplier": card.retail_tier_id.multiplier or 1.0,
                }
            )
        row.lock_for_update()
        row.invalidate_recordset()
        number = row.reward_changes + 1
        if delta > 0:
            movement = row._retail_movement(
                -delta,
                "spend",
                f"reward/{number}",
                self.env._("Reward added to %(order)s", order=row.order_ref),
            )
        else:
            movement = row._retail_movement(
                -delta,
                "reverse",
                f"reward/{number}",
                self.env._("Reward removed from %(order)s", order=row.order_ref),
                reason=self.env._("Reward removed"),
            )
        row.write(
            {
                "points_spent": float_round(
                    row.points_spent + delta, precision_digits=PRECISION
                ),
                "reward_changes": number,
            }
        )
        return self.env["loyalty.card"]._retail_post_movements([movement])

    @api.model
    def _retail_partner_cards(self, partner, programs):
        """{program: the partner's card} for nominative loyalty programs."""
        if not partner:
            return {}
        # sudo: the order's customer's cards of the programs its company runs
        cards = (
            self.env["loyalty.card"]
            .sudo()
            .search(
                [("partner_id", "=", partner.id), ("program_id", "in", programs.ids)],
                order="id",
            )
        )
        result = {}
        for card in cards:
            result.setdefault(card.program_id, card)
        return result

    @api.model
    def _retail_new_card(self, partner, program):
        # sudo: users may not create cards; the order creates its customer's one
        return (
            self.env["loyalty.card"]
            .sudo()
            .with_context(action_no_send_mail=True)
            .create(
                {
                    "program_id": program.id,
                    "partner_id": partner.id,
                    "points": 0,
                }
            )
        )

    @api.model
    def _retail_reward_cost(self, items):
        """Points that reward lines cost, checked against the rewards on the
        server's figures of the lines: a line claiming less than its reward
        costs is charged the reward's cost, and a discount larger than one
        claim of its reward gives is charged the claims it takes."""
        total = 0.0
        for (__, reward), group in groupby(
            items, key=lambda item: (item.get("code") or id(item), item["reward"])
        ):
            claimed = sum(item["points_cost"] for item in group)
            amount = abs(sum(item["amount"] for item in group))
            if reward.reward_type == "discount" and reward.discount_mode == "per_point":
                minimum = amount / reward.discount if reward.discount else 0.0
            elif reward.reward_type == "discount":
                value = self._retail_claim_value(reward, group[0].get("basis"))
                claims = (
                    math.ceil(float_round(amount / value, precision_digits=2))
                    if value
                    else 1
                )
                minimum = reward.required_points * max(claims, 1)
            else:
                minimum = reward.required_points
            total += max(claimed, minimum)
        return float_round(total, precision_digits=PRECISION)

    @api.model
    def _retail_claim_value(self, reward, basis):
        """Most discount one claim of the discount ``reward`` gives: its fixed
        amount (per order), or its percentage of the order's lines ``basis``
        (server figures, an upper bound of what it discounts), capped by its
        maximum amount. 0 when unknown (no basis)."""
        if reward.discount_mode == "per_order":
            value = reward.discount
        elif basis:
            value = abs(basis) * reward.discount / 100
        else:
            return 0.0
        if reward.discount_max_amount:
            value = min(value, reward.discount_max_amount)
        return value

    def _retail_movement(self, amount, kind, key, description, source=None, **extra):
        """A movement dict for ``loyalty.card._retail_post_movements``."""
        self.ensure_one()
        source = source or {}
        return {
            "card": self.card_id,
            "amount": amount,
            "kind": kind,
            "description": description,
            "order_model": source.get("order_model", self.order_model),
            "order_id": source.get("order_id", self.order_id),
            "store_id": source.get("store_id", self.store_id.id),
            "key": self._retail_key(key, source),
            **extra,
        }

    def _retail_key(self, key, source=None):
        """Idempotency key of a movement of this record (``source``: the return
        or cancellation that causes it)."""
        self.ensure_one()
        suffix = f"{source['order_model']}/{source['order_id']}/" if source else ""
        return f"retail_loyalty/{self.id}/{suffix}{key}"

    def _retail_return(self, amounts, source):
        """Give back points for returned goods, in proportion to the amount
        returned: earned points are cancelled (pending) or taken back (posted,
        the balance may go negative), spent points come back. Cumulated over
        partial returns, never more than the order earned or spent.

        :param amounts: {record: amount returned now}
        :param source: ``order_model``, ``order_id``, ``order_ref`` and
            ``store_id`` of the return (the refund or the cancelled order)
        """
        # sudo: the order points are written by this engine only (users read)
        rows = self.sudo().filtered(lambda r: r.state != "cancelled" or r.points_spent)
        if not rows:
            return {}
        rows.lock_for_update()
        rows.invalidate_recordset()
        movements = []
        for row in rows:
            returned = min(row.amount_basis, row.amount_returned + amounts[row])
            ratio = returned / row.amount_basis if row.amount_basis > 0 else 1.0
            earn_back = float_round(
                row.points_earned * ratio - row.points_earned_reversed,
                precision_digits=PRECISION,
            )
            spend_back = float_round(
                row.points_spent * ratio - row.points_spent_returned,
                precision_digits=PRECISION,
            )
            vals = {"amount_returned": returned}
            ref = source["order_ref"]
            if earn_back > 0:
                vals["points_earned_reversed"] = row.points_earned_reversed + earn_back
                if row.state == "posted":
                    movements.append(
                        row._retail_movement(
                            -earn_back,
                            "reverse",
                            "earn",
                            self.env._(
                                "Points of %(order)s taken back: %(refund)s",
                                order=row.order_ref,
                                refund=ref,
                            ),
                            source,
                            allow_negative=True,
                            reason=self.env._("Return"),
                        )
                    )
                elif row.state == "pending" and not float_compare(
                    vals["points_earned_reversed"],
                    row.points_earned,
                    precision_digits=PRECISION,
                ):
                    vals["state"] = "cancelled"
            if spend_back > 0:
                vals["points_spent_returned"] = row.points_spent_returned + spend_back
                movements.append(
                    row._retail_movement(
                        spend_back,
                        "reverse",
                        "spend",
                        self.env._(
                            "Points spent on %(order)s given back: %(refund)s",
                            order=row.order_ref,
                            refund=ref,
                        ),
                        source,
                        reason=self.env._("Return"),
                    )
                )
            row.write(vals)
        return self.env["loyalty.card"]._retail_post_movements(movements)

    def _retail_cancel(self, source):
        """Reverse everything the orders of these records earned and spent
        (order cancelled), then archive the records so that the order may be
        confirmed again."""
        # sudo: the order points are written by this engine only
        rows = self.sudo().filtered("active")
        result = rows._retail_return(
            {row: row.amount_basis - row.amount_returned for row in rows}, source
        )
        pending = rows.filtered(lambda r: r.state == "pending")
        pending.write({"state": "cancelled"})
        rows.write({"active": False})
        return result

    def _retail_release(self):
        """Post the pending points whose return window is over."""
        # sudo: the cron's engine; the order points are written by it only
        rows = self.sudo().filtered(lambda r: r.state == "pending")
        movements = []
        for row in rows:
            points = float_round(
                row.points_earned - row.points_earned_reversed,
                precision_digits=PRECISION,
            )
            if points > 0:
                movements.append(
                    row._retail_movement(
                        points,
                        "earn",
                        "earn",
                        self.env._("Points earned: %(order)s", order=row.order_ref),
                    )
                )
        result = self.env["loyalty.card"]._retail_post_movements(movements)
        rows.write({"state": "posted"})
        return result

    @api.model
    def _cron_release_pending(self, chunk=1000):
        """Release pending points whose return window is over, in chunks."""
        Cron = self.env["ir.cron"]
        while True:
            rows = self.search(
                [
                    ("state", "=", "pending"),
                    ("release_date", "<=", fields.Datetime.now()),
                ],
                limit=chunk,
            ).try_lock_for_update()
            if not rows:
                return
            rows._retail_release()
            if not Cron._commit_progress(len(rows)):
                return

    @api.model
    def _retail_rows_of(self, orders):
        # sudo: the points records of orders the caller is processing (private)
        return self.sudo().search(
            [("order_model", "=", orders._name), ("order_id", "in", orders.ids)]
        )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, float_is_zero, float_round, groupby

from .retail_loyalty_order_points import PRECISION


class RetailLoyaltyOrderPoints(models.Model):
    """Settlement of orders: the points they earn and spend, checked and
    posted to the ledger once per order and program."""

    _inherit = "retail.loyalty.order.points"

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
        settled = self._retail_settled_orders(sources)
        vals_list = []
        for source in sources:
            order = source["order"]
            if (order._name, order.id) in settled:
                continue
            vals_list += self._retail_settle_vals(source)
        # sudo: the order points are written by this engine only (users read)
        rows = self.sudo().create(vals_list)
        movements = rows._retail_settle_movements()
        self.env["loyalty.card"].with_context(
            retail_loyalty_offline_spend=True
        )._retail_post_movements(movements)
        rows.filtered("points_spent_offline")._retail_compute_shortfalls()
        return rows

    @api.model
    def _retail_settled_orders(self, sources):
        """{(model, id)} of the orders of ``sources`` already settled."""
        orders = [(source["order"]._name, source["order"].id) for source in sources]
        # sudo: engine of the order flows (private); which orders are settled
        return {
            (row.order_model, row.order_id)
            for row in self.sudo().search_fetch(
                [
                    ("order_model", "in", list({model for model, __ in orders})),
                    ("order_id", "in", [order_id for __, order_id in orders]),
                ],
                ["order_model", "order_id"],
            )
        }

    @api.model
    def _retail_settle_vals(self, source):
        """Values of the records of the order ``source`` (see
        ``_retail_settle``): one per program in which it earns points (its
        customer admitted) or spends them (its reward lines)."""
        Program = self.env["loyalty.program"]
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
            return []
        cards = self._retail_partner_cards(partner, programs)
        vals_list = []
        for program in programs:
            items = [item for item in rewards if item["reward"].program_id == program]
            vals = self._retail_program_vals(
                source, program, program in eligible, items, cards
            )
            if vals:
                vals_list.append(vals)
        return vals_list

    @api.model
    def _retail_program_vals(self, source, program, earns, items, cards):
        """Values of the record of the order ``source`` in ``program``, or None
        when it neither earns (``earns``: the customer is admitted) nor spends
        (``items``: its reward lines of the program) points. ``cards``: {program:
        the customer's card}, completed with the card created when the customer
        has none."""
        partner = source["partner"]
        card = (items and items[0]["card"]) or cards.get(program)
        tier = card.retail_tier_id if card else self.env["retail.loyalty.tier"]
        earned = (
            program._retail_compute_points(source["lines"], tier.multiplier, source)
            if earns
            else 0.0
        )
        if items:
            self._retail_check_reward_cards(items, partner, source["company"])
        if items and card:
            card._retail_check_rewards_allowed(
                self.env["loyalty.reward"].union(*(item["reward"] for item in items))
            )
        # Rewards the till took offline are capped by the store and
        # debited even beyond the balance (the order has landed).
        spent_offline = self._retail_reward_cost(
            [item for item in items if item.get("offline")]
        )
        spent = spent_offline + self._retail_reward_cost(
            [item for item in items if not item.get("offline")]
        )
        if spent > spent_offline and card:
            self._retail_check_card_spendable(card, source["date"])
        if float_is_zero(earned, precision_digits=PRECISION) and not spent:
            return None
        if not card:
            card = cards[program] = self._retail_new_card(partner, program)
        pending = program.retail_return_days > 0 and earned > 0
        return {
            "program_id": program.id,
            "card_id": card.id,
            "company_id": source["company"].id,
            "order_model": source["order"]._name,
            "order_id": source["order"].id,
            "order_ref": source["order"].display_name,
            "store_id": source.get("store") and source["store"].id,
            "date": source["date"],
            "amount_basis": sum(line["amount"] for line in source["lines"]),
            "tier_id": tier.id,
            "multiplier": tier.multiplier or 1.0,
            "points_earned": earned,
            "points_spent": spent,
            "points_spent_offline": spent_offline,
            "state": "pending" if pending else "posted",
            "release_date": pending
            and source["date"] + timedelta(days=program.retail_return_days),
        }

    @api.model
    def _retail_check_card_spendable(self, card, date):
        """Refuse spending the points of ``card`` after its expiry date."""
        if card.expiration_date and card.expiration_date < fields.Date.to_date(date):
            raise UserError(
                self.env._(
                    "Card %(code)s expired on %(date)s: its points cannot be spent.",
                    code=card.code,
                    date=card.expiration_date,
                )
            )

    def _retail_settle_movements(self):
        """The ledger movements of the records just settled: their spending
        (online, then offline), then the points earned of the posted ones."""
        movements = []
        for row in self:
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
        for row in self.filtered(lambda r: r.state == "posted" and r.points_earned):
            movements.append(row._retail_earn_movement(row.points_earned))
        return movements

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

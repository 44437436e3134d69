# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, float_is_zero, float_round

from .retail_loyalty_order_points import PRECISION


class RetailLoyaltyOrderPoints(models.Model):
    """After settlement: reward lines changed on a confirmed order, returns and
    cancellations, and the release of pending points."""

    _inherit = "retail.loyalty.order.points"

    @api.model
    def _retail_reward_change(self, order, card, delta):
        """Reward lines of ``card`` added to (``delta`` > 0 points) or removed
        from (``delta`` < 0) the confirmed ``order``: post the difference as a
        new spend or reverse row and keep it on the order's record, so that a
        cancellation or a credit note gives back what the order spent in the
        end. Ledger rows are never edited."""
        if float_is_zero(delta, precision_digits=PRECISION):
            return {}
        row = self._retail_order_row(order, card)
        if not row and delta < 0:
            return {}
        if not row:
            row = self._retail_new_order_row(order, card)
        row.lock_for_update()
        row.invalidate_recordset()
        number = row.reward_changes + 1
        movement = row._retail_reward_change_movement(delta, number)
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
    def _retail_order_row(self, order, card):
        """The record of ``order`` in the program of ``card`` (or none), which
        must take its points from ``card``."""
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
        return row

    @api.model
    def _retail_new_order_row(self, order, card):
        """A record of ``order`` in the program of ``card``, that neither
        earned nor spent yet (its first reward line)."""
        # sudo: the order points are written by this engine only
        return self.sudo().create(
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

    def _retail_reward_change_movement(self, delta, number):
        """The movement of the ``number``-th reward change of the order:
        ``delta`` more points spent (a spend) or fewer (a reverse)."""
        self.ensure_one()
        if delta > 0:
            return self._retail_movement(
                -delta,
                "spend",
                f"reward/{number}",
                self.env._("Reward added to %(order)s", order=self.order_ref),
            )
        return self._retail_movement(
            -delta,
            "reverse",
            f"reward/{number}",
            self.env._("Reward removed from %(order)s", order=self.order_ref),
            reason=self.env._("Reward removed"),
        )

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
            vals, row_movements = row._retail_return_vals(amounts[row], source)
            movements += row_movements
            row.write(vals)
        return self.env["loyalty.card"]._retail_post_movements(movements)

    def _retail_return_vals(self, amount, source):
        """(values to write, movements) of this record when ``amount`` more of
        its order is returned by ``source`` (see ``_retail_return``)."""
        self.ensure_one()
        returned = min(self.amount_basis, self.amount_returned + amount)
        ratio = returned / self.amount_basis if self.amount_basis > 0 else 1.0
        earn_back = float_round(
            self.points_earned * ratio - self.points_earned_reversed,
            precision_digits=PRECISION,
        )
        spend_back = float_round(
            self.points_spent * ratio - self.points_spent_returned,
            precision_digits=PRECISION,
        )
        vals = {"amount_returned": returned}
        movements = []
        ref = source["order_ref"]
        if earn_back > 0:
            vals["points_earned_reversed"] = self.points_earned_reversed + earn_back
            if self.state == "posted":
                movements.append(
                    self._retail_movement(
                        -earn_back,
                        "reverse",
                        "earn",
                        self.env._(
                            "Points of %(order)s taken back: %(refund)s",
                            order=self.order_ref,
                            refund=ref,
                        ),
                        source,
                        allow_negative=True,
                        reason=self.env._("Return"),
                    )
                )
            elif self.state == "pending" and not float_compare(
                vals["points_earned_reversed"],
                self.points_earned,
                precision_digits=PRECISION,
            ):
                vals["state"] = "cancelled"
        if spend_back > 0:
            vals["points_spent_returned"] = self.points_spent_returned + spend_back
            movements.append(
                self._retail_movement(
                    spend_back,
                    "reverse",
                    "spend",
                    self.env._(
                        "Points spent on %(order)s given back: %(refund)s",
                        order=self.order_ref,
                        refund=ref,
                    ),
                    source,
                    reason=self.env._("Return"),
                )
            )
        return vals, movements

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
                movements.append(row._retail_earn_movement(points))
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

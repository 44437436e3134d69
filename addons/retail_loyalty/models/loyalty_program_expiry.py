# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.retail_customer.tools import bulk_statements

# Cards handled per transaction by the expiry job.
EXPIRY_CHUNK = 20000

# The lots of points still to expire of the cards of retail ledger programs with
# an expiry (parameters ``cards``: an SQL condition on ``c``, the card, and
# ``rows``: one on ``h``, the ledger row, that names the same cards so that a
# chunk of cards reads its rows through the index): a day's
# earnings and loads form a lot that expires the program's months later; every
# debit so far (spent, reversed, expired) consumed the oldest lots first, and the
# lots never add up to more than the card's balance. Rows (card id, expiry day,
# points), lots already consumed left out.
LOTS_SQL = """
    WITH cards AS (
        SELECT c.id, c.points, p.retail_expiry_months AS months
          FROM loyalty_card c
          JOIN loyalty_program p ON p.id = c.program_id
         WHERE p.retail_ledger AND p.retail_expiry_months > 0 AND c.points > 0
           AND %(cards)s
    ), used AS (
        SELECT h.card_id, SUM(COALESCE(h.used, 0)) AS used
          FROM loyalty_history h
          JOIN cards ON cards.id = h.card_id
         WHERE %(rows)s
         GROUP BY h.card_id
    ), earned AS (
        SELECT h.card_id, h.create_date::date AS day, SUM(h.issued) AS points
          FROM loyalty_history h
          JOIN cards ON cards.id = h.card_id
         WHERE h.retail_kind IN ('earn', 'adjust') AND h.issued > 0 AND %(rows)s
         GROUP BY h.card_id, h.create_date::date
    ), lots AS (
        -- what the lots up to this one hold, after the debits
        SELECT e.card_id, e.day,
               SUM(e.points) OVER w - u.used AS upto,
               SUM(e.points) OVER w - e.points - u.used AS before
          FROM earned e
          JOIN used u ON u.card_id = e.card_id
        WINDOW w AS (PARTITION BY e.card_id ORDER BY e.day)
    ), remaining AS (
        SELECT l.card_id,
               (l.day + make_interval(months => cards.months))::date AS expiry,
               ROUND((GREATEST(0, LEAST(cards.points, l.upto))
                      - GREATEST(0, LEAST(cards.points, l.before)))::numeric,
                     2) AS points
          FROM lots l
          JOIN cards ON cards.id = l.card_id
    )
    SELECT card_id, expiry, points FROM remaining WHERE points > 0.005
"""


class LoyaltyProgram(models.Model):
    _inherit = "loyalty.program"

    def write(self, vals):
        result = super().write(vals)
        if {"retail_ledger", "retail_expiry_months"} & set(vals):
            # the lots of every card of these programs expire on other days
            cards = self.env["loyalty.card"].search([("program_id", "in", self.ids)])
            cards._retail_refresh_next_expiry()
        return result

    def _retail_lot_expiry_date(self, earned_on):
        """The day the points earned on ``earned_on`` (a day, or a datetime in
        UTC as the ledger keeps them) expire: the program's expiry months later.

        The one rule of expiry: the expiry job removes a lot on that day (at its
        first run on or after it), the notices and the card announce that day.
        Days are UTC days, as the ledger's dates and the job's run; ``LOTS_SQL``
        counts the same days."""
        self.ensure_one()
        return fields.Date.to_date(earned_on) + relativedelta(
            months=self.retail_expiry_months
        )

    @api.model
    def _retail_lots_query(self, cards, card_ids=None):
        """The SQL of the lots still to expire (``LOTS_SQL``) of the cards that
        meet ``cards`` (an SQL condition on ``c``, the card), among
        ``card_ids`` if given, once what it reads is written to the database."""
        self.env["loyalty.history"].flush_model(
            ["card_id", "issued", "used", "retail_kind", "create_date"]
        )
        self.env["loyalty.card"].flush_model(["points", "program_id"])
        self.flush_model(["retail_ledger", "retail_expiry_months"])
        rows = SQL("TRUE")
        if card_ids is not None:
            cards = SQL("%s AND c.id = ANY(%s)", cards, list(card_ids))
            rows = SQL("h.card_id = ANY(%s)", list(card_ids))
        return SQL(LOTS_SQL, cards=cards, rows=rows)

    def _retail_program_lots_query(self, card_ids=None):
        """The lots query of the program's cards, only ``card_ids`` if given."""
        self.ensure_one()
        return self._retail_lots_query(SQL("c.program_id = %s", self.id), card_ids)

    def _retail_expiry_lots(self, card_ids=None, until=None):
        """The points of the program's cards that are still to expire, by lot
        (``LOTS_SQL``): the points earned (or loaded) on one day form a lot,
        which expires on ``_retail_lot_expiry_date`` of that day.

        :param card_ids: the cards to read (all the program's cards if None)
        :param until: keep only the lots that expire on or before this day
        :return: {card id: [(expiry day, points), ...]}, soonest first; only
            cards with a positive balance and at least one lot left
        """
        self.ensure_one()
        if not self.retail_expiry_months or (card_ids is not None and not card_ids):
            return {}
        until_filter = SQL("WHERE expiry <= %s", until) if until else SQL()
        lots = {}
        for card_id, expiry, points in self.env.execute_query(
            SQL(
                "SELECT card_id, expiry, points FROM (%s) AS lots %s "
                "ORDER BY card_id, expiry",
                self._retail_program_lots_query(card_ids),
                until_filter,
            )
        ):
            lots.setdefault(card_id, []).append((expiry, float(points)))
        return lots

    def _retail_expirable_points(self, day, card_ids=None):
        """{card id: points} of the lots that expire on or before ``day`` (a
        day or a datetime), added up in SQL (see ``_retail_expiry_lots``)."""
        self.ensure_one()
        if not self.retail_expiry_months or (card_ids is not None and not card_ids):
            return {}
        return {
            card_id: float(points)
            for card_id, points in self.env.execute_query(
                SQL(
                    "SELECT card_id, ROUND(SUM(points), 2) FROM (%s) AS lots "
                    "WHERE expiry <= %s GROUP BY card_id",
                    self._retail_program_lots_query(card_ids),
                    fields.Date.to_date(day),
                )
            )
        }

    def _retail_expire_points(self, now=None, card_ids=None):
        """Post one "expire" movement per card of the program with lots whose
        expiry day (``_retail_lot_expiry_date``) is ``now``'s day or before, in
        one posting (the ledger's bulk path for many cards), which writes the
        cards' next expiry, from the same lots (the first lot after that day),
        with their balances.
        Idempotent per day (movement key).

        :return: {card id: points expired}
        """
        self.ensure_one()
        day = fields.Date.to_date(now or fields.Date.today())
        Card = self.env["loyalty.card"]
        if card_ids is None:
            card_ids = Card.search(
                [("program_id", "=", self.id), ("points", ">", 0)], order="id"
            ).ids
        if not card_ids or not self.retail_expiry_months:
            return {}
        # the cards are locked before their lots are read: a till's posting on
        # one of them waits for this chunk, and the amounts expired are those
        # of the balances the ledger posts on
        Card.browse(card_ids)._retail_lock_balances()
        with bulk_statements(self.env):
            lots_of = self._retail_expiry_lots(card_ids)
        due, nexts = {}, {}
        for card_id, lots in lots_of.items():
            expired = [points for expiry, points in lots if expiry <= day]
            if not expired:
                continue
            due[card_id] = round(sum(expired), 2)
            later = [(expiry, points) for expiry, points in lots if expiry > day]
            first = later[0][0] if later else False
            nexts[card_id] = (
                first,
                round(sum(points for expiry, points in later if expiry == first), 2),
            )
        description = self.env._(
            "Points expired on %(date)s", date=fields.Date.to_string(day)
        )
        Card._retail_post_movements(
            [
                {
                    "card": card_id,
                    "amount": -points,
                    "kind": "expire",
                    "description": description,
                    "key": f"retail_loyalty/expire/{card_id}/{day}",
                }
                for card_id, points in due.items()
            ],
            card_values={
                card_id: {
                    "retail_next_expiry_date": first,
                    "retail_next_expiry_points": points,
                }
                for card_id, (first, points) in nexts.items()
            },
        )
        return due

    @api.model
    def _cron_retail_expire(self):
        """Expire points of every program with an expiry, by chunks of cards
        in id order, each chunk committed (``_commit_progress``). Only the
        cards whose next expiry (kept by the ledger) is today or before have
        points to expire: they are found through its index. A run stopped
        halfway is resumed by the next one: the cards already done have their
        next expiry after today, and the day's movement key refuses a second
        expiry."""
        Cron = self.env["ir.cron"]
        Card = self.env["loyalty.card"]
        today = fields.Date.today()
        for program in self.search(
            [("retail_ledger", "=", True), ("retail_expiry_months", ">", 0)]
        ):
            last_id = 0
            while True:
                card_ids = Card.search(
                    [
                        ("program_id", "=", program.id),
                        ("retail_next_expiry_date", "<=", today),
                        ("points", ">", 0),
                        ("id", ">", last_id),
                    ],
                    order="id",
                    limit=EXPIRY_CHUNK,
                ).ids
                if not card_ids:
                    break
                last_id = card_ids[-1]
                program._retail_expire_points(now=today, card_ids=card_ids)
                if not Cron._commit_progress(len(card_ids)):
                    return

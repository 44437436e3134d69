# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import SQL

from ..models import loyalty_program_expiry
from .common import RetailLoyaltyCommon


@tagged("post_install", "-at_install")
class TestTiers(RetailLoyaltyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Tier = cls.env["retail.loyalty.tier"]
        cls.bronze = Tier.create(
            {"name": "Bronze", "program_id": cls.program.id, "sequence": 1}
        )
        cls.silver = Tier.create(
            {
                "name": "Silver",
                "program_id": cls.program.id,
                "sequence": 5,
                "threshold": 150,
                "multiplier": 1.5,
            }
        )
        cls.gold.sequence = 10
        cls.other = cls.env["res.partner"].create({"name": "Big Spender"})
        cls.idle = cls.env["res.partner"].create({"name": "Idle"})
        cls.manager = new_test_user(
            cls.env,
            login="tier_manager",
            groups="base.group_user,retail_card.group_card_store_manager",
        )
        cls.cashier = new_test_user(
            cls.env,
            login="tier_cashier",
            groups="base.group_user,retail_card.group_card_cashier",
        )

    def test_promotion_demotion_and_manual_override(self):
        self.open_new_session()
        self._sell([(self.shoes, 2)])
        self._sell([(self.shoes, 11)], partner=self.other)
        idle_card = self._give_points(5, self.idle)
        card, other_card = self._card(), self._card(self.other)
        changed = self.program._retail_recompute_tiers()
        self.assertEqual(changed, 3)
        self.assertEqual(card.retail_tier_id, self.silver)
        self.assertEqual(other_card.retail_tier_id, self.gold)
        self.assertEqual(idle_card.retail_tier_id, self.bronze)
        self.assertEqual(self.program._retail_recompute_tiers(), 0, "stable")

        # a cashier may not override; a manager must give a reason
        with self.assertRaises(AccessError):
            card.with_user(self.cashier).action_retail_set_tier(self.gold.id, "VIP")
        with self.assertRaises(ValidationError):
            card.with_user(self.manager).action_retail_set_tier(self.gold.id, " ")
        self.env["retail.loyalty.tier.override"].with_user(self.manager).create(
            {
                "card_ids": [Command.set(card.ids)],
                "tier_id": self.gold.id,
                "reason": "Brand ambassador",
            }
        ).action_apply()
        self.assertRecordValues(
            card,
            [
                {
                    "retail_tier_id": self.gold.id,
                    "retail_tier_locked": True,
                    "retail_tier_reason": "Brand ambassador",
                }
            ],
        )
        # a year later, spend is outside the period: demoted, except the override
        later = fields.Datetime.now() + relativedelta(months=13)
        self.program._retail_recompute_tiers(now=later)
        self.assertEqual(other_card.retail_tier_id, self.bronze)
        self.assertEqual(card.retail_tier_id, self.gold, "locked by hand")
        self.env["retail.loyalty.tier.override"].with_user(self.manager).create(
            {"card_ids": [Command.set(card.ids)], "unlock": True, "reason": "Ends"}
        ).action_apply()
        self.assertFalse(card.retail_tier_locked)
        self.program._retail_recompute_tiers(now=later)
        self.assertEqual(card.retail_tier_id, self.bronze)

    def test_points_basis(self):
        self.silver.write({"basis": "points", "threshold": 50})
        card = self._give_points(60)
        self.program._retail_recompute_tiers()
        self.assertEqual(card.retail_tier_id, self.silver)


@tagged("post_install", "-at_install", "retail_money")
class TestExpiry(RetailLoyaltyCommon):
    def _age(self, card, months):
        """Move the last ledger row of ``card`` ``months`` back in time."""
        row = self._ledger(card)[-1]
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE loyalty_history SET create_date = %s WHERE id = %s",
                fields.Datetime.now() - relativedelta(months=months),
                row.id,
            )
        )
        self.env.invalidate_all()

    def test_oldest_points_expire_first_once(self):
        self.program.retail_expiry_months = 12
        card = self._give_points(100)
        self._age(card, 14)
        self.Card._retail_post_movements(
            [{"card": card, "amount": -30, "kind": "spend"}]
        )
        self._age(card, 2)
        self._give_points(50)
        self._age(card, 1)
        expired = self.program._retail_expire_points()
        self.assertEqual(expired, {card.id: 70.0}, "100 old points, 30 spent")
        self.assertEqual(card.points, 50, "the recent 50 stay")
        last = self._ledger(card)[-1]
        self.assertEqual((last.retail_kind, last.used), ("expire", 70))
        self.assertEqual(self.program._retail_expire_points(), {}, "once")
        # the recent points expire in their turn
        later = fields.Datetime.now() + relativedelta(months=12)
        self.assertEqual(self.program._retail_expire_points(now=later), {card.id: 50})
        self.assertEqual(card.points, 0)
        self.assertBalanceInvariant(card)

    def test_no_expiry_without_months_and_negative_balance(self):
        card = self._give_points(100)
        self._age(card, 40)
        self.program.retail_expiry_months = 12
        self.Card._retail_post_movements(
            [
                {
                    "card": card,
                    "amount": -150,
                    "kind": "reverse",
                    "reason": "Return",
                    "allow_negative": True,
                }
            ]
        )
        self.assertEqual(self.program._retail_expire_points(), {})
        self.assertBalanceInvariant(card)

    def test_next_expiry_kept_on_the_card(self):
        """Every posting writes the card's next expiry (day and points) again,
        as the lots give it: the audiences filter cards by it."""
        self.program.retail_expiry_months = 12
        card = self._give_points(100)
        today_lot = self.program._retail_lot_expiry_date(fields.Datetime.now())
        self.assertEqual(card.retail_next_expiry_date, today_lot)
        self.assertEqual(card.retail_next_expiry_points, 100)
        # a row dated by hand in SQL: the card is read again by hand
        self._age(card, 11)
        card._retail_refresh_next_expiry()
        first = self.program._retail_lot_expiry_date(
            fields.Datetime.now() - relativedelta(months=11)
        )
        self.assertEqual(card.retail_next_expiry_date, first)
        self._give_points(50)
        self.Card._retail_post_movements(
            [{"card": card, "amount": -30, "kind": "spend"}]
        )
        self.assertEqual(card.retail_next_expiry_date, first)
        self.assertEqual(card.retail_next_expiry_points, 70, "spent oldest first")
        self.program._retail_expire_points(now=first)
        self.assertEqual(card.retail_next_expiry_date, today_lot)
        self.assertEqual(card.retail_next_expiry_points, 50)
        self.Card._retail_post_movements(
            [{"card": card, "amount": -50, "kind": "spend"}]
        )
        self.assertFalse(card.retail_next_expiry_date)
        self.assertEqual(card.retail_next_expiry_points, 0)
        # a program without expiry: no next expiry on its cards
        self._give_points(10)
        self.assertTrue(card.retail_next_expiry_date)
        self.program.retail_expiry_months = 0
        self.assertFalse(card.retail_next_expiry_date)


@tagged("post_install", "-at_install")
class TestExpiryJob(RetailLoyaltyCommon):
    """The scheduled expiry job over many cards: chunks posted through the
    ledger's bulk path, committed one by one, resumed after a stop."""

    def _cards_with_old_points(self, count):
        """``count`` cards holding 100 points earned 13 months ago, 30 of them
        also 40 points earned today."""
        self.program.retail_expiry_months = 12
        partners = self.env["res.partner"].create(
            [{"name": f"Customer {n}"} for n in range(count)]
        )
        cards = self.Card.create(
            [{"program_id": self.program.id, "partner_id": p.id} for p in partners]
        )
        self.Card._retail_post_movements(
            [{"card": card_id, "amount": 100, "kind": "earn"} for card_id in cards.ids]
        )
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE loyalty_history SET create_date = %s WHERE card_id = ANY(%s)",
                fields.Datetime.now() - relativedelta(months=13),
                cards.ids,
            )
        )
        self.env.invalidate_all()
        cards._retail_refresh_next_expiry()
        self.Card._retail_post_movements(
            [
                {"card": card_id, "amount": 40, "kind": "earn"}
                for card_id in cards.ids[:30]
            ]
        )
        return cards

    def _run_job(self, stop_after_chunks=None):
        """Run the job as the scheduler does, in chunks of 250 cards; its
        commits are left out (the test's transaction), and with
        ``stop_after_chunks`` its time runs out after that many chunks."""
        chunks = []

        def commit_progress(cron, processed=0, **kwargs):
            chunks.append(processed)
            return stop_after_chunks is None or len(chunks) < stop_after_chunks

        Cron = type(self.env["ir.cron"])
        with (
            patch.object(loyalty_program_expiry, "EXPIRY_CHUNK", 250),
            patch.object(Cron, "_commit_progress", commit_progress),
        ):
            self.env["loyalty.program"]._cron_retail_expire()
        return chunks

    def _expired(self, cards):
        return self.History.search(
            [("card_id", "in", cards.ids), ("retail_kind", "=", "expire")]
        )

    def test_job_run_twice_expires_once(self):
        cards = self._cards_with_old_points(600)
        self.assertEqual(self._run_job(), [250, 250, 100])
        self.assertEqual(len(self._expired(cards)), 600, "one expiry per card")
        self.assertEqual(set(self._expired(cards).mapped("used")), {100})
        self.assertEqual(self._run_job(), [], "nothing left to expire")
        self.assertEqual(len(self._expired(cards)), 600)
        self.assertEqual(set(cards[:30].mapped("points")), {40})
        self.assertEqual(set(cards[30:].mapped("points")), {0})
        self.assertBalanceInvariant(cards)
        # the next expiry is written with the balances: the recent lot, or none
        today_lot = self.program._retail_lot_expiry_date(fields.Datetime.now())
        self.assertEqual(set(cards[:30].mapped("retail_next_expiry_date")), {today_lot})
        self.assertEqual(set(cards[:30].mapped("retail_next_expiry_points")), {40})
        self.assertEqual(set(cards[30:].mapped("retail_next_expiry_date")), {False})
        self.assertEqual(set(cards[30:].mapped("retail_next_expiry_points")), {0})

    def test_job_stopped_halfway_resumes_without_expiring_twice(self):
        cards = self._cards_with_old_points(600)
        self.assertEqual(self._run_job(stop_after_chunks=1), [250])
        self.assertEqual(len(self._expired(cards)), 250)
        self.assertEqual(self._run_job(), [250, 100], "the rest, in the next run")
        self.assertEqual(len(self._expired(cards)), 600)
        self.assertEqual(self._run_job(), [])
        self.assertBalanceInvariant(cards)

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import RetailCardCommon


@tagged("post_install", "-at_install", "retail_money")
class TestCardLedger(RetailCardCommon):
    def test_credit_then_debit(self):
        card = self.points_card
        self.assertEqual(self._post(card, 100, "earn"), {card.id: 100.0})
        self.assertEqual(card.points, 100)
        self.assertEqual(self._post(card, -30, "spend"), {card.id: 70.0})
        self.assertEqual(card.points, 70)
        earn, spend = self._ledger(card)
        self.assertRecordValues(
            earn | spend,
            [
                {"retail_kind": "earn", "issued": 100, "used": 0},
                {"retail_kind": "spend", "issued": 0, "used": 30},
            ],
        )
        self.assertEqual(earn.retail_balance_after, 100)
        self.assertEqual(spend.retail_balance_after, 70)
        self.assertEqual(earn.description, "Points earned")
        self.assertBalanceInvariant(card)

    def test_movement_carries_its_source(self):
        order = self.env["res.partner"].create({"name": "Stands for an order"})
        self._post(
            self.gift_card,
            50,
            "load",
            description="Gift card sold",
            order_model="res.partner",
            order_id=order.id,
            store_id=self.store,
            key="sale/1/load",
        )
        self.assertRecordValues(
            self._ledger(self.gift_card),
            [
                {
                    "description": "Gift card sold",
                    "order_model": "res.partner",
                    "order_id": order.id,
                    "retail_store_id": self.store.id,
                    "retail_idempotency_key": "sale/1/load",
                    "retail_balance_after": 50,
                }
            ],
        )

    def test_one_call_moves_several_cards(self):
        other = self._card(self.points_program)
        balances = self.Card._retail_post_movements(
            [
                {"card": self.points_card, "amount": 10, "kind": "earn"},
                {"card": other.id, "amount": 5, "kind": "earn"},
                {"card": self.points_card, "amount": 2.5, "kind": "earn"},
                {"card": self.gift_card, "amount": 20, "kind": "load"},
                {"card": self.points_card, "amount": -12.5, "kind": "spend"},
            ]
        )
        self.assertEqual(
            balances,
            {self.points_card.id: 0.0, other.id: 5.0, self.gift_card.id: 20.0},
        )
        self.assertEqual(
            self._ledger(self.points_card).mapped("retail_balance_after"),
            [10, 12.5, 0],
            "each row tells the balance after it, in the order of the movements",
        )
        self.assertBalanceInvariant(self.points_card | other | self.gift_card)

    def test_idempotent_replay_changes_nothing(self):
        card = self.gift_card
        movement = {"card": card, "amount": 40, "kind": "load", "key": "pos/A1/load"}
        self.Card._retail_post_movements([movement])
        # the same order synchronised again: same balance, no second row
        self.assertEqual(self.Card._retail_post_movements([movement]), {card.id: 40})
        self.assertEqual(len(self._ledger(card)), 1)
        # replayed together with a new movement: only the new one is posted
        balances = self.Card._retail_post_movements(
            [movement, {"card": card, "amount": -15, "kind": "redeem", "key": "B2"}]
        )
        self.assertEqual(balances, {card.id: 25})
        self.assertEqual(len(self._ledger(card)), 2)
        # a replay that disagrees with the first posting is refused (see
        # test_native_paths)
        with self.assertRaisesRegex(ValidationError, "pos/A1/load"):
            self.Card._retail_post_movements([dict(movement, amount=400)])
        self.assertEqual(card.points, 25)
        self.assertEqual(len(self._ledger(card)), 2)
        self.assertBalanceInvariant(card)

    def test_overspend_refused_and_nothing_written(self):
        card, other = self.gift_card, self.points_card
        self._post(card, 50, "load")
        with self.assertRaisesRegex(UserError, rf"{card.code}.*50") as error:
            self.Card._retail_post_movements(
                [
                    {"card": other, "amount": 10, "kind": "earn"},
                    {"card": card, "amount": -50.01, "kind": "redeem"},
                ]
            )
        self.assertIn("cannot be debited", str(error.exception))
        self.assertEqual(card.points, 50)
        self.assertEqual(other.points, 0)
        self.assertEqual(len(self._ledger(card | other)), 1, "nothing written")
        # the whole balance can be spent, to zero
        self.assertEqual(self._post(card, -50, "redeem"), {card.id: 0.0})
        with self.assertRaises(UserError):
            self._post(card, -0.01, "redeem")
        self.assertBalanceInvariant(card | other)

    def test_reversal_may_go_negative_when_asked(self):
        card = self.points_card
        self._post(card, 30, "earn")
        self._post(card, -25, "spend")
        with self.assertRaises(UserError, msg="a reversal is refused by default"):
            self._post(card, -30, "reverse")
        with self.assertRaisesRegex(ValidationError, "Only a reversal"):
            self._post(card, -30, "spend", allow_negative=True)
        self.assertEqual(
            self._post(card, -30, "reverse", allow_negative=True), {card.id: -25.0}
        )
        self.assertEqual(self._ledger(card)[-1].retail_balance_after, -25)
        # a negative balance is recovered from later earnings, never spent
        with self.assertRaises(UserError):
            self._post(card, -1, "spend")
        self.assertEqual(self._post(card, 40, "earn"), {card.id: 15.0})
        self.assertBalanceInvariant(card)

    def test_running_balance_within_one_call(self):
        card = self.points_card
        self._post(card, 10, "earn")
        # debit first: the balance would be negative in between
        with self.assertRaises(UserError):
            self.Card._retail_post_movements(
                [
                    {"card": card, "amount": -15, "kind": "spend"},
                    {"card": card, "amount": 10, "kind": "earn"},
                ]
            )
        self.assertEqual(card.points, 10)
        # credit first: accepted
        self.Card._retail_post_movements(
            [
                {"card": card, "amount": 10, "kind": "earn"},
                {"card": card, "amount": -15, "kind": "spend"},
            ]
        )
        self.assertEqual(card.points, 5)
        self.assertBalanceInvariant(card)

    def test_reversal_exactly_once(self):
        card = self.gift_card
        self._post(card, 100, "load")
        self._post(card, -30, "redeem", key="pos/7/pay")
        redeem = self._ledger(card)[-1]
        self.assertEqual(
            self.Card._retail_reverse(redeem, "POS refund R7"), {card.id: 100}
        )
        reversal = self._ledger(card)[-1]
        self.assertRecordValues(
            reversal,
            [
                {
                    "retail_kind": "reverse",
                    "retail_reversed_id": redeem.id,
                    "issued": 30,
                    "used": 0,
                    "retail_reason": "POS refund R7",
                    "retail_balance_after": 100,
                }
            ],
        )
        self.assertEqual(redeem.retail_reversal_ids, reversal)
        # a second reversal is refused and writes nothing
        with self.assertRaisesRegex(UserError, "cannot be reversed twice"):
            self.Card._retail_reverse(redeem, "POS refund R7 again")
        # a reversal cannot be reversed either
        with self.assertRaisesRegex(UserError, "reversal cannot be reversed"):
            self.Card._retail_reverse(reversal, "Undo the refund")
        self.assertEqual(len(self._ledger(card)), 3)
        self.assertEqual(card.points, 100)
        self.assertBalanceInvariant(card)

    def test_reversal_refusals(self):
        card = self.gift_card
        self._post(card, 100, "load")
        load = self._ledger(card)
        with self.assertRaises(ValidationError):
            self.Card._retail_reverse(load, "  ")
        # the money loaded was spent: its reversal would overdraw the card
        self._post(card, -80, "redeem")
        with self.assertRaisesRegex(UserError, rf"{card.code}.*20"):
            self.Card._retail_reverse(load, "Gift card sale cancelled")
        # native rows are not ledger movements
        native = self.History.create(
            {"card_id": card.id, "description": "Native", "issued": 5}
        )
        with self.assertRaisesRegex(UserError, "Only card ledger movements"):
            self.Card._retail_reverse(native, "Reason")
        # a reversal must name a row of its own card
        with self.assertRaisesRegex(UserError, "same card"):
            self._post(
                self.points_card, -100, "reverse", reason="x", reversed_id=load.id
            )
        self.assertEqual(len(self._ledger(card)), 2)

    def test_reversal_idempotent_with_key(self):
        card = self.gift_card
        self._post(card, 60, "load")
        self._post(card, -20, "redeem")
        redeem = self._ledger(card)[-1]
        self.Card._retail_reverse(redeem, "Refund", key_prefix="refund/9")
        # the refund synchronised again: nothing moves, nothing is refused
        self.assertEqual(
            self.Card._retail_reverse(redeem, "Refund", key_prefix="refund/9"),
            {card.id: 60},
        )
        self.assertEqual(len(self._ledger(card)), 3)
        self.assertBalanceInvariant(card)

    def test_invalid_movements_refused(self):
        card = self.points_card
        good = {"card": card, "amount": 5, "kind": "earn"}
        self.Card._retail_post_movements([good])
        bad_movements = [
            dict(good, amount=math.nan),
            dict(good, amount=math.inf),
            dict(good, amount=-math.inf),
            dict(good, amount=0),
            dict(good, amount=1e-9),
            dict(good, amount="5"),
            dict(good, amount=True),
            dict(good, amount=None),
            dict(good, amount=10**400),
            dict(good, kind="gift"),
            dict(good, kind=False),
            dict(good, amount=-5),  # earning is a credit
            dict(good, amount=5, kind="spend"),  # spending is a debit
            dict(good, kind="adjust"),  # without a reason
            dict(good, kind="adjust", reason="   "),
            dict(good, kind="transfer"),
            dict(good, reason=12),
            dict(good, ammount=5),  # unknown field
            dict(good, card=False),
            dict(good, card=999999999),
            dict(good, card=self.Card),
            dict(good, card=card | self.gift_card),
            dict(good, card="044"),
            dict(good, order_id=3),  # without its model
            dict(good, order_model="no.such.model", order_id=3),
            dict(good, key=42),
            "not a movement",
        ]
        for bad in bad_movements:
            with self.subTest(movement=bad), self.assertRaises(ValidationError):
                self.Card._retail_post_movements([good, bad])
        with self.assertRaises(ValidationError):
            self.Card._retail_post_movements(
                [dict(good, key="same"), dict(good, key="same")]
            )
        self.assertEqual(card.points, 5, "nothing written by refused calls")
        self.assertEqual(len(self._ledger(card)), 1)
        self.assertEqual(self.Card._retail_post_movements([]), {})

    def test_invariant_after_each_kind(self):
        card = self.gift_card
        signed = [
            ("load", 100),
            ("earn", 10),
            ("spend", -5),
            ("expire", -5),
            ("redeem", -20),
            ("refund", 20),
            ("refund", -10),
            ("adjust", 3),
            ("adjust", -3),
            ("transfer", -40),
            ("transfer", 15),
            ("breakage", -15),
        ]
        balance = 0
        for kind, amount in signed:
            with self.subTest(kind=kind, amount=amount):
                balance += amount
                self._post(card, amount, kind, reason=f"{kind} test")
                row = self._ledger(card)[-1]
                self.assertEqual(row.retail_kind, kind)
                self.assertAlmostEqual(row.retail_balance_after, balance)
                self.assertAlmostEqual(card.points, balance)
                self.assertBalanceInvariant(card)
        self.Card._retail_reverse(self._ledger(card)[-1], "Breakage undone")
        self.assertAlmostEqual(card.points, balance + 15)
        self.assertBalanceInvariant(card)

    def test_invariant_reports_drift(self):
        card = self.points_card
        self._post(card, 10, "earn")
        card.points = 12  # a direct write leaves no history row
        self.assertEqual(card._retail_check_balance_invariant(), {card.id: (12, 10)})

    def test_posting_keeps_the_transactions_lock_timeout(self):
        self.env.cr.execute("SELECT set_config('lock_timeout', '7s', true)")
        self._post(self.points_card, 10, "earn")
        self.env.cr.execute("SELECT current_setting('lock_timeout')")
        self.assertEqual(self.env.cr.fetchone()[0], "7s")

    def test_posting_is_set_based(self):
        cards = self.Card.create(
            [{"program_id": self.points_program.id} for _ in range(21)]
        )
        self._post(cards[0], 1, "earn")  # warm the caches

        def queries_for(batch):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.Card._retail_post_movements(
                [{"card": card, "amount": 1, "kind": "earn"} for card in batch]
            )
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        self.assertEqual(queries_for(cards[1:3]), queries_for(cards[3:21]))
        self.assertBalanceInvariant(cards)


@tagged("post_install", "-at_install", "retail_money")
class TestCardLedgerBulk(RetailCardCommon):
    """A large posting (a campaign's points load) writes its rows in one
    statement; the ledger reads the same as when posted row by row."""

    def test_bulk_posting_keeps_the_ledger(self):
        cards = self.env["loyalty.card"].create(
            [{"program_id": self.points_program.id} for _i in range(600)]
        )
        movements = [
            {
                "card": card,
                "amount": 25,
                "kind": "adjust",
                "reason": "Spring campaign",
                "key": f"bench-bulk/{card.id}",
            }
            for card in cards
        ]
        Card = self.env["loyalty.card"]
        balances = Card._retail_post_movements(movements)
        self.assertEqual(set(balances.values()), {25.0})
        self.assertEqual(set(cards.mapped("points")), {25.0})
        row = self._ledger(cards[0])
        self.assertRecordValues(
            row,
            [
                {
                    "retail_kind": "adjust",
                    "issued": 25,
                    "used": 0,
                    "retail_balance_after": 25,
                    "retail_reason": "Spring campaign",
                    "description": "Manual adjustment: Spring campaign",
                    "create_uid": self.env.uid,
                }
            ],
        )
        self.assertTrue(row.create_date)
        self.assertBalanceInvariant(cards)
        # the same load sent again (a retry) changes nothing
        Card._retail_post_movements(movements)
        self.assertEqual(set(cards.mapped("points")), {25.0})
        self.assertEqual(len(cards.history_ids), 600)
        self.assertBalanceInvariant(cards)

    def _bulk_cards(self, count=600):
        return self.Card.create(
            [{"program_id": self.points_program.id} for _i in range(count)]
        )

    def _campaign_load(self, cards, **values):
        return [
            {
                "card": card_id,
                "amount": 25,
                "kind": "adjust",
                "reason": "Spring campaign",
                "key": f"spring/{card_id}",
                **values,
            }
            for card_id in cards.ids
        ]

    def test_one_bad_movement_refuses_the_whole_bulk_posting(self):
        cards = self._bulk_cards()
        wrong = [
            (UserError, "cannot be debited", {"amount": -50}),
            (ValidationError, "must debit", {"kind": "expire"}),
            (ValidationError, "needs a reason", {"reason": "  "}),
            (ValidationError, "do not exist", {"card": 2_000_000_000}),
            (ValidationError, "Unknown movement fields", {"points": 5}),
            (ValidationError, "same movement key", {"key": f"spring/{cards[0].id}"}),
        ]
        for error, message, bad in wrong:
            with self.subTest(message=message):
                movements = self._campaign_load(cards)
                movements[300] = {**movements[300], **bad}
                with self.assertRaisesRegex(error, message):
                    self.Card._retail_post_movements(movements)
                self.assertEqual(set(cards.mapped("points")), {0.0})
                self.assertFalse(self._ledger(cards), "nothing written")

    def test_bulk_replay_under_another_amount_writes_nothing(self):
        cards = self._bulk_cards()
        self.Card._retail_post_movements(self._campaign_load(cards))
        movements = self._campaign_load(cards)
        movements[-1] = {**movements[-1], "amount": 40}
        movements.append(
            {"card": self.points_card.id, "amount": 5, "kind": "earn", "key": "new"}
        )
        with self.assertRaisesRegex(ValidationError, "already posted"):
            self.Card._retail_post_movements(movements)
        self.assertEqual(len(self._ledger(cards | self.points_card)), 600)
        self.assertEqual(self.points_card.points, 0)
        self.assertBalanceInvariant(cards | self.points_card)

    def test_bulk_debits_and_credits_keep_balance_equal_to_ledger(self):
        cards = self._bulk_cards()
        self.Card._retail_post_movements(self._campaign_load(cards))
        # a second posting mixing debits and credits of the same cards
        movements = [
            {"card": card_id, "amount": amount, "kind": kind}
            for card_id in cards.ids
            for amount, kind in ((-10, "spend"), (3, "earn"), (-18, "spend"))
        ]
        balances = self.Card._retail_post_movements(movements)
        self.assertEqual(set(balances.values()), {0.0})
        self.assertEqual(set(cards.mapped("points")), {0.0})
        last = self._ledger(cards[7])[-1]
        self.assertEqual((last.used, last.retail_balance_after), (18, 0))
        self.assertBalanceInvariant(cards)

    def test_card_values_only_for_kept_fields_of_moved_cards(self):
        cards = self._bulk_cards(2)
        movements = self._campaign_load(cards[0])
        for card_values in (
            {cards[0].id: {"code": "HACKED"}},
            {cards[1].id: {}},
        ):
            with self.assertRaisesRegex(ValidationError, "fields the ledger keeps"):
                self.Card._retail_post_movements(movements, card_values=card_values)
        self.assertFalse(self._ledger(cards))

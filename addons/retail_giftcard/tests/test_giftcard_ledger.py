# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, new_test_user, tagged

from .common import RetailGiftcardCommon


@tagged("post_install", "-at_install", "retail_money")
class TestGiftcardLedger(RetailGiftcardCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            login="gift_store_manager",
            groups="retail_card.group_card_store_manager",
        )

    @freeze_time("2026-03-10")
    def test_sale_activates_and_loads(self):
        card = self._new_cards()
        self.assertEqual(card.retail_state, "inactive")
        balances = self.Card._retail_giftcard_load(
            [{"card": card, "amount": 50, "store_id": self.store.id, "key": "s1"}]
        )
        self.assertEqual(balances, {card.id: 50})
        self.assertEqual(card.retail_state, "active")
        self.assertEqual(card.expiration_date, date(2027, 3, 10), "series validity")
        self.assertRecordValues(
            self._ledger(card),
            [
                {
                    "retail_kind": "load",
                    "issued": 50,
                    "retail_balance_after": 50,
                    "retail_store_id": self.store.id,
                    "create_uid": self.env.uid,
                }
            ],
        )
        self.assertBalanceInvariant(card)
        # reload
        self.Card._retail_giftcard_load([{"card": card, "amount": 70}])
        self.assertEqual(card.points, 120)
        self.assertEqual(self._ledger(card).mapped("retail_balance_after"), [50, 120])
        self.assertBalanceInvariant(card)

    def test_load_limits(self):
        card = self._sold_card(100)
        for amount, message in (
            (4, r"\$\s4\.00 is below the minimum load of \$\s5\.00"),
            (301, r"\$\s301\.00 is above the maximum load of \$\s300\.00"),
            (-20, "positive amount"),
            (0, "positive amount"),
            (250, r"to \$\s550\.00, above the maximum balance of \$\s500\.00"),
        ):
            if amount == 250:
                self.Card._retail_giftcard_load([{"card": card, "amount": 200}])
            with self.assertRaisesRegex(UserError, message):
                self.Card._retail_giftcard_load([{"card": card, "amount": amount}])
        self.assertEqual(card.points, 300)
        self.assertBalanceInvariant(card)

    def test_load_is_all_or_nothing(self):
        ok, too_much = self._new_cards(2)
        with self.assertRaisesRegex(UserError, "maximum load"):
            self.Card._retail_giftcard_load(
                [{"card": ok, "amount": 50}, {"card": too_much, "amount": 900}]
            )
        self.assertEqual((ok | too_much).mapped("points"), [0, 0])
        self.assertEqual(set((ok | too_much).mapped("retail_state")), {"inactive"})
        self.assertFalse(self._ledger(ok | too_much))

    def test_redeem_and_overspend(self):
        card = self._sold_card(100)
        self.Card._retail_giftcard_redeem([{"card": card, "amount": 30, "key": "r1"}])
        self.assertEqual(card.points, 70)
        # the same payment synchronised twice changes nothing
        self.Card._retail_giftcard_redeem([{"card": card, "amount": 30, "key": "r1"}])
        self.assertEqual(card.points, 70)
        with self.assertRaisesRegex(UserError, rf"{card.code} has .*70.* available"):
            self.Card._retail_giftcard_redeem([{"card": card, "amount": 80}])
        with self.assertRaisesRegex(UserError, "positive"):
            self.Card._retail_giftcard_redeem([{"card": card, "amount": -10}])
        self.assertEqual(card.points, 70)
        self.assertEqual(self._ledger(card).mapped("retail_kind"), ["load", "redeem"])
        self.assertBalanceInvariant(card)

    def test_unsold_blocked_expired_cards_cannot_pay(self):
        unsold = self._new_cards()
        with self.assertRaisesRegex(UserError, "never sold"):
            self.Card._retail_giftcard_redeem([{"card": unsold, "amount": 1}])
        expired = self._sold_card(40)
        expired.expiration_date = date(2020, 1, 1)
        with self.assertRaisesRegex(UserError, "expired on"):
            self.Card._retail_giftcard_redeem([{"card": expired, "amount": 1}])
        with self.assertRaisesRegex(UserError, "expired on"):
            self.Card._retail_giftcard_load([{"card": expired, "amount": 10}])
        blocked = self._sold_card(40)
        blocked.with_user(self.manager).action_retail_block("Lost by customer")
        with self.assertRaisesRegex(UserError, "blocked"):
            self.Card._retail_giftcard_redeem([{"card": blocked, "amount": 1}])
        with self.assertRaisesRegex(UserError, "blocked"):
            self.Card._retail_giftcard_load([{"card": blocked, "amount": 10}])
        self.assertEqual((expired | blocked).mapped("points"), [40, 40])

    def test_block_and_transfer(self):
        lost = self._sold_card(80)
        self.Card._retail_giftcard_redeem([{"card": lost, "amount": 20}])
        new = self._new_cards()
        as_manager = lost.with_user(self.manager)
        with self.assertRaisesRegex(UserError, "Block card"):
            as_manager.action_retail_transfer(new, "Stolen")
        with self.assertRaisesRegex(ValidationError, "why"):
            as_manager.action_retail_block("  ")
        as_manager.action_retail_block("Stolen from customer's bag")
        self.assertEqual(lost.retail_state, "blocked")
        self.assertIn("Stolen", lost.message_ids[0].body)
        with self.assertRaisesRegex(ValidationError, "why"):
            as_manager.action_retail_transfer(new, "")
        as_manager.action_retail_transfer(new, "Stolen, police report 123")
        self.assertEqual((lost.points, new.points), (0, 60))
        self.assertEqual(new.retail_state, "active")
        self.assertRecordValues(
            self._ledger(lost)[-1] | self._ledger(new),
            [
                {
                    "retail_kind": "transfer",
                    "issued": 0,
                    "used": 60,
                    "retail_reason": "Stolen, police report 123",
                    "create_uid": self.manager.id,
                },
                {
                    "retail_kind": "transfer",
                    "issued": 60,
                    "used": 0,
                    "retail_reason": "Stolen, police report 123",
                    "create_uid": self.manager.id,
                },
            ],
        )
        with self.assertRaisesRegex(UserError, "no balance"):
            as_manager.action_retail_transfer(self._new_cards(), "Again")
        self.assertBalanceInvariant(lost | new)

    def test_transfer_refusals(self):
        lost = self._sold_card(80)
        lost.action_retail_block("Lost")
        other_series = self.Series.create(
            {"name": "Other", "prefix": "8801", "number_length": 12}
        )
        foreign = self.Card.browse(other_series._generate_cards(1))
        with self.assertRaisesRegex(UserError, "another card of series"):
            lost.action_retail_transfer(foreign, "Lost")
        with self.assertRaisesRegex(UserError, "another card of series"):
            lost.action_retail_transfer(lost, "Lost")
        blocked = self._sold_card(10)
        blocked.action_retail_block("Lost too")
        with self.assertRaisesRegex(UserError, "cannot receive"):
            lost.action_retail_transfer(blocked, "Lost")
        full = self._sold_card(300)
        self.Card._retail_giftcard_load([{"card": full, "amount": 150}])
        with self.assertRaisesRegex(UserError, "maximum balance"):
            lost.action_retail_transfer(full, "Lost")
        self.assertEqual(lost.points, 80)

    def test_transfer_bad_store_or_several_cards(self):
        """A wrong store is refused before the target card is activated; several
        source cards get a UserError, not a singleton traceback."""
        lost = self._sold_card(80)
        lost.action_retail_block("Lost")
        new = self._new_cards()
        for store in ("1", 10**12, 2_000_000_000):
            with self.assertRaises(ValidationError):
                lost.action_retail_transfer(new, "Lost", store_id=store)
            self.assertEqual(new.retail_state, "inactive")
        with self.assertRaisesRegex(UserError, "one card at a time"):
            (lost | new).action_retail_transfer(new, "Lost")
        self.assertEqual((lost.points, new.points), (80, 0))

    def test_cashier_cannot_block(self):
        cashier = new_test_user(
            self.env, login="gift_cashier", groups="retail_card.group_card_cashier"
        )
        card = self._sold_card(10)
        with self.assertRaises(AccessError):
            card.with_user(cashier).action_retail_block("Because")
        self.assertEqual(card.retail_state, "active")

    def test_invariant_after_every_kind(self):
        card = self._sold_card(100)  # load
        self.assertBalanceInvariant(card)
        self.Card._retail_giftcard_redeem([{"card": card, "amount": 25}])
        self.assertBalanceInvariant(card)
        self.Card._retail_post_movements(
            [{"card": card, "amount": 10, "kind": "refund"}]
        )
        self.assertBalanceInvariant(card)
        card.action_retail_adjust(-5, "Till error")
        self.assertBalanceInvariant(card)
        redeem = self._ledger(card).filtered(lambda row: row.retail_kind == "redeem")
        self.Card._retail_reverse(redeem, "Order cancelled")
        self.assertBalanceInvariant(card)
        self.assertEqual(card.points, 105)
        self.Card._retail_post_movements(
            [{"card": card, "amount": -105, "kind": "breakage"}]
        )
        self.assertBalanceInvariant(card)
        self.assertEqual(card.points, 0)

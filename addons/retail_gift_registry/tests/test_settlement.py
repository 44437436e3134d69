# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import GiftRegistryCommon


@tagged("post_install", "-at_install", "retail_money")
class TestGiftRegistrySettlement(GiftRegistryCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._settle_on_ewallet(
            retail_gift_registry_bonus_percent=5.0,
            retail_gift_registry_discount_percent=10.0,
            retail_gift_registry_discount_days=30,
        )

    def _buy_and_close(self):
        self._sale_order(
            [(self.vase, 1), (self.plates, 4), (self.contribution, 1, 100.0)]
        )
        self.env.invalidate_all()
        self.item_plates.qty_not_taken = 2
        self.gift_list.action_close()

    def _ledger(self):
        return self.env["loyalty.history"].search(
            [
                ("order_model", "=", "retail.gift.registry"),
                ("order_id", "=", self.gift_list.id),
            ],
            order="id",
        )

    def test_settlement_credits_every_euro_on_the_ledger(self):
        self._buy_and_close()
        self.gift_list.with_user(self.manager).action_settle()
        card = self.gift_list.credit_card_id
        self.assertEqual(self.gift_list.state, "settled")
        self.assertEqual(card.program_id, self.program)
        self.assertEqual(card.partner_id, self.ana)
        rows = self._ledger()
        # contributions 100; plates not taken 2 x 10; bonus 5% of 40 + 40 + 100
        self.assertEqual(
            sorted(zip(rows.mapped("retail_kind"), rows.mapped("issued"), strict=True)),
            [("load", 9.0), ("load", 20.0), ("load", 100.0)],
        )
        self.assertEqual(card.points, 129.0)
        self.assertEqual(self.gift_list.credit_amount, 129.0)
        self.assertEqual(self.gift_list.bonus_amount, 9.0)
        self.assertEqual(card._retail_check_balance_invariant(), {})
        self.assertEqual(self.gift_list.discount_percent, 10.0)
        self.assertTrue(self.gift_list.discount_date_end)

    def test_settled_list_cannot_be_sold_to_nor_refunded(self):
        order = self._sale_order([(self.plates, 2)])
        self.gift_list.action_close()
        self.gift_list.action_settle()
        with self.assertRaisesRegex(UserError, "is settled: nothing more"):
            self._sale_order([(self.plates, 1)], confirm=False)
        with self.assertRaisesRegex(UserError, "can no longer be refunded"):
            order._action_cancel()
        self._open_session()
        with self.assertRaisesRegex(UserError, "is settled: nothing more"):
            self._pos_sync([self._pos_line(self.vase, 1, self.item_vase)])

    def test_till_refund_after_settlement_refused(self):
        self._open_session()
        order = self._pos_sync([self._pos_line(self.plates, 2, self.item_plates)])
        self.gift_list.action_close()
        self.gift_list.action_settle()
        # assertRaises rolls back to a savepoint, as the failed sync request
        with self.assertRaises(UserError) as caught:
            self._pos_sync(
                [
                    {
                        "product": self.plates,
                        "quantity": -1,
                        "refunded_orderline_id": order.lines.id,
                    }
                ]
            )
        self.assertIn("can no longer be refunded", str(caught.exception))
        self.env.invalidate_all()
        self.assertEqual(self.item_plates.qty_bought, 2)

    def test_reopen_needs_a_manager_and_is_logged(self):
        self._buy_and_close()
        with self.assertRaises(AccessError):
            self.gift_list.with_user(self.salesman).action_reopen()
        with self.assertRaises(AccessError):
            self.gift_list.with_user(self.salesman).action_settle()
        self.gift_list.with_user(self.manager).action_reopen()
        self.assertEqual(self.gift_list.state, "open")
        self.assertIn("reopened by", self.gift_list.message_ids[0].body)
        with self.assertRaisesRegex(UserError, "Only closed, delivered or settled"):
            self.gift_list.with_user(self.manager).action_reopen()

    def test_settle_again_after_reopening_credits_the_difference(self):
        self._buy_and_close()
        self.gift_list.action_settle()
        card = self.gift_list.credit_card_id
        self.gift_list.action_reopen(reason="A late gift")
        self._sale_order([(self.contribution, 1, 60.0)])
        self.gift_list.action_close()
        self.gift_list.action_settle()
        self.assertEqual(self.gift_list.credit_card_id, card)
        # + 60 contributions, + 3 bonus (5% of 60)
        self.assertEqual(card.points, 129.0 + 63.0)
        self.assertEqual(len(self._ledger()), 5)
        self.assertEqual(card._retail_check_balance_invariant(), {})
        # settling twice without change posts nothing more
        self.gift_list.action_reopen(reason="A late gift")
        self.gift_list.action_close()
        self.gift_list.action_settle()
        self.assertEqual(len(self._ledger()), 5)

    def test_settlement_needs_a_credit_program(self):
        self._buy_and_close()
        self.company.retail_gift_registry_program_id = False
        with self.assertRaisesRegex(UserError, "Choose the gift card or eWallet"):
            self.gift_list.action_settle()
        self.assertEqual(self.gift_list.state, "closed")
        self.assertFalse(self._ledger())

    def test_no_bonus_when_not_configured(self):
        self.company.retail_gift_registry_bonus_percent = 0
        self._buy_and_close()
        self.gift_list.action_settle()
        self.assertEqual(self.gift_list.bonus_amount, 0)
        self.assertEqual(self.gift_list.credit_card_id.points, 120.0)

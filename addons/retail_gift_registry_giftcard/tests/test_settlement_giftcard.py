# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.retail_gift_registry.tests.common import GiftRegistryCommon


@tagged("post_install", "-at_install", "retail_money")
class TestGiftRegistryGiftcardSettlement(GiftRegistryCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.series = (
            cls.env["retail.giftcard.series"]
            .sudo()
            .create(
                {
                    "name": "Gift list cards",
                    "prefix": "7702",
                    "number_length": 12,
                    "min_load": 50,
                    "max_load": 100,
                    "validity_months": 12,
                }
            )
        )
        Account = cls.env["account.account"].sudo()
        cls.credit_account = Account.create(
            {
                "name": "Gift lists to settle",
                "code": "419901",
                "account_type": "liability_current",
            }
        )
        cls.bonus_account = Account.create(
            {"name": "Gift list bonus", "code": "629901", "account_type": "expense"}
        )
        cls.company.write(
            {
                "retail_gift_registry_giftcard_series_id": cls.series.id,
                "retail_gift_registry_giftcard_account_id": cls.credit_account.id,
                "retail_gift_registry_bonus_account_id": cls.bonus_account.id,
                "retail_gift_registry_bonus_percent": 5.0,
            }
        )
        cls.liability = cls.company._retail_giftcard_liability_account()

    def _buy_and_close(self):
        self._sale_order(
            [(self.vase, 1), (self.plates, 4), (self.contribution, 1, 100.0)]
        )
        self.env.invalidate_all()
        self.item_plates.qty_not_taken = 2
        self.gift_list.action_close()

    def _balances(self, moves):
        lines = moves.line_ids
        return {
            account: sum(
                lines.filtered(lambda x, a=account: x.account_id == a).mapped("balance")
            )
            for account in lines.account_id
        }

    def test_settlement_loads_a_series_card_with_its_entries(self):
        self._buy_and_close()
        self.gift_list.with_user(self.manager).action_settle()
        card = self.gift_list.credit_card_id
        self.assertEqual(card.retail_series_id, self.series)
        self.assertEqual(card.partner_id, self.ana)
        self.assertEqual(card.retail_state, "active")
        # contributions 100, plates not taken 2 x 10, bonus 5% of 180 = 9:
        # the series' load limits (50 to 100) are for sales, not for settlement
        self.assertEqual(card.points, 129.0)
        rows = self.env["loyalty.history"].search(
            [("card_id", "=", card.id)], order="id"
        )
        self.assertEqual(sorted(rows.mapped("issued")), [9.0, 20.0, 100.0])
        self.assertEqual(set(rows.mapped("retail_kind")), {"load"})
        self.assertEqual(card._retail_check_balance_invariant(), {})
        moves = self.gift_list.sudo().giftcard_move_ids
        self.assertEqual(len(moves), 3)
        self.assertEqual(set(moves.mapped("state")), {"posted"})
        self.assertEqual(
            self._balances(moves),
            {
                self.credit_account: 120.0,
                self.bonus_account: 9.0,
                self.liability: -129.0,
            },
        )
        self.assertEqual(card.program_id, self.series.program_id)

    def test_settled_again_after_reopening_reverses_with_entries(self):
        self._buy_and_close()
        self.gift_list.with_user(self.manager).action_settle()
        card = self.gift_list.credit_card_id
        self.gift_list.with_user(self.manager).action_reopen(reason="Plates taken")
        self.item_plates.qty_not_taken = 0
        self.gift_list.action_close()
        self.gift_list.with_user(self.manager).action_settle()
        self.assertEqual(self.gift_list.credit_card_id, card, "the same card")
        self.assertEqual(card.points, 109.0)
        moves = self.gift_list.sudo().giftcard_move_ids
        self.assertEqual(len(moves), 4)
        self.assertEqual(
            self._balances(moves),
            {
                self.credit_account: 100.0,
                self.bonus_account: 9.0,
                self.liability: -109.0,
            },
        )
        self.assertEqual(card._retail_check_balance_invariant(), {})

    def test_missing_account_refused_and_nothing_written(self):
        self.company.retail_gift_registry_bonus_account_id = False
        self._buy_and_close()
        with self.assertRaisesRegex(UserError, "account of the gift list credit"):
            self.gift_list.with_user(self.manager).action_settle()
        self.assertEqual(self.gift_list.state, "closed")
        self.assertFalse(self.gift_list.sudo().giftcard_move_ids)
        self.assertFalse(
            self.env["loyalty.history"].search(
                [
                    ("order_model", "=", "retail.gift.registry"),
                    ("order_id", "=", self.gift_list.id),
                ]
            )
        )

    def test_without_series_the_native_program_is_used(self):
        program = self.env["loyalty.program"].create(
            {"name": "Gift list credit", "program_type": "ewallet"}
        )
        self.company.write(
            {
                "retail_gift_registry_giftcard_series_id": False,
                "retail_gift_registry_program_id": program.id,
            }
        )
        self._buy_and_close()
        self.gift_list.with_user(self.manager).action_settle()
        self.assertEqual(self.gift_list.credit_card_id.program_id, program)
        self.assertFalse(self.gift_list.sudo().giftcard_move_ids)
        self.assertEqual(self.gift_list.credit_card_id.points, 129.0)

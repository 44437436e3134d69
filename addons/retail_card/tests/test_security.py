# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.service.model import call_kw
from odoo.tests import new_test_user, tagged

from .common import RetailCardCommon


@tagged("post_install", "-at_install", "retail_security")
class TestCardSecurity(RetailCardCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cashier = new_test_user(
            cls.env, login="card_cashier", groups="retail_card.group_card_cashier"
        )
        cls.store_manager = new_test_user(
            cls.env,
            login="card_store_manager",
            groups="retail_card.group_card_store_manager",
        )
        cls.head_office = new_test_user(
            cls.env,
            login="card_head_office",
            groups="retail_card.group_card_head_office",
        )
        cls.Card._retail_post_movements(
            [{"card": cls.gift_card, "amount": 50, "kind": "load"}]
        )

    def _rpc(self, user, method, *args):
        """Call a loyalty.card method the way the web client and the till do."""
        return call_kw(self.env["loyalty.card"].with_user(user), method, list(args), {})

    def test_groups_chain(self):
        self.assertTrue(self.cashier.has_group("point_of_sale.group_pos_user"))
        self.assertFalse(self.cashier.has_group("retail_card.group_card_store_manager"))
        self.assertTrue(self.store_manager.has_group("retail_card.group_card_cashier"))
        self.assertFalse(
            self.store_manager.has_group("point_of_sale.group_pos_manager")
        )
        for group in (
            "retail_card.group_card_store_manager",
            "point_of_sale.group_pos_manager",
            "sales_team.group_sale_manager",
        ):
            self.assertTrue(self.head_office.has_group(group), group)

    def test_cashier_cannot_adjust(self):
        with self.assertRaisesRegex(AccessError, "store managers"):
            self._rpc(
                self.cashier, "action_retail_adjust", [self.gift_card.id], 100, "Why"
            )
        # nor a POS user without the retail groups
        pos_user = new_test_user(
            self.env, login="plain_pos_user", groups="point_of_sale.group_pos_user"
        )
        with self.assertRaises(AccessError):
            self._rpc(pos_user, "action_retail_adjust", [self.gift_card.id], 100, "Why")
        self.assertEqual(self.gift_card.points, 50)
        self.assertEqual(len(self._ledger(self.gift_card)), 1)
        # cashiers still see the card and its movements
        self.assertEqual(
            self._rpc(self.cashier, "read", [self.gift_card.id], ["points"])[0][
                "points"
            ],
            50,
        )

    def test_store_manager_adjusts_with_reason(self):
        result = self._rpc(
            self.store_manager,
            "action_retail_adjust",
            [self.gift_card.id],
            -20,
            "Damaged card, balance moved to a new one",
        )
        self.assertEqual(result, {self.gift_card.id: 30})
        row = self._ledger(self.gift_card)[-1]
        self.assertRecordValues(
            row,
            [
                {
                    "retail_kind": "adjust",
                    "used": 20,
                    "retail_reason": "Damaged card, balance moved to a new one",
                    "create_uid": self.store_manager.id,
                }
            ],
        )
        # bad input beside the good one: no reason, overdraft
        with self.assertRaisesRegex(ValidationError, "needs a reason"):
            self._rpc(
                self.store_manager, "action_retail_adjust", [self.gift_card.id], 5, ""
            )
        with self.assertRaisesRegex(UserError, self.gift_card.code):
            self._rpc(
                self.store_manager,
                "action_retail_adjust",
                [self.gift_card.id],
                -31,
                "Too much",
            )
        self.assertEqual(self.gift_card.points, 30)
        self.assertBalanceInvariant(self.gift_card)

    def test_head_office_adjusts(self):
        self._rpc(
            self.head_office, "action_retail_adjust", [self.gift_card.id], 5, "Gift"
        )
        self.assertEqual(self.gift_card.points, 55)

    def test_engine_not_reachable_over_rpc(self):
        movement = {"card": self.gift_card.id, "amount": 1000, "kind": "load"}
        for method, args in (
            ("_retail_post_movements", [[movement]]),
            ("_retail_reverse", [self._ledger(self.gift_card).ids, "x"]),
        ):
            with self.subTest(method=method), self.assertRaises(AccessError):
                self._rpc(self.head_office, method, *args)
        self.assertEqual(self.gift_card.points, 50)


@tagged("post_install", "-at_install", "retail_security")
class TestCardMultiCompany(RetailCardCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls._create_company(name="Franchise B")
        cls.program_b = cls.env["loyalty.program"].create(
            {
                "name": "Franchise B gift cards",
                "program_type": "gift_card",
                "company_id": cls.company_b.id,
            }
        )
        cls.card_b = cls._card(cls.program_b)
        cls.Card._retail_post_movements(
            [
                {"card": cls.card_b, "amount": 80, "kind": "load"},
                {"card": cls.gift_card, "amount": 10, "kind": "load"},
            ]
        )
        cls.manager_a = new_test_user(
            cls.env,
            login="store_manager_a",
            groups="retail_card.group_card_store_manager",
            company_id=cls.company_a.id,
            company_ids=[cls.company_a.id],
        )
        cls.manager_b = new_test_user(
            cls.env,
            login="store_manager_b",
            groups="retail_card.group_card_store_manager",
            company_id=cls.company_b.id,
            company_ids=[cls.company_b.id],
        )

    def test_other_company_history_invisible(self):
        History = self.env["loyalty.history"].with_user(self.manager_a)
        rows_b = self._ledger(self.card_b)
        self.assertTrue(rows_b)
        self.assertFalse(History.search([("card_id", "=", self.card_b.id)]))
        self.assertFalse(History.search([("id", "in", rows_b.ids)]))
        with self.assertRaises(AccessError):
            History.browse(rows_b.ids).read(["issued"])
        # own company's and shared programs' movements are visible
        self.assertEqual(
            History.search([("card_id", "=", self.gift_card.id)]),
            self._ledger(self.gift_card),
        )
        self.assertEqual(
            self.env["loyalty.history"]
            .with_user(self.manager_b)
            .search([("card_id", "=", self.card_b.id)]),
            rows_b,
        )

    def test_other_company_card_cannot_be_adjusted(self):
        with self.assertRaises(AccessError):
            self.card_b.with_user(self.manager_a).action_retail_adjust(-80, "Steal")
        self.assertEqual(self.card_b.points, 80)
        self.card_b.with_user(self.manager_b).action_retail_adjust(-80, "Closed")
        self.assertEqual(self.card_b.points, 0)

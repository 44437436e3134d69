# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What a till's payload or a user of another company can do to
points. Each test drives the attack through the entry point an attacker uses
(``pos.order.sync_from_ui`` payloads, RPC as the user) beside the normal case."""

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.service.model import call_kw
from odoo.tests import new_test_user, tagged

from .common import RetailLoyaltyCommon


@tagged("post_install", "-at_install", "retail_security")
class TestTillPointsSecurity(RetailLoyaltyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bottle = cls.create_product("Bottle", cls.categ_basic, 10.0, tax_ids=[])

    def setUp(self):
        super().setUp()
        self.open_new_session()

    def _forge_line(self, data, product, **values):
        """Change, in the till's payload ``data``, the line of ``product``."""
        for command in data["lines"]:
            if command[2]["product_id"] == product.id:
                command[2].update(values)
        return data

    def _sync(self, data):
        result = self.env["pos.order"].sync_from_ui([data])
        return self.env["pos.order"].browse(result["pos.order"][0]["id"])

    def test_forged_line_amount_earns_rule_points_on_server_figures(self):
        # normal: a 10 EUR bottle earns 10 points
        order = self._sync(
            self.create_ui_order_data([(self.bottle, 1)], customer=self.buyer)
        )
        self.assertEqual(self._card().points, 10)
        self.assertFalse(order.retail_sync_flagged)
        # attack: the same bottle (price_unit 10) whose line says 1,875
        data = self.create_ui_order_data([(self.bottle, 1)], customer=self.buyer)
        self._forge_line(
            data, self.bottle, price_subtotal=1875.0, price_subtotal_incl=1875.0
        )
        order = self._sync(data)
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.lines.price_subtotal_incl, 10.0, "server figure")
        self.assertEqual(self._card().points, 20, "10 more points, not 1,875")
        self.assertRecordValues(
            self.OrderPoints._retail_rows_of(order),
            [{"points_earned": 10, "amount_basis": 10}],
        )
        self.assertTrue(order.retail_sync_flagged)
        self.assertIn("1,875.00", order.retail_sync_issue)
        self.assertBalanceInvariant(self._card())

    def test_forged_reward_discount_is_charged_its_claims(self):
        # normal: one 10 EUR reward costs 100 points
        card = self._give_points(1000)
        self._sell([(self.shoes, 1), self._reward_line(card)])
        self.assertEqual(card.points, 1000, "1000 - 100 spent + 100 earned")
        # attack: a line of the same reward giving 90 EUR off, claiming 100 points
        self._sell([(self.shoes, 1), self._reward_line(card, claims=9)])
        self.assertEqual(card.points, 1000 - 900 + 100, "nine claims charged")
        spent = self._ledger(card).filtered(lambda row: row.retail_kind == "spend")
        self.assertEqual(spent.mapped("used"), [100.0, 900.0])
        # and beyond the balance it is refused, nothing written
        rows = len(self._ledger(card))
        with self.assertRaises(UserError):
            self._sell([(self.shoes, 1), self._reward_line(card, claims=50)])
        self.assertEqual(card.points, 200)
        self.assertEqual(len(self._ledger(card)), rows)
        self.assertBalanceInvariant(card)

    def test_reward_points_taken_from_another_customers_card_refused(self):
        mine = self._give_points(150)
        other = self.env["res.partner"].create({"name": "Other Customer"})
        theirs = self._give_points(500, partner=other)
        # normal: the customer's own card pays the reward
        self._sell([(self.shoes, 1), self._reward_line(mine)])
        self.assertEqual(mine.points, 150)
        # attack: the till names another customer's card
        with self.assertRaises(UserError) as error:
            self._sell([(self.shoes, 1), self._reward_line(theirs)])
        self.assertIn("one card of the order's customer", str(error.exception))
        self.assertEqual(theirs.points, 500)
        self.assertEqual(len(self._ledger(theirs)), 1, "only the initial earning")
        self.assertBalanceInvariant(mine | theirs)

    def test_refund_at_a_forged_price_gives_back_the_units_share(self):
        card = self._give_points(150)
        order, _data = self._sell([(self.shoes, 2), self._reward_line(card)])
        self.assertEqual(card.points, 150 - 100 + 200)
        shoes = order.lines.filtered(lambda line: line.product_id == self.shoes)

        def refund(price_unit):
            data = self.create_ui_order_data(
                [
                    {
                        "product": self.shoes,
                        "quantity": -1,
                        "price_unit": price_unit,
                        "refunded_orderline_id": shoes.id,
                    }
                ],
                customer=self.buyer,
            )
            data["is_refund"] = True
            return self._sync(data)

        # attack: one shoe refunded with a till price of 1,000 (sold 100): the
        # refund is bounded by the sale, nothing moves
        with self.assertRaisesRegex(UserError, "was paid"), self.env.cr.savepoint():
            refund(1000.0)
        self.assertEqual(card.points, 250)
        refund(100.0)
        # half of the units: 100 earned points taken back, 50 spent given back
        self.assertEqual(card.points, 250 - 100 + 50)
        self.assertRecordValues(
            self.OrderPoints._retail_rows_of(order),
            [{"amount_returned": 100, "points_earned_reversed": 100}],
        )
        self.assertBalanceInvariant(card)

    def test_payload_done_flags_do_not_skip_the_debit_nor_the_kpis(self):
        card = self._give_points(150)
        # normal
        self._sell([(self.shoes, 1), self._reward_line(card)])
        self.assertEqual(card.points, 150)
        self.assertEqual(self.buyer.retail_purchase_count, 1)
        # attack: the till says the points and the KPIs are already settled
        data = self.create_ui_order_data(
            [(self.shoes, 1), self._reward_line(card)], customer=self.buyer
        )
        data.update(retail_loyalty_done=True, retail_kpi_done=True)
        order = self._sync(data)
        self.assertTrue(order.retail_loyalty_done, "set by the server's settlement")
        self.assertEqual(card.points, 150, "100 debited, 100 earned")
        spent = self._ledger(card).filtered(lambda row: row.retail_kind == "spend")
        self.assertEqual(len(spent), 2, "the second reward was debited too")
        self.buyer.invalidate_recordset()
        self.assertEqual(self.buyer.retail_purchase_count, 2, "counted")
        self.assertEqual(self.buyer.retail_total_spent, 180.0)
        self.assertBalanceInvariant(card)

    def test_offline_flag_on_an_online_order_is_capped_and_flagged(self):
        self.config.write(
            {
                "retail_loyalty_offline_card_cap": 100,
                "retail_loyalty_offline_till_cap": 150,
            }
        )
        offline = {"retail_loyalty_offline": True}
        # normal: an online reward beyond the balance is refused
        card = self._give_points(30)
        with self.assertRaises(UserError):
            self._sell([(self.shoes, 1), self._reward_line(card)])
        self.assertEqual(card.points, 30)
        # attack 1: the same line claiming to be offline, 9 claims for 100
        # points: charged 900 on the server's figures, above the card cap
        with self.assertRaises(UserError) as error:
            self._sell(
                [(self.shoes, 1), {**self._reward_line(card, 100, 9), **offline}]
            )
        self.assertIn("900.0 points offline", str(error.exception))
        self.assertEqual(card.points, 30)
        # attack 2: within the cap, it lands below the balance and is flagged
        order, _data = self._sell(
            [(self.shoes, 1), {**self._reward_line(card), **offline}]
        )
        self.assertEqual(order.state, "paid")
        self.assertEqual(card.points, 30 - 100 + 100)
        self.assertRecordValues(
            self.OrderPoints._retail_rows_of(order), [{"points_shortfall": 70}]
        )
        self.assertTrue(order.retail_sync_flagged)
        self.assertIn("70.0 of them beyond the card's balance", order.retail_sync_issue)
        self.assertBalanceInvariant(card)


@tagged("post_install", "-at_install", "retail_security")
class TestTierCompanySecurity(RetailLoyaltyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_2 = cls.env["res.company"].create({"name": "Franchise Two"})
        cls.card = cls.Card.create(
            {"program_id": cls.program.id, "partner_id": cls.buyer.id}
        )
        groups = "base.group_user,retail_card.group_card_store_manager"
        cls.manager_1 = new_test_user(
            cls.env,
            "tier_manager_1",
            groups=groups,
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.manager_2 = new_test_user(
            cls.env,
            "tier_manager_2",
            groups=groups,
            company_id=cls.company_2.id,
            company_ids=[Command.set(cls.company_2.ids)],
        )
        cls.cashier = new_test_user(
            cls.env,
            "tier_cashier_1",
            groups="base.group_user,point_of_sale.group_pos_user,"
            "retail_card.group_card_cashier",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )

    def _call(self, user, model, method, args, kwargs=None):
        env = self.env(user=user, context={"allowed_company_ids": user.company_ids.ids})
        return call_kw(env[model], method, args, kwargs or {})

    def test_set_and_unlock_tier_of_another_company_refused(self):
        # normal: company 1's manager sets then unlocks the tier
        self._call(
            self.manager_1,
            "loyalty.card",
            "action_retail_set_tier",
            [self.card.ids, self.gold.id, "VIP"],
        )
        self.assertRecordValues(
            self.card, [{"retail_tier_id": self.gold.id, "retail_tier_locked": True}]
        )
        self._call(
            self.manager_1, "loyalty.card", "action_retail_unlock_tier", [self.card.ids]
        )
        self.assertFalse(self.card.retail_tier_locked)
        # attack: company 2's manager on company 1's card
        self.card.sudo().retail_tier_id = False
        with self.assertRaises(AccessError):
            self._call(
                self.manager_2,
                "loyalty.card",
                "action_retail_set_tier",
                [self.card.ids, self.gold.id, "Friend"],
            )
        with self.assertRaises(AccessError):
            self._call(
                self.manager_2,
                "loyalty.card",
                "action_retail_unlock_tier",
                [self.card.ids],
            )
        with self.assertRaises(AccessError):
            self._call(
                self.manager_2,
                "loyalty.card",
                "action_retail_send_notice",
                [self.card.ids],
            )
        self.assertRecordValues(
            self.card, [{"retail_tier_id": False, "retail_tier_locked": False}]
        )

    def test_tier_override_wizard_of_another_company_refused(self):
        def run(user, reason):
            env = self.env(
                user=user, context={"allowed_company_ids": user.company_ids.ids}
            )
            wizard = env["retail.loyalty.tier.override"].create(
                {
                    "card_ids": [Command.set(self.card.ids)],
                    "tier_id": self.gold.id,
                    "reason": reason,
                }
            )
            return wizard.action_apply()

        with self.assertRaises(AccessError):
            run(self.manager_2, "Friend")
        self.assertFalse(self.card.retail_tier_id)
        run(self.manager_1, "VIP")
        self.assertEqual(self.card.retail_tier_id, self.gold)

    def test_tier_written_directly_refused(self):
        # a cashier (who may write cards natively) gives a card the Gold tier
        for vals in (
            {"retail_tier_id": self.gold.id},
            {"retail_tier_locked": True},
        ):
            with self.assertRaises(AccessError):
                self._call(self.cashier, "loyalty.card", "write", [self.card.ids, vals])
        with self.assertRaises(AccessError):
            self._call(
                self.cashier,
                "loyalty.card",
                "create",
                [{"program_id": self.program.id, "retail_tier_id": self.gold.id}],
            )
        self.assertFalse(self.card.retail_tier_id)
        self.assertFalse(self.card.retail_tier_locked)

    def test_partner_balance_counts_the_companies_of_the_user(self):
        self.Card._retail_post_movements(
            [{"card": self.card, "amount": 40, "kind": "earn"}]
        )
        self.buyer.invalidate_recordset()
        self.assertEqual(self.buyer.with_user(self.manager_1).retail_loyalty_points, 40)
        self.assertEqual(
            self.buyer.with_user(self.manager_2)
            .with_context(allowed_company_ids=self.company_2.ids)
            .sudo(False)
            .retail_loyalty_points,
            0,
            "company 1's card is not counted for company 2",
        )

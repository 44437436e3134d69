# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A balance moves only through the ledger, whatever path tries to move it
(ours or Odoo's), and cards are found, not listed: each attack over RPC, as the
cashier or salesman of either company, beside the normal path."""

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.service.model import call_kw
from odoo.tests import new_test_user, tagged

from odoo.addons.point_of_sale.tests.common import TestPoSCommon

from .test_lookup import NOT_FOUND, THROTTLED, WRONG_PIN, RetailLookupCommon


class NativePathsCommon(RetailLookupCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env, login="np_salesman", groups="sales_team.group_sale_salesman"
        )
        cls.store_manager = new_test_user(
            cls.env,
            login="np_store_manager",
            groups="retail_card.group_card_store_manager",
        )
        cls.company_b = cls.env["res.company"].create({"name": "Franchise Norte"})
        cls.program_b = cls.env["loyalty.program"].create(
            {
                "name": "Norte points",
                "program_type": "loyalty",
                "company_id": cls.company_b.id,
            }
        )
        cls.card_b = cls._card(cls.program_b, partner_id=cls.customer.id)
        cls.Card._retail_post_movements(
            [{"card": cls.card_b, "amount": 30, "kind": "earn"}]
        )
        company_b = {"company_id": cls.company_b.id, "company_ids": cls.company_b.ids}
        cls.cashier_b = new_test_user(
            cls.env,
            login="np_cashier_b",
            groups="retail_card.group_card_cashier",
            **company_b,
        )
        cls.salesman_b = new_test_user(
            cls.env,
            login="np_salesman_b",
            groups="sales_team.group_sale_salesman",
            **company_b,
        )
        # (user, a card of the user's company)
        cls.attackers = [
            (cls.cashier, cls.gift_card),
            (cls.salesman, cls.gift_card),
            (cls.cashier_b, cls.card_b),
            (cls.salesman_b, cls.card_b),
        ]


@tagged("post_install", "-at_install", "retail_security")
class TestNativeBalancePaths(NativePathsCommon):
    def test_card_writes_refused_ledger_still_moves(self):
        other = self.env["res.partner"].create({"name": "Someone else"})
        for user, card in self.attackers:
            before = card.points
            for vals in (
                {"points": 5000},
                {"code": "044-dead-beef-0000-0001"},
                {"program_id": self.points_program.id},
                {"partner_id": other.id},
                {"expiration_date": "2031-01-01"},
            ):
                with (
                    self.subTest(user=user.login, vals=vals),
                    self.assertRaises(AccessError),
                ):
                    self._rpc(user, "loyalty.card", "write", [card.id], vals)
            self.assertEqual(card.points, before)
            self.assertFalse(card.partner_id == other)
        # a store manager's write of the balance (the card form) goes through
        # the ledger as an adjustment: the balance is still the ledger's sum
        before = self.gift_card.points
        self._rpc(
            self.store_manager,
            "loyalty.card",
            "write",
            [self.gift_card.id],
            {"points": before + 5},
        )
        self.assertEqual(self.gift_card.points, before + 5)
        adjust = self.gift_card.history_ids.filtered(
            lambda row: row.retail_kind == "adjust"
        )
        self.assertEqual(adjust.mapped("issued"), [5])
        self._rpc(
            self.store_manager,
            "loyalty.card",
            "write",
            [self.gift_card.id],
            {"points": before},
        )
        # store managers change holder and expiry too
        self._rpc(
            self.store_manager,
            "loyalty.card",
            "write",
            [self.gift_card.id],
            {"partner_id": other.id, "expiration_date": "2031-01-01"},
        )
        self.assertEqual(self.gift_card.partner_id, other)
        # the balance moves through the ledger, with a reason
        self._rpc(
            self.store_manager,
            "loyalty.card",
            "action_retail_adjust",
            [self.gift_card.id],
            10,
            "Goodwill",
        )
        self.assertEqual(self.gift_card.points, 60)
        self.assertBalanceInvariant(self.gift_card | self.card_b)

    def test_cards_are_created_empty(self):
        # cashiers and salesmen cannot create a card with a balance
        for user, _card in self.attackers:
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._rpc(
                    user,
                    "loyalty.card",
                    "create",
                    {"program_id": self.gift_program.id, "points": 100},
                )
        # a card manager's initial balance is a ledger adjustment
        card = self.Card.browse(
            self._rpc(
                self.head_office,
                "loyalty.card",
                "create",
                {"program_id": self.gift_program.id, "points": 100},
            )
        )
        self.assertEqual(card.points, 100)
        self.assertEqual(
            card.history_ids.mapped("retail_kind"), ["adjust"], "one ledger row"
        )
        self.assertBalanceInvariant(card)
        empty = self.Card.browse(
            self._rpc(
                self.head_office,
                "loyalty.card",
                "create",
                {"program_id": self.gift_program.id},
            )
        )
        self.assertEqual(empty.points, 0)

    def test_update_balance_wizard_goes_through_the_ledger(self):
        Wizard = self.env["loyalty.card.update.balance"]
        for user in (self.cashier, self.salesman):
            wizard = Wizard.with_user(user).create(
                {
                    "card_id": self.gift_card.id,
                    "new_balance": 5000,
                    "description": "Gift",
                }
            )
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                wizard.action_update_card_point()
        self.assertEqual(self.gift_card.points, 50)
        wizard = Wizard.with_user(self.store_manager).create(
            {
                "card_id": self.gift_card.id,
                "new_balance": 80,
                "description": "Card swallowed by the reader",
            }
        )
        wizard.action_update_card_point()
        self.assertEqual(self.gift_card.points, 80)
        row = self._ledger(self.gift_card)[-1]
        self.assertRecordValues(
            row,
            [
                {
                    "retail_kind": "adjust",
                    "issued": 30,
                    "retail_reason": "Card swallowed by the reader",
                    "create_uid": self.store_manager.id,
                }
            ],
        )
        self.assertBalanceInvariant(self.gift_card)

    def test_history_rows_cannot_be_forged(self):
        native = self.History.create(
            {"card_id": self.points_card.id, "description": "Native", "issued": 0}
        )
        for user, card in self.attackers + [(self.store_manager, self.gift_card)]:
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self._rpc(
                        user,
                        "loyalty.history",
                        "create",
                        {"card_id": card.id, "issued": 5000, "description": "Onsite"},
                    )
                if card == self.gift_card:
                    with self.assertRaises(AccessError):
                        self._rpc(
                            user,
                            "loyalty.history",
                            "write",
                            [native.id],
                            {"issued": 5000},
                        )
                    with self.assertRaises(AccessError):
                        self._rpc(user, "loyalty.history", "unlink", [native.id])
        self.assertEqual(native.issued, 0)
        self.assertBalanceInvariant(self.gift_card | self.points_card | self.card_b)

    def test_posted_key_with_another_card_or_amount_is_refused(self):
        key = self.Card._retail_movement_key("test.order", 7)
        self._post(self.gift_card, 10, "load", key=key)
        # a replay (same card, same amount) changes nothing
        self.assertEqual(
            self._post(self.gift_card, 10, "load", key=key), {self.gift_card.id: 60}
        )
        for card, amount, kind in (
            (self.gift_card, 99, "load"),
            (self.points_card, 10, "earn"),
        ):
            with (
                self.subTest(card=card.code),
                self.assertRaisesRegex(ValidationError, "already posted"),
            ):
                self._post(card, amount, kind, key=key)
        # nothing else of a refused call is posted
        with self.assertRaises(ValidationError):
            self.Card._retail_post_movements(
                [
                    {"card": self.points_card, "amount": 5, "kind": "earn"},
                    {"card": self.gift_card, "amount": 11, "kind": "load", "key": key},
                ]
            )
        self.assertEqual((self.gift_card.points, self.points_card.points), (60, 0))
        self.assertEqual(
            self.History.search_count([("retail_idempotency_key", "=", key)]), 1
        )
        self.assertBalanceInvariant(self.gift_card | self.points_card)

    def test_generation_of_cards_with_a_balance(self):
        Wizard = self.env["loyalty.generate.wizard"]
        vals = {
            "program_id": self.gift_program.id,
            "coupon_qty": 2,
            "points_granted": 25,
        }
        wizard = Wizard.with_user(self.salesman).create(vals)
        with self.assertRaises(AccessError):
            wizard.generate_coupons()
        cards = Wizard.with_user(self.head_office).create(vals).generate_coupons()
        self.assertEqual(cards.mapped("points"), [25, 25])
        self.assertBalanceInvariant(cards)


@tagged("post_install", "-at_install", "retail_security")
class TestCardsFoundNotListed(NativePathsCommon):
    def test_cashiers_and_salesmen_cannot_list_cards(self):
        for user in (self.cashier, self.salesman, self.cashier_b):
            with self.subTest(user=user.login):
                self.assertEqual(
                    self._rpc(
                        user,
                        "loyalty.card",
                        "search_read",
                        [],
                        ["code", "points", "partner_id"],
                    ),
                    [],
                )
                self.assertEqual(
                    self._rpc(
                        user, "loyalty.card", "search_count", [("points", ">", 0)]
                    ),
                    0,
                )
                self.assertEqual(
                    self._rpc(
                        user,
                        "loyalty.card",
                        "web_search_read",
                        [],
                        {"code": {}, "points": {}},
                    )["records"],
                    [],
                )
                for method, args in (
                    ("name_search", ["044"]),
                    ("search", [[("code", "=like", "044-%")]]),
                    ("search", [[("code", "!=", "x")]]),
                    ("search_count", [[("code", "in", [str(n) for n in range(50)])]]),
                    ("formatted_read_group", [[("partner_id", "=", 1)], ["code"]]),
                ):
                    with self.assertRaises(AccessError):
                        self._rpc(user, "loyalty.card", method, *args)
        # a bearer card read by its id shows its number masked
        [values] = self._rpc(
            self.cashier,
            "loyalty.card",
            "read",
            [self.gift_card.id],
            ["code", "points"],
        )
        self.assertEqual(values["code"], self.Failure._retail_mask(self.gift_card.code))
        # normal paths: the customer's cards (the till), the managers' lists
        self.assertEqual(
            self._rpc(
                self.cashier,
                "loyalty.card",
                "search_read",
                [("partner_id", "=", self.customer.id)],
                ["code", "points"],
            ),
            [
                {
                    "id": self.points_card.id,
                    "code": self.points_card.code,
                    "points": 0,
                }
            ],
        )
        for manager in (self.store_manager, self.head_office):
            values = self._rpc(
                manager,
                "loyalty.card",
                "search_read",
                [("id", "=", self.gift_card.id)],
                ["code"],
            )
            self.assertEqual(values[0]["code"], self.gift_card.code)
            self.assertIn(
                self.gift_card.id, self._rpc(manager, "loyalty.card", "search", [])
            )

    def test_code_probes_are_throttled(self):
        Card = self.Card.with_user(self.cashier)
        self.assertEqual(Card.search_count([("code", "=", self.gift_card.code)]), 1)
        for attempt in range(10):
            self.assertEqual(
                Card.search_count([("code", "=", f"044-0000-0000-0000-{attempt:04d}")]),
                0,
            )
        self.assertEqual(len(self._failures(user_id=self.cashier.id)), 10)
        self.assertRefused(
            THROTTLED, Card.search_count, [("code", "=", self.gift_card.code)]
        )
        self.assertRefused(THROTTLED, self._lookup, self.cashier, self.gift_card.code)
        # another cashier still finds the card by its number
        self.assertEqual(
            self._lookup(self.cashier_2, self.gift_card.code)["id"], self.gift_card.id
        )

    def test_wrong_pins_lock_the_card(self):
        pin = self.gift_card._retail_set_secret()[self.gift_card.id]
        wrong = f"{(int(pin) + 1) % 10**6:06d}"
        for user, count, till in (
            (self.cashier, 4, self.store),
            (self.cashier_2, 3, self.till_b),
            (self.cashier_3, 3, False),
        ):
            card = self.gift_card.with_user(user)
            for _attempt in range(count):
                self.assertRefused(
                    WRONG_PIN,
                    card._retail_check_secret,
                    wrong,
                    config_id=till and till.id,
                )
        fresh = new_test_user(
            self.env, login="np_cashier_fresh", groups="retail_card.group_card_cashier"
        )
        self.assertRefused(
            THROTTLED, self.gift_card.with_user(fresh)._retail_check_secret, pin
        )
        # the card's balance check and other cards' PINs still work
        self.assertEqual(self._lookup(fresh, self.gift_card.code)["points"], 50)
        other_pin = self.points_card._retail_set_secret()[self.points_card.id]
        self.assertTrue(
            self.points_card.with_user(fresh)._retail_check_secret(other_pin)
        )
        self.assertRefused(NOT_FOUND, self._lookup, fresh, "044-0000-0000-0000-0001")


@tagged("post_install", "-at_install", "retail_security")
class TestNativePosPaths(TestPoSCommon):
    """pos_loyalty's confirmation of an order's cards, called by the till as
    the cashier after the order is paid."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # failed lookups are logged through registry.cursor() (see test_lookup)
        cls.registry_enter_test_mode_cls()
        cls.config = cls.basic_config
        cls.Card = cls.env["loyalty.card"]
        cls.gift_product = cls.create_product(
            "Native gift card", cls.categ_basic, 50.0, tax_ids=[]
        )
        cls.jacket = cls.create_product("Jacket", cls.categ_basic, 100.0, tax_ids=[])
        Program = cls.env["loyalty.program"]
        cls.gift_program = Program.create(
            {
                "name": "Native gift cards",
                "program_type": "gift_card",
                "trigger": "auto",
                "applies_on": "future",
                "pos_config_ids": [Command.link(cls.config.id)],
            }
        )
        cls.gift_program.write(
            {
                "mail_template_id": cls.env.ref("loyalty.mail_template_gift_card").id,
                "pos_report_print_id": cls.env.ref("loyalty.report_gift_card").id,
                "reward_ids": [
                    Command.clear(),
                    Command.create(
                        {
                            "reward_type": "discount",
                            "discount_mode": "per_point",
                            "discount": 1,
                            "discount_applicability": "order",
                            "required_points": 1,
                        }
                    ),
                ],
            }
        )
        cls.points_program = Program.create(
            {
                "name": "Native points",
                "program_type": "loyalty",
                "trigger": "auto",
                "applies_on": "both",
                "pos_config_ids": [Command.link(cls.config.id)],
            }
        )
        for program, product in (
            (cls.gift_program, cls.gift_product),
            (cls.points_program, cls.env["product.product"]),
        ):
            program.rule_ids = [
                Command.clear(),
                Command.create(
                    {
                        "reward_point_mode": "money",
                        "reward_point_amount": 1,
                        "minimum_amount": 0,
                        "product_ids": product.ids,
                    }
                ),
            ]
        cls.buyer = cls.env["res.partner"].create({"name": "Native buyer"})
        cls.cashier = new_test_user(
            cls.env,
            login="np_pos_cashier",
            groups="retail_card.group_card_cashier",
            company_id=cls.company.id,
            company_ids=cls.company.ids,
        )
        cls.company_b = cls.env["res.company"].create({"name": "Franchise Sur"})
        cls.cashier_b = new_test_user(
            cls.env,
            login="np_pos_cashier_b",
            groups="retail_card.group_card_cashier",
            company_id=cls.company_b.id,
            company_ids=cls.company_b.ids,
        )

    def setUp(self):
        super().setUp()
        self.open_new_session()

    def _sell(self, lines, partner=None):
        data = self.create_ui_order_data(lines, customer=partner)
        result = self.env["pos.order"].sync_from_ui([data])
        return self.env["pos.order"].browse(result["pos.order"][0]["id"])

    def _confirm(self, order, coupon_data, user=None):
        return call_kw(
            self.env["pos.order"].with_user(user or self.cashier),
            "confirm_coupon_programs",
            [[order.id], coupon_data],
            {},
        )

    def _new_card(self, program, points, code, partner=None):
        return {
            "-1": {
                "points": points,
                "program_id": program.id,
                "coupon_id": -1,
                "barcode": "",
                "code": code,
                "partner_id": partner and partner.id,
            }
        }

    def _history_sum(self, card):
        return sum(card.history_ids.mapped("issued")) - sum(
            card.history_ids.mapped("used")
        )

    def test_gift_card_sold_gets_what_was_paid_only(self):
        order = self._sell([(self.gift_product, 1)])
        self._confirm(order, self._new_card(self.gift_program, 400, "np-gift-1"))
        card = self.Card.search([("code", "=", "np-gift-1")])
        self.assertEqual(card.points, 50, "the 50 paid, not the 400 sent")
        self.assertTrue(order.retail_sync_flagged)
        self.assertEqual(self._history_sum(card), 50)
        # the same order cannot load another card
        self._confirm(order, self._new_card(self.gift_program, 50, "np-gift-2"))
        self.assertFalse(self.Card.search([("code", "=", "np-gift-2")]))
        # an honest till
        honest = self._sell([(self.gift_product, 1)])
        self._confirm(honest, self._new_card(self.gift_program, 50, "np-gift-3"))
        card = self.Card.search([("code", "=", "np-gift-3")])
        self.assertEqual(card.points, 50)
        self.assertFalse(honest.retail_sync_flagged)
        self.assertEqual(self._history_sum(card), 50)

    def test_existing_card_credited_only_through_lines(self):
        card = self.Card.create({"program_id": self.gift_program.id})
        order = self._sell([(self.jacket, 1)])
        self._confirm(
            order,
            {
                str(card.id): {
                    "points": 400,
                    "program_id": self.gift_program.id,
                    "coupon_id": card.id,
                }
            },
        )
        self.assertEqual(card.points, 0)
        self.assertTrue(order.retail_sync_flagged)

    def test_native_loyalty_points_recomputed(self):
        order = self._sell([(self.jacket, 1)], partner=self.buyer)
        self._confirm(
            order, self._new_card(self.points_program, 5000, False, self.buyer)
        )
        card = self.Card.search([("partner_id", "=", self.buyer.id)])
        self.assertEqual(card.points, 100, "1 point per currency unit of 100")
        self.assertTrue(order.retail_sync_flagged)
        honest = self._sell([(self.jacket, 1)], partner=self.buyer)
        self._confirm(
            honest,
            {
                str(card.id): {
                    "points": 100,
                    "program_id": self.points_program.id,
                    "coupon_id": card.id,
                    "partner_id": self.buyer.id,
                }
            },
        )
        self.assertEqual(card.points, 200)
        self.assertFalse(honest.retail_sync_flagged)

    def test_next_order_coupons_bounded_by_the_rules(self):
        """A next-order coupon program gives one coupon point per order of 50 or
        more: the till claiming ten, or three coupons, gets one point in all."""
        program = self.env["loyalty.program"].create(
            {
                "name": "Native next order",
                "program_type": "next_order_coupons",
                "trigger": "auto",
                "applies_on": "future",
                "pos_config_ids": [Command.link(self.config.id)],
                "rule_ids": [
                    Command.create(
                        {
                            "reward_point_mode": "order",
                            "reward_point_amount": 1,
                            "minimum_amount": 50,
                        }
                    )
                ],
            }
        )
        order = self._sell([(self.jacket, 1)], partner=self.buyer)
        claims = {
            str(-index): {
                "points": 10 if index == 1 else 1,
                "program_id": program.id,
                "coupon_id": -index,
                "barcode": "",
                "code": f"np-next-{index}",
                "partner_id": self.buyer.id,
            }
            for index in (1, 2, 3)
        }
        self._confirm(order, claims)
        coupons = self.Card.search([("program_id", "=", program.id)])
        self.assertEqual(sum(coupons.mapped("points")), 1)
        self.assertTrue(order.retail_sync_flagged)
        # an honest till: one coupon of one point
        honest = self._sell([(self.jacket, 1)], partner=self.buyer)
        self._confirm(
            honest,
            {
                "-1": {
                    "points": 1,
                    "program_id": program.id,
                    "coupon_id": -1,
                    "barcode": "",
                    "code": "np-next-honest",
                    "partner_id": self.buyer.id,
                }
            },
        )
        coupon = self.Card.search([("code", "=", "np-next-honest")])
        self.assertEqual(coupon.points, 1)
        self.assertFalse(honest.retail_sync_flagged)

    def test_order_history_rows_cannot_be_forged(self):
        card = self.Card.create({"program_id": self.gift_program.id})
        order = self._sell([(self.jacket, 1)])
        with self.assertRaises(AccessError):
            call_kw(
                self.env["pos.order"].with_user(self.cashier),
                "add_loyalty_history_lines",
                [[order.id], [{"card_id": card.id, "won": 5000, "spent": 0}], []],
                {},
            )
        self.assertFalse(card.sudo().history_ids)
        self.assertEqual(card.points, 0)

    def test_other_company_cashier_cannot_confirm(self):
        order = self._sell([(self.gift_product, 1)])
        with self.assertRaises(AccessError):
            self._confirm(
                order,
                self._new_card(self.gift_program, 50, "np-gift-b"),
                user=self.cashier_b,
            )
        self.assertFalse(self.Card.search([("code", "=", "np-gift-b")]))

    def test_gift_card_status_and_coupon_codes_are_lookups(self):
        Card = self.Card.with_user(self.cashier)
        card = self.Card.create({"program_id": self.gift_program.id})
        # a new number (a card being sold) is no failure; a known card that
        # cannot be sold is answered without its data
        self.assertTrue(
            Card.get_gift_card_status("np-new-card", self.config.id)["status"]
        )
        self.assertEqual(
            Card.get_gift_card_status(card.code, self.config.id),
            {"status": False, "data": {"loyalty.card": []}},
        )
        result = self.config.with_user(self.cashier).use_coupon_code(
            "np-no-such-code", "2026-01-01 10:00:00", False, False
        )
        self.assertFalse(result["successful"])
        failures = (
            self.env["retail.card.lookup.failure"]
            .sudo()
            .search([("user_id", "=", self.cashier.id)])
        )
        self.assertEqual(len(failures), 2)

    def test_sale_order_flows_keep_moving_native_points(self):
        salesman = new_test_user(
            self.env,
            login="np_pos_salesman",
            groups="sales_team.group_sale_salesman",
            company_id=self.company.id,
            company_ids=self.company.ids,
        )
        order = (
            self.env["sale.order"]
            .with_user(salesman)
            .create(
                {
                    "partner_id": self.buyer.id,
                    "order_line": [
                        Command.create(
                            {"product_id": self.jacket.id, "product_uom_qty": 1}
                        )
                    ],
                }
            )
        )
        order.action_confirm()
        card = self.Card.sudo().search(
            [
                ("partner_id", "=", self.buyer.id),
                ("program_id", "=", self.points_program.id),
            ]
        )
        self.assertEqual(
            card.points,
            order.amount_total,
            (
                order.state,
                order.coupon_point_ids.read(["coupon_id", "points"]),
                self.Card.sudo()
                .search([("partner_id", "=", self.buyer.id)])
                .read(["program_id", "points"]),
                order.order_line.read(["product_id", "price_total"]),
            ),
        )
        with self.assertRaises(AccessError):
            card.with_user(salesman).write({"points": 5000})
        # natively, cancelling needs a sales administrator (sale_loyalty deletes
        # the order's coupon points, which salesmen may not)
        sale_manager = new_test_user(
            self.env,
            login="np_pos_sale_manager",
            groups="sales_team.group_sale_manager,account.group_account_invoice",
            company_id=self.company.id,
            company_ids=self.company.ids,
        )
        order.with_user(sale_manager)._action_cancel()
        self.assertEqual(card.points, 0)
        with self.assertRaises(UserError):
            self.env["loyalty.history"].with_user(salesman).create(
                {"card_id": card.id, "issued": 5000, "description": "Forged"}
            )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.service.model import call_kw
from odoo.tests import tagged

from odoo.addons.retail_customer.tests.common import company_user

from .common import GiftRegistryCommon


@tagged("post_install", "-at_install", "retail_security")
class TestGiftRegistryMoneySecurity(GiftRegistryCommon):
    """What a list pays its owners comes from the server's figures,
    to the owners' card, through the managers' actions only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._settle_on_ewallet()
        cls.company_2 = cls.env["res.company"].create({"name": "Registry Two"})
        cls.manager_2 = company_user(
            cls.env,
            "registry_manager_two",
            "sales_team.group_sale_manager,point_of_sale.group_pos_manager",
            cls.company_2,
        )
        cls.cashier_card = cls.env["loyalty.card"].create(
            {
                "program_id": cls.program.id,
                "partner_id": cls.cashier.partner_id.id,
                "points": 0.0,
            }
        )

    def _rpc(self, user, records, method, *args, **kwargs):
        """``method`` called as the web client calls it, as ``user``."""
        model = self.env[records._name].with_user(user)
        return call_kw(model, method, [records.ids, *args], kwargs)

    def _till_order(self, lines, amount_paid, uuid=None):
        """A till's payload for ``lines`` paid ``amount_paid`` in cash, with
        the order totals the till claims equal to what was paid."""
        data = self.create_ui_order_data(
            lines, payments=[(self.cash_pm1, amount_paid)], uuid=uuid
        )
        data.update(amount_total=amount_paid, amount_tax=0.0, amount_paid=amount_paid)
        return data

    def _sync(self, data):
        self.env["pos.order"].with_user(self.cashier).sync_from_ui([data])
        return self.env["pos.order"].search([("uuid", "=", data["uuid"])])

    def _ledger(self, registry=None):
        return self.env["loyalty.history"].search(
            [
                ("order_model", "=", "retail.gift.registry"),
                ("order_id", "=", (registry or self.gift_list).id),
            ]
        )

    def _contribution(self, price_unit, subtotal_incl=None, **values):
        subtotal_incl = price_unit if subtotal_incl is None else subtotal_incl
        return self._pos_line(
            self.contribution,
            1,
            price_unit=price_unit,
            price_subtotal=subtotal_incl,
            price_subtotal_incl=subtotal_incl,
            **values,
        )

    def _close_and_settle(self, registry=None):
        registry = registry or self.gift_list
        registry.with_user(self.salesman).action_close()
        registry.with_user(self.manager).action_settle()
        return registry.credit_card_id

    # ------------------------------------------------------------------
    # Item 1: a contribution counts what the guest paid (server figures)
    # ------------------------------------------------------------------

    def test_till_contribution_counts_the_server_figure(self):
        self._open_session()
        # normal: a guest gives 50, the till says 50
        fair = self._sync(self._till_order([self._contribution(50.0)], 50.0))
        self.assertFalse(fair.retail_sync_flagged)
        # attack: the guest pays 5, the till says the contribution is 300
        forged = self._sync(self._till_order([self._contribution(5.0, 300.0)], 5.0))
        self.assertEqual(forged.state, "paid")
        self.assertTrue(forged.retail_sync_flagged)
        self.assertEqual(forged.lines.price_subtotal_incl, 5.0)
        self.env.invalidate_all()
        self.assertEqual(self.gift_list.amount_contributions, 55.0)
        # the settlement pays the owners what guests paid, not what tills said
        card = self._close_and_settle()
        self.assertEqual(card.partner_id, self.ana)
        self.assertEqual(card.points, 55.0)
        self.assertEqual(sum(self._ledger().mapped("issued")), 55.0)

    def test_contribution_only_for_a_list_and_taken_back_by_refund(self):
        self._open_session()
        other = self._create_registry(title="Another list")
        other.action_open()
        self._sync(self._till_order([self._contribution(80.0)], 80.0))
        # attack: 300 given to the list, paid by a -300 contribution to no list
        # (or taken from another list without refunding it): the guest pays 0
        unlinked = self._contribution(-300.0)
        unlinked["retail_gift_registry_id"] = False
        taken_back = self._contribution(300.0, registry=other, quantity=-1)
        taken_back.update(price_subtotal=-300.0, price_subtotal_incl=-300.0)
        attacks = [
            [self._contribution(300.0), unlinked],
            [self._contribution(300.0), self._contribution(-300.0, registry=other)],
            [self._contribution(300.0), taken_back],
        ]
        for lines in attacks:
            with self.assertRaises(UserError):
                self._sync(self._till_order(lines, 0.0))
        self.env.invalidate_all()
        self.assertEqual(self.gift_list.amount_contributions, 80.0)
        self.assertEqual(other.amount_contributions, 0.0)
        # normal: a real refund of the contribution takes it back
        given = self.gift_list.pos_line_ids.order_id
        self._sync(
            self._till_order(
                [
                    {
                        "product": self.contribution,
                        "quantity": -1,
                        "price_unit": 80.0,
                        "price_subtotal": -80.0,
                        "price_subtotal_incl": -80.0,
                        "refunded_orderline_id": given.lines.id,
                    }
                ],
                -80.0,
            )
        )
        self.env.invalidate_all()
        self.assertEqual(self.gift_list.amount_contributions, 0.0)

    def test_confirmed_sale_line_of_a_list_cannot_be_inflated(self):
        Order = self.env["sale.order"].with_user(self.salesman)
        order = Order.create(
            {
                "partner_id": self.guest.id,
                "retail_gift_registry_id": self.gift_list.id,
                "order_line": [
                    Command.create(
                        {"product_id": self.contribution.id, "price_unit": 5.0}
                    )
                ],
            }
        )
        line = order.order_line
        # normal: a quotation's price is the salesperson's to set
        self._rpc(self.salesman, line, "write", {"price_unit": 6.0})
        self._rpc(self.salesman, order, "action_confirm")
        # attack: the confirmed line's figures rewritten, over RPC
        for vals in (
            {"price_unit": 300.0},
            {"product_uom_qty": 60.0},
            {"discount": -5000.0},
            {"tax_ids": [Command.clear()]},
            {"retail_gift_registry_item_id": self.item_toaster.id},
        ):
            with self.assertRaises(UserError):
                self._rpc(self.salesman, line, "write", vals)
        with self.assertRaises(UserError):
            self._rpc(
                self.salesman,
                order,
                "write",
                {"order_line": [Command.update(line.id, {"price_unit": 300.0})]},
            )
        for vals in (
            {"retail_gift_registry_qty_back": -59.0},
            {"retail_gift_registry_surplus_qty": 3},
        ):
            with self.assertRaises(AccessError):
                self._rpc(self.salesman, line, "write", vals)
        other = self._create_registry(title="Another list")
        other.action_open()
        with self.assertRaises(UserError):
            self._rpc(
                self.salesman, order, "write", {"retail_gift_registry_id": other.id}
            )
        self.env.invalidate_all()
        self.assertEqual(self.gift_list.amount_contributions, 6.0)
        self.assertEqual(self._close_and_settle().points, 6.0)

    # ------------------------------------------------------------------
    # Item 8: payout target and state only through the managers' actions
    # ------------------------------------------------------------------

    def test_payout_card_cannot_be_redirected(self):
        self._sale_order([(self.contribution, 1, 100.0)])
        self.gift_list.action_close()
        for user in (self.cashier, self.salesman, self.manager):
            with self.assertRaises(AccessError):
                self._rpc(
                    user,
                    self.gift_list,
                    "write",
                    {"credit_card_id": self.cashier_card.id},
                )
        # nor by creating a list already pointing at the card
        with self.assertRaises(AccessError):
            call_kw(
                self.env["retail.gift.registry"].with_user(self.cashier),
                "create",
                [
                    {
                        "title": "Forged",
                        "type_id": self.wedding_type.id,
                        "owner_id": self.ana.id,
                        "event_date": "2026-09-01",
                        "credit_card_id": self.cashier_card.id,
                        "state": "closed",
                    }
                ],
                {},
            )
        # nor by making themselves the owner of a list guests gave to
        for user in (self.cashier, self.salesman):
            with self.assertRaises(AccessError):
                self._rpc(
                    user,
                    self.gift_list,
                    "write",
                    {"owner_id": user.partner_id.id, "co_owner_id": False},
                )
        # a company-2 manager cannot act on a company-1 list
        for method, args in (
            ("action_settle", ()),
            ("write", ({"credit_card_id": self.cashier_card.id},)),
        ):
            with self.assertRaises(AccessError):
                self._rpc(self.manager_2, self.gift_list, method, *args)
        # normal: the manager's settlement pays the owners' card
        self._rpc(self.manager, self.gift_list, "action_settle")
        self.assertEqual(self.gift_list.credit_card_id.partner_id, self.ana)
        self.assertEqual(self.gift_list.credit_card_id.points, 100.0)
        self.assertEqual(self.cashier_card.points, 0.0)
        self.assertFalse(
            self.env["loyalty.history"].search([("card_id", "=", self.cashier_card.id)])
        )

    def test_state_changes_only_through_the_actions(self):
        self._sale_order([(self.contribution, 1, 100.0)])
        # normal: staff close a list; the manager settles it
        self._rpc(self.cashier, self.gift_list, "action_close")
        self._rpc(self.manager, self.gift_list, "action_settle")
        self.assertEqual(self.gift_list.state, "settled")
        # attack: reopen the settled list by editing it, or with the action
        for user in (self.cashier, self.salesman):
            with self.assertRaises(AccessError):
                self._rpc(user, self.gift_list, "write", {"state": "open"})
            with self.assertRaises(AccessError):
                self._rpc(user, self.gift_list, "action_reopen")
            for vals in (
                {"bonus_amount": 500.0},
                {"date_settled": False},
                {"discount_percent": 100.0},
            ):
                with self.assertRaises(AccessError):
                    self._rpc(user, self.gift_list, "write", vals)
        with self.assertRaises(AccessError):
            self._rpc(self.manager_2, self.gift_list, "action_reopen")
        self.assertEqual(self.gift_list.state, "settled")
        # the web client may send the state unchanged with other fields
        self._rpc(
            self.cashier, self.gift_list, "write", {"state": "settled", "title": "T2"}
        )
        # the owners were paid: the manager says why a settled list reopens
        with self.assertRaises(UserError):
            self._rpc(self.manager, self.gift_list, "action_reopen")
        with self.assertRaises(UserError):
            self._rpc(self.manager, self.gift_list, "action_reopen", reason="  ")
        with self.assertRaises(AccessError):
            self.env["retail.gift.registry.reopen"].with_user(self.cashier).create(
                {"registry_ids": self.gift_list.ids, "reason": "Let me in"}
            ).action_reopen()
        self.assertEqual(self.gift_list.state, "settled")
        # normal: the manager reopens with the wizard, the reason is logged, and
        # settling again pays only what changed
        self.env["retail.gift.registry.reopen"].with_user(self.manager).create(
            {"registry_ids": self.gift_list.ids, "reason": "A late gift arrived"}
        ).action_reopen()
        self.assertEqual(self.gift_list.state, "open")
        self.assertTrue(
            any(
                "A late gift arrived" in body
                for body in self.gift_list.message_ids.mapped("body")
            )
        )
        self._close_and_settle()
        self.assertEqual(self.gift_list.credit_card_id.points, 100.0)
        self.assertEqual(len(self._ledger()), 1)

    # ------------------------------------------------------------------
    # What the settlement was computed from stays as the server recorded it
    # ------------------------------------------------------------------

    def test_counted_lines_items_and_not_taken_are_not_rewritten(self):
        self._open_session()
        order = self._sync(
            self._till_order(
                [self._pos_line(self.vase, 2, self.item_vase)],
                80.0,
            )
        )
        line = order.lines
        self.assertEqual(line.retail_gift_registry_surplus_qty, 1.0)
        other = self._create_registry(title="Another list")
        other.action_open()
        for vals in (
            {
                "retail_gift_registry_id": other.id,
                "retail_gift_registry_item_id": False,
            },
            {"retail_gift_registry_keep": True},
            {"retail_gift_registry_guest": "Someone else"},
            {"retail_gift_registry_surplus_qty": 0.0},
            {"price_subtotal_incl": 800.0},
        ):
            with self.assertRaises(UserError):
                self._rpc(self.cashier, line, "write", vals)
        # the purchases the settlement reads are the system's view
        purchase = self.gift_list.purchase_ids
        with self.assertRaises(AccessError):
            self._rpc(self.cashier, purchase, "write", {"amount": 800.0})
        # the gifts the owners leave are paid in money: managers record them
        for user in (self.cashier, self.salesman):
            with self.assertRaises(AccessError):
                self._rpc(user, self.item_vase, "write", {"qty_not_taken": 2})
        with self.assertRaises(UserError):
            self._rpc(self.cashier, self.item_vase, "write", {"registry_id": other.id})
        self._rpc(self.manager, self.item_vase, "write", {"qty_not_taken": 1})
        self.assertEqual(self._close_and_settle().points, 40.0)
        self.assertEqual(line.retail_gift_registry_id, self.gift_list)
        self.assertFalse(line.retail_gift_registry_keep)

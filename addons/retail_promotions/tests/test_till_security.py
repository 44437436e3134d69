# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Promotion amounts a till sends, the audit of the promotions, and
the employee allowance. Each test drives the attack through the entry point an
attacker uses (``pos.order.sync_from_ui`` payloads, RPC as the user) beside the
normal case."""

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.service.model import call_kw
from odoo.tests import new_test_user, tagged

from odoo.addons.point_of_sale.tests.common import TestPoSCommon


class RetailPromotionSecurityCommon(TestPoSCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["loyalty.program"].search([]).write({"active": False})
        cls.config = cls.basic_config
        cls.tee = cls.create_product("Guard Tee", cls.categ_basic, 10.0, tax_ids=[])
        cls.cap = cls.create_product("Guard Cap", cls.categ_basic, 10.0, tax_ids=[])
        cls.customer = cls.env["res.partner"].create({"name": "Guard Customer"})
        cls.company_2 = cls.env["res.company"].create({"name": "Guard Franchise"})
        cls.cashier = new_test_user(
            cls.env,
            "guard_cashier",
            groups="base.group_user,base.group_partner_manager,"
            "point_of_sale.group_pos_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.cashier_2 = new_test_user(
            cls.env,
            "guard_cashier_2",
            groups="base.group_user,base.group_partner_manager,"
            "point_of_sale.group_pos_user",
            company_id=cls.company_2.id,
            company_ids=[Command.set(cls.company_2.ids)],
        )
        cls.manager = new_test_user(
            cls.env,
            "guard_manager",
            groups="base.group_user,base.group_partner_manager,"
            "point_of_sale.group_pos_manager",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.clerk = new_test_user(
            cls.env,
            "guard_clerk",
            groups="base.group_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )

    def setUp(self):
        super().setUp()
        self.open_new_session()

    def _call(self, user, model, method, *args):
        env = self.env(user=user, context={"allowed_company_ids": user.company_ids.ids})
        return call_kw(env[model], method, list(args), {})

    def _reward_line(self, program, amount, code="guard-reward"):
        reward = program.reward_ids
        return {
            "product": reward.discount_line_product_id,
            "quantity": 1,
            "price_unit": amount,
            "price_subtotal": amount,
            "price_subtotal_incl": amount,
            "is_reward_line": True,
            "reward_id": reward.id,
            "points_cost": 1,
            "reward_identifier_code": code,
        }

    def _sync(self, lines, customer=None, **values):
        data = self.create_ui_order_data(lines, customer=customer or self.customer)
        data.update(values)
        result = self.env["pos.order"].sync_from_ui([data])
        return self.env["pos.order"].browse(result["pos.order"][0]["id"])


@tagged("post_install", "-at_install", "retail_security")
class TestPromotionAmountsAtSync(RetailPromotionSecurityCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.three_for_two = cls.env["loyalty.program"].create(
            {
                "name": "Tees 3 for 2",
                "retail_promotion_type": "n_for_m",
                "retail_product_ids": [Command.set(cls.tee.ids)],
                "retail_buy_qty": 3,
                "retail_pay_qty": 2,
                "pos_ok": True,
            }
        )
        cls.seasonal = cls.env["loyalty.program"].create(
            {
                "name": "Caps -20 %",
                "retail_promotion_type": "seasonal",
                "retail_season": "Guard summer",
                "date_from": fields.Date.today() - relativedelta(months=1),
                "date_to": fields.Date.today() + relativedelta(months=1),
                "retail_product_ids": [Command.set(cls.cap.ids)],
                "retail_discount": 20,
                "pos_ok": True,
            }
        )

    def _spent(self):
        self.customer.invalidate_recordset()
        return self.customer.retail_total_spent

    def test_3_for_2_amount_recomputed_from_the_rules(self):
        # normal: three 10 EUR tees, the third free
        order = self._sync([(self.tee, 3), self._reward_line(self.three_for_two, -10)])
        self.assertEqual(order.state, "paid")
        self.assertFalse(order.retail_promotion_flagged)
        self.assertEqual(self._spent(), 20.0)
        # attack: the same basket with a 3 for 2 of -25
        order = self._sync([(self.tee, 3), self._reward_line(self.three_for_two, -25)])
        self.assertEqual(order.state, "paid", "a paid order is not refused")
        self.assertTrue(order.retail_promotion_flagged)
        self.assertIn("Tees 3 for 2", order.retail_promotion_issue)
        self.assertIn("gives at most", order.retail_promotion_issue)
        reward_line = order.lines.filtered("reward_id")
        self.assertEqual(
            order.retail_promotion_server_amounts, {str(reward_line.id): -10.0}
        )
        self.assertEqual(self._spent(), 40.0, "counted at 20 (server), not 5")
        # the refunds' shares take the server's figure
        self.assertEqual(
            order.lines.filtered(
                lambda line: line.product_id == self.tee
            ).retail_promotion_shares,
            {str(reward_line.id): -10.0},
        )

    def test_sale_marked_as_a_refund_is_checked_too(self):
        order = self._sync(
            [(self.tee, 3), self._reward_line(self.three_for_two, -25)],
            is_refund=True,
        )
        self.assertTrue(order.retail_promotion_flagged)
        self.assertEqual(list(order.retail_promotion_server_amounts.values()), [-10.0])

    def test_3_for_2_on_two_units_gives_nothing(self):
        order = self._sync([(self.tee, 2), self._reward_line(self.three_for_two, -10)])
        self.assertEqual(order.state, "paid")
        self.assertTrue(order.retail_promotion_flagged)
        self.assertIn("does not meet its conditions", order.retail_promotion_issue)
        self.assertEqual(list(order.retail_promotion_server_amounts.values()), [0.0])
        self.assertEqual(self._spent(), 20.0, "two tees at full price")

    def test_discount_larger_than_the_basket(self):
        # normal: 20 % of two caps
        order = self._sync([(self.cap, 2), self._reward_line(self.seasonal, -4)])
        self.assertFalse(order.retail_promotion_flagged)
        self.assertEqual(self._spent(), 16.0)
        # attack: 50 off a 20 EUR basket
        order = self._sync([(self.cap, 2), self._reward_line(self.seasonal, -50)])
        self.assertEqual(order.state, "paid")
        self.assertTrue(order.retail_promotion_flagged)
        self.assertEqual(list(order.retail_promotion_server_amounts.values()), [-4.0])
        self.assertEqual(self._spent(), 32.0)

    def test_flag_is_the_systems_and_cleared_by_a_manager_with_a_reason(self):
        order = self._sync([(self.tee, 3), self._reward_line(self.three_for_two, -25)])
        self.assertTrue(order.retail_promotion_flagged)
        # attack: the cashier clears or rewrites the check over RPC
        for vals in (
            {"retail_promotion_flagged": False},
            {"retail_promotion_issue": False},
            {"retail_promotion_server_amounts": False},
        ):
            with self.assertRaises(AccessError):
                self._call(self.cashier, "pos.order", "write", order.ids, vals)
        with self.assertRaises(AccessError):
            self._call(
                self.cashier,
                "pos.order",
                "action_retail_clear_till_flag",
                order.ids,
                "All good",
            )
        self.assertTrue(order.retail_promotion_flagged)
        # a manager without a reason is refused, with one clears it
        with self.assertRaises(ValidationError):
            self._call(
                self.manager,
                "pos.order",
                "action_retail_clear_till_flag",
                order.ids,
                " ",
            )
        self._call(
            self.manager,
            "pos.order",
            "action_retail_clear_till_flag",
            order.ids,
            "Checked with the store",
        )
        self.assertFalse(order.retail_promotion_flagged)
        self.assertTrue(order.retail_promotion_issue, "the issue stays")
        self.assertIn("Checked with the store", order.message_ids[0].body)


@tagged("post_install", "-at_install", "retail_security")
class TestEmployeeAllowanceSecurity(RetailPromotionSecurityCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.program = cls.env["loyalty.program"].create(
            {
                "name": "Guard Staff -30 %",
                "retail_promotion_type": "employee",
                "retail_product_ids": [Command.set(cls.tee.ids)],
                "retail_discount": 30,
                "retail_employee_ceiling": 40,
                "pos_ok": True,
                "sale_ok": True,
            }
        )
        cls.employee = cls.env["res.partner"].create(
            {
                "name": "Guard Employee",
                "retail_is_employee": True,
                "company_id": cls.company.id,
            }
        )

    def _allowance(self, user=None):
        return self._call(
            user or self.cashier,
            "loyalty.program",
            "retail_employee_allowance",
            self.employee.id,
            self.program.ids,
        )

    def _sell(self, discount, date=None, qty=1):
        values = {"date_order": fields.Datetime.to_string(date)} if date else {}
        return self._sync(
            [(self.tee, 10 * qty), self._reward_line(self.program, -discount)],
            customer=self.employee,
            **values,
        )

    def test_allowance_only_for_an_employee_of_the_users_companies(self):
        # normal: the till asks for the order's customer, an employee
        self.assertEqual(self._allowance(), {self.program.id: 40.0})
        # another customer: nothing to tell
        self.assertEqual(
            self._call(
                self.cashier,
                "loyalty.program",
                "retail_employee_allowance",
                self.customer.id,
                self.program.ids,
            ),
            {},
        )
        # a cashier of another company, a user of neither the till nor sales
        with self.assertRaises(AccessError):
            self._allowance(self.cashier_2)
        with self.assertRaises(AccessError):
            self._allowance(self.clerk)
        with self.assertRaises(ValidationError):
            self._call(
                self.cashier,
                "loyalty.program",
                "retail_employee_allowance",
                str(self.employee.id),
                self.program.ids,
            )

    def test_only_managers_mark_employees(self):
        with self.assertRaises(AccessError):
            self._call(
                self.cashier,
                "res.partner",
                "create",
                {"name": "Friend", "retail_is_employee": True},
            )
        with self.assertRaises(AccessError):
            self._call(
                self.cashier,
                "res.partner",
                "write",
                self.customer.ids,
                {"retail_is_employee": True},
            )
        self.assertFalse(self.customer.retail_is_employee)
        self._call(self.cashier, "res.partner", "create", {"name": "New Customer"})
        self._call(
            self.manager,
            "res.partner",
            "write",
            self.customer.ids,
            {"retail_is_employee": True},
        )
        self.assertTrue(self.customer.retail_is_employee)

    def test_ceiling_by_the_month_of_the_order(self):
        last_month = fields.Datetime.now() - relativedelta(months=1)
        # an order of last month synced now (offline) counts for last month
        self.assertEqual(self._sell(30, date=last_month).state, "paid")
        self.assertEqual(self._allowance(), {self.program.id: 40.0})
        # so a second one dated last month is over last month's ceiling
        with (
            self.assertRaisesRegex(UserError, "10.00"),
            self.env.cr.savepoint(),
        ):
            self._sell(30, date=last_month)
        # while this month's order is within this month's ceiling
        self.assertEqual(self._sell(30).state, "paid")
        self.assertEqual(self._allowance(), {self.program.id: 10.0})

    def test_refund_gives_back_what_was_paid(self):
        order = self._sell(30)
        self.assertEqual(self._allowance(), {self.program.id: 10.0})
        reward_line = order.lines.filtered("reward_id")

        def refund(price_unit):
            data = self.create_ui_order_data(
                [
                    {
                        "product": reward_line.product_id,
                        "quantity": -1,
                        "price_unit": price_unit,
                        "refunded_orderline_id": reward_line.id,
                    }
                ],
                customer=self.employee,
            )
            data["is_refund"] = True
            self.env["pos.order"].sync_from_ui([data])

        # attack: the refund line of the -30 discount says 300: refused (a
        # refund is bounded by the sale), the allowance unchanged
        with self.assertRaisesRegex(UserError, "was paid"), self.env.cr.savepoint():
            refund(-300.0)
        self.assertEqual(self._allowance(), {self.program.id: 10.0})
        refund(-30.0)
        self.assertEqual(self._allowance(), {self.program.id: 40.0}, "30 back")
        # a second refund of the same line is refused: nothing more
        with (
            self.assertRaisesRegex(UserError, "left to refund"),
            self.env.cr.savepoint(),
        ):
            refund(-30.0)
        self.assertEqual(self._allowance(), {self.program.id: 40.0})

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.point_of_sale.tests.common import TestPoSCommon


@tagged("post_install", "-at_install", "retail_security")
class TestEmployeeCeilingAtSync(TestPoSCommon):
    """A till cannot give an employee more discount than what is left of the
    ceiling of the month: the server checks the synchronised order and refuses
    it whole; sale orders and POS orders count together."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.group_ids |= cls.env.ref("sales_team.group_sale_manager")
        cls.config = cls.basic_config
        cls.env["loyalty.program"].search([]).write({"active": False})
        cls.jacket = cls.create_product(
            "Ceiling Jacket", cls.categ_basic, 100.0, tax_ids=[]
        )
        cls.program = cls.env["loyalty.program"].create(
            {
                "name": "Staff -30 %",
                "retail_promotion_type": "employee",
                "retail_product_ids": [Command.set(cls.jacket.ids)],
                "retail_discount": 30,
                "retail_employee_ceiling": 40,
                "pos_ok": True,
                "sale_ok": True,
            }
        )
        cls.employee = cls.env["res.partner"].create(
            {"name": "Ceiling Employee", "retail_is_employee": True}
        )

    def _reward_line(self, amount):
        reward = self.program.reward_ids
        return {
            "product": reward.discount_line_product_id,
            "quantity": 1,
            "price_unit": -amount,
            "price_subtotal": -amount,
            "price_subtotal_incl": -amount,
            "is_reward_line": True,
            "reward_id": reward.id,
            "points_cost": 1,
            "reward_identifier_code": "retail-ceiling-test",
        }

    def _sync_refused(self, discount, message):
        """The sync raises: the RPC's transaction (here a savepoint) is rolled
        back, so the order is not kept."""
        with self.assertRaisesRegex(UserError, message), self.env.cr.savepoint():
            self._sync(discount)

    def _sync(self, discount):
        data = self.create_ui_order_data(
            [(self.jacket, 1), self._reward_line(discount)], customer=self.employee
        )
        result = self.env["pos.order"].sync_from_ui([data])
        return self.env["pos.order"].browse(result["pos.order"][0]["id"])

    def _allowance(self):
        return self.program.retail_employee_allowance(
            self.employee.id, self.program.ids
        )[self.program.id]

    def test_till_discount_over_the_ceiling_is_refused(self):
        self.open_new_session()
        first = self._sync(30.0)
        self.assertEqual(first.state, "paid")
        self.assertEqual(self._allowance(), 10.0, "40 - 30 given by the till")
        orders_before = self.env["pos.order"].search_count([])
        # a second till computed its discount before the first order was synced
        self._sync_refused(30.0, r"Ceiling Employee.*Staff -30 %.*10\.00 left")
        self.assertEqual(self.env["pos.order"].search_count([]), orders_before)
        self.assertEqual(self._allowance(), 10.0)
        second = self._sync(10.0)
        self.assertEqual(second.state, "paid")
        self.assertEqual(self._allowance(), 0.0)

    def test_sale_orders_and_tills_share_the_ceiling(self):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.employee.id,
                "order_line": [
                    Command.create({"product_id": self.jacket.id, "product_uom_qty": 1})
                ],
            }
        )
        order._update_programs_and_rewards()
        for coupon, rewards in order._get_claimable_rewards().items():
            order._apply_program_reward(rewards, coupon)
        self.assertEqual(order.amount_total, 70.0)
        order.action_confirm()
        self.assertEqual(self._allowance(), 10.0)
        self.open_new_session()
        self._sync_refused(20.0, "Ceiling Employee")
        self.assertEqual(self._sync(10.0).state, "paid")

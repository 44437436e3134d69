# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, tagged

from odoo.addons.sale.tests.common import SaleCommon

from .common import RetailPromotionCaseMixin


@tagged("post_install", "-at_install", "retail_money")
class TestRetailCustomerPromotionTypes(RetailPromotionCaseMixin, SaleCommon):
    """Discount cards, employee discounts with a monthly ceiling, vouchers per
    amount spent and the sales teams scope, on sale orders."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._retail_archive_other_programs()
        cls.jacket = cls.env["product.product"].create(
            {"name": "Staff Jacket", "list_price": 100.0, "taxes_id": [Command.clear()]}
        )
        cls.products = {"jacket": cls.jacket}
        cls.employee = cls.env["res.partner"].create(
            {"name": "Staff Employee", "retail_is_employee": True}
        )

    def _program(self, **vals):
        return self.env["loyalty.program"].create(
            {
                "name": "Customer Test",
                "retail_product_ids": [Command.set(self.jacket.ids)],
                "sale_ok": True,
            }
            | vals
        )

    def _order(self, partner, qty=1, **vals):
        order = self._retail_sale_order(partner, self.products, [("jacket", qty)])
        order.write(vals)
        self._retail_apply_promotions(order)
        return order

    def _discount(self, order):
        return round(
            sum(order.order_line.filtered("reward_id").mapped("price_total")), 2
        )

    def test_discount_card_holder(self):
        program = self._program(
            retail_promotion_type="discount_card", retail_discount=20
        )
        holder = self.env["res.partner"].create({"name": "Card Holder"})
        self.assertEqual(self._discount(self._order(holder)), 0.0, "no card yet")
        card = self.env["loyalty.card"].create(
            {"program_id": program.id, "partner_id": holder.id}
        )
        self.assertEqual(holder.retail_discount_card_program_ids, program.ids)
        order = self._order(holder)
        self.assertEqual(self._discount(order), -20.0)
        order.action_confirm()
        # the card that the order creates to count the use is not a discount card
        self.assertEqual(
            self.env["loyalty.card"].search(
                program._retail_discount_card_domain()
                + [("program_id", "=", program.id)]
            ),
            card,
        )
        card.expiration_date = "2020-01-01"
        holder.invalidate_recordset(["retail_discount_card_program_ids"])
        self.assertFalse(holder.retail_discount_card_program_ids)
        self.assertEqual(self._discount(self._order(holder)), 0.0, "card expired")
        action = program.action_retail_discount_cards()
        self.assertEqual(self.env["loyalty.card"].search(action["domain"]), card)

    @freeze_time("2026-03-10 10:00:00")
    def test_employee_ceiling_per_month(self):
        program = self._program(
            retail_promotion_type="employee",
            retail_discount=30,
            retail_employee_ceiling=50,
        )
        self.assertEqual(self._discount(self._order(self.partner)), 0.0, "not staff")
        first = self._order(self.employee)
        self.assertEqual(self._discount(first), -30.0)
        self.assertEqual(
            program.retail_employee_allowance(self.employee.id, program.ids),
            {program.id: 50.0},
            "nothing given yet: drafts do not count",
        )
        second = self._order(self.employee)
        first.action_confirm()
        self.assertEqual(
            program.retail_employee_allowance(self.employee.id, program.ids),
            {program.id: 20.0},
        )
        # the second order was computed before: refused at confirmation
        with self.assertRaisesRegex(UserError, "Staff Employee.*Customer Test.*20"):
            second.action_confirm()
        self.assertEqual(second.state, "draft")
        # computed again, it gets what is left of the ceiling
        third = self._order(self.employee)
        self.assertEqual(self._discount(third), -20.0)
        third.action_confirm()
        self.assertEqual(
            program.retail_employee_allowance(self.employee.id, program.ids),
            {program.id: 0.0},
        )
        self.assertEqual(self._discount(self._order(self.employee)), 0.0, "ceiling")
        # a new month starts from the full ceiling
        with freeze_time("2026-04-01 08:00:00"):
            self.assertEqual(self._discount(self._order(self.employee)), -30.0)

    def test_employee_ceiling_month_in_company_time_zone(self):
        """The month of the ceiling is the company's (Madrid, UTC+2 in spring),
        not UTC's: an order at 00:30 on 1 April in Madrid (22:30 UTC on 31
        March) starts April's ceiling."""
        self.env.company.partner_id.tz = "Europe/Madrid"
        program = self._program(
            retail_promotion_type="employee",
            retail_discount=30,
            retail_employee_ceiling=50,
        )

        def allowance():
            return program.retail_employee_allowance(self.employee.id, program.ids)[
                program.id
            ]

        with freeze_time("2026-03-31 21:30:00"):  # 23:30 in Madrid
            self._order(self.employee).action_confirm()
            self.assertEqual(allowance(), 20.0)
        with freeze_time("2026-03-31 22:30:00"):  # 00:30 on 1 April in Madrid
            self.assertEqual(allowance(), 50.0, "April starts with the full ceiling")
            april = self._order(self.employee)
            self.assertEqual(self._discount(april), -30.0)
            april.action_confirm()
        with freeze_time("2026-04-30 21:59:00"):  # 23:59 on 30 April in Madrid
            self.assertEqual(allowance(), 20.0)
        with freeze_time("2026-04-30 22:00:00"):  # midnight, 1 May in Madrid
            self.assertEqual(allowance(), 50.0)

    def test_amount_voucher_for_next_visit(self):
        program = self._program(
            retail_promotion_type="amount_voucher",
            retail_min_amount=100,
            retail_voucher_amount=10,
        )
        self.assertRecordValues(
            program,
            [{"program_type": "next_order_coupons", "applies_on": "future"}],
        )
        self.assertRecordValues(
            program.rule_ids,
            [
                {
                    "reward_point_mode": "money",
                    "reward_point_amount": 1,
                    "minimum_amount": 100,
                }
            ],
        )
        self.assertRecordValues(
            program.reward_ids,
            [{"discount_mode": "per_point", "discount": 0.1, "required_points": 100}],
        )
        order = self._order(self.partner, qty=2)
        self.assertEqual(self._discount(order), 0.0, "nothing today")
        order.action_confirm()
        voucher = self.env["loyalty.card"].search(
            [("program_id", "=", program.id), ("order_id", "=", order.id)]
        )
        self.assertEqual(voucher.points, 200)
        self.assertEqual(voucher.partner_id, self.partner)
        # next visit: the voucher is worth 10 per 100 spent
        next_order = self._retail_sale_order(
            self.partner, self.products, [("jacket", 1)]
        )
        status = next_order._try_apply_code(voucher.code)
        self.assertEqual(list(status), [voucher])
        next_order._apply_program_reward(status[voucher], voucher)
        self.assertEqual(self._discount(next_order), -20.0)
        with self.assertRaisesRegex(ValidationError, "Customer Test.*voucher value"):
            program.retail_voucher_amount = 0

    def test_sales_teams_scope(self):
        team_a = self.env["crm.team"].create({"name": "Team Stores A"})
        team_b = self.env["crm.team"].create({"name": "Team Stores B"})
        self._program(
            retail_promotion_type="seasonal",
            retail_season="Team sales",
            retail_discount=10,
            date_from="2020-01-01",
            date_to="2099-12-31",
            retail_team_ids=[Command.set(team_a.ids)],
        )
        self.assertEqual(
            self._discount(self._order(self.partner, team_id=team_a.id)), -10.0
        )
        self.assertEqual(
            self._discount(self._order(self.partner, team_id=team_b.id)), 0.0
        )
        self.assertEqual(self._discount(self._order(self.partner, team_id=False)), 0.0)

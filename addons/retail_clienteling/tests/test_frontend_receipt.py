# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo import Command
from odoo.tests import tagged

from odoo.addons.retail_customer.tests.pos_tour import RetailPosTourCase

LOADED_CUSTOMERS = 5
COUPON = "044-0000-0000-0000-7001"


@tagged("post_install", "-at_install")
class TestRetailClientelingReceiptPosUi(RetailPosTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        config = cls.main_pos_config
        store = cls.env.ref("retail_customer.retail_channel_store")
        config.retail_channel_id = store
        cls.env["ir.config_parameter"].sudo().set_param(
            "point_of_sale.limited_customer_count", LOADED_CUSTOMERS
        )
        cls.env["res.partner"].create(
            [{"name": f"AAA Loaded Customer {i}"} for i in range(LOADED_CUSTOMERS + 1)]
        )
        cls.env["loyalty.program"].search([]).write({"pos_ok": False})
        cls.program = cls.env["loyalty.program"].create(
            {
                "name": "Next visit coupon",
                "program_type": "coupons",
                "trigger": "with_code",
                "applies_on": "current",
                "pos_ok": True,
                "pos_config_ids": [Command.link(config.id)],
                "rule_ids": [Command.create({"minimum_amount": 0})],
                "reward_ids": [
                    Command.create(
                        {
                            "reward_type": "discount",
                            "discount": 10,
                            "discount_mode": "percent",
                            "discount_applicability": "order",
                            "required_points": 1,
                        }
                    )
                ],
            }
        )
        cls.boot = cls.env["product.product"].create(
            {
                "name": "Receipt Boot",
                "list_price": 80,
                "available_in_pos": True,
                "taxes_id": False,
            }
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Rita Receipt",
                "customer_number": "RTLRCPT1",
                "retail_channel_id": store.id,
            }
        )
        cls.rule = cls.env["retail.receipt.rule"].create(
            {
                "name": "Next visit",
                "message": "{first_name}, 10% off your next visit: {coupon}",
                "coupon_program_id": cls.program.id,
                "company_id": config.company_id.id,
            }
        )

    def test_receipt_prints_message_and_coupon_redeemed_later(self):
        self.main_pos_config.with_user(self.pos_user).open_ui()
        Card = type(self.env["loyalty.card"])
        with patch.object(Card, "_generate_code", lambda self: COUPON):
            self.start_pos_tour("RetailClientelingReceiptTour")
        orders = self.env["pos.order"].search(
            [("partner_id", "=", self.customer.id)], order="id"
        )
        self.assertEqual(len(orders), 2)
        first, second = orders
        card = self.env["loyalty.card"].search([("code", "=", COUPON)])
        self.assertEqual(first.retail_receipt_rule_id, self.rule)
        self.assertEqual(first.retail_receipt_coupon_code, COUPON)
        self.assertEqual(card.partner_id, self.customer)
        self.assertFalse(second.retail_receipt_message)
        self.assertEqual(second.amount_total, 72.0)
        self.assertEqual(second.lines.filtered("is_reward_line").coupon_id, card)
        self.assertEqual(card.points, 0.0)

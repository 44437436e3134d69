# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.service.model import call_kw
from odoo.tests import new_test_user, tagged

from odoo.addons.point_of_sale.tests.common import TestPoSCommon


@tagged("post_install", "-at_install", "retail_marketing")
class TestCampaignCouponAtTheTill(TestPoSCommon):
    """A campaign's personal coupon redeemed at the till as the till sends it:
    the order with its reward line (sync_from_ui), then the coupon's points
    (confirm_coupon_programs)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.config = cls.basic_config
        cls.scarf = cls.create_product("Scarf", cls.categ_basic, 50.0, tax_ids=[])
        cls.program = cls.env["loyalty.program"].create(
            {
                "name": "Till coupon",
                "program_type": "coupons",
                "trigger": "with_code",
                "applies_on": "current",
                "pos_config_ids": [Command.link(cls.config.id)],
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
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Till coupon customer",
                "email": "till.coupon@example.com",
                "retail_consent_email": True,
            }
        )
        cls.mailing = cls.env["mailing.mailing"].create(
            {
                "subject": "Coupon at the till",
                "mailing_type": "mail",
                "mailing_model_id": cls.env["ir.model"]._get_id("res.partner"),
                "mailing_domain": repr([("id", "=", cls.customer.id)]),
                "body_html": "<p><t t-out='object.retail_campaign_coupon_code'/></p>",
                "retail_holdout_percent": 0,
                "retail_coupon_program_id": cls.program.id,
            }
        )
        # sent by the mailing queue (superuser), as a scheduled mailing is
        cls.mailing.sudo().action_send_mail()
        cls.card = cls.env["loyalty.card"].search(
            [("retail_mailing_id", "=", cls.mailing.id)]
        )
        cls.cashier = new_test_user(
            cls.env,
            login="coupon_till_cashier",
            groups="retail_card.group_card_cashier",
        )

    def setUp(self):
        super().setUp()
        self.open_new_session()

    def _sell_with_coupon(self):
        reward = self.program.reward_ids
        data = self.create_ui_order_data(
            [
                (self.scarf, 1),
                {
                    "product": reward.discount_line_product_id,
                    "quantity": 1,
                    "price_unit": -5.0,
                    "price_subtotal": -5.0,
                    "price_subtotal_incl": -5.0,
                    "is_reward_line": True,
                    "reward_id": reward.id,
                    "coupon_id": self.card.id,
                    "points_cost": 1,
                    "reward_identifier_code": "coupon-1",
                },
            ],
            customer=self.customer,
            payments=[(self.cash_pm1, 45.0)],
        )
        result = self.env["pos.order"].sync_from_ui([data])
        order = self.env["pos.order"].browse(result["pos.order"][0]["id"])
        call_kw(
            self.env["pos.order"].with_user(self.cashier),
            "confirm_coupon_programs",
            [
                [order.id],
                {
                    str(self.card.id): {
                        "points": -1,
                        "program_id": self.program.id,
                        "coupon_id": self.card.id,
                    }
                },
            ],
            {},
        )
        return order

    def test_redeemed_once_at_the_till_and_counted(self):
        self.assertEqual(self.card.points, 1.0)
        order = self._sell_with_coupon()
        self.assertEqual(order.amount_total, 45.0)
        self.assertEqual(self.card.points, 0.0)
        self.mailing.invalidate_recordset()
        self.assertEqual(self.mailing.retail_coupon_count, 1)
        self.assertEqual(self.mailing.retail_coupon_redeemed_count, 1)
        # the used coupon cannot pay a second reward: the till checks it before
        # the payment
        check = call_kw(
            self.env["pos.order"].with_user(self.cashier),
            "validate_coupon_programs",
            [[], {str(self.card.id): -1}, []],
            {},
        )
        self.assertFalse(check["successful"])
        self.assertIn("not enough points", check["payload"]["message"])

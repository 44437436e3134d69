# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Till orders of identified customers, synced as the till sends them, with
the receipt rules' coupon program and private event."""

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.point_of_sale.tests.common import TestPoSCommon


class ReceiptCommon(TestPoSCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.config = cls.basic_config
        cls.env.user.group_ids |= cls.env.ref("event.group_event_manager")
        cls.categ_shoes = cls.env["product.category"].create({"name": "Shoes"})
        cls.categ_boots = cls.env["product.category"].create(
            {"name": "Boots", "parent_id": cls.categ_shoes.id}
        )
        cls.boot = cls.create_product("Boot", cls.categ_boots, 80.0, tax_ids=[])
        cls.sock = cls.create_product("Sock", cls.categ_basic, 5.0, tax_ids=[])
        cls.scarf = cls.create_product("Scarf", cls.categ_basic, 20.0, tax_ids=[])
        cls.program = cls.env["loyalty.program"].create(
            {
                "name": "Receipt coupon",
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
        cls.event = cls.env["event.event"].create(
            {
                "name": "Private sale",
                "date_begin": "2030-01-10 18:00:00",
                "date_end": "2030-01-10 21:00:00",
            }
        )
        cls.lola = cls.env["res.partner"].create({"name": "Lola Flores"})
        cls.pepe = cls.env["res.partner"].create({"name": "Pepe Ruiz"})
        cls.cashier = new_test_user(
            cls.env,
            login="receipt_cashier",
            groups="base.group_user,point_of_sale.group_pos_user,"
            "retail_card.group_card_cashier",
            company_id=cls.config.company_id.id,
            company_ids=[Command.set(cls.config.company_id.ids)],
        )

    def setUp(self):
        super().setUp()
        self.open_new_session()

    @classmethod
    def _rule(cls, name, message, **vals):
        return cls.env["retail.receipt.rule"].create(
            {
                "name": name,
                "message": message,
                "company_id": cls.config.company_id.id,
                **vals,
            }
        )

    def _sync(self, lines, customer, uuid=None, **order_vals):
        """The order as the till sends it, synced by the cashier."""
        data = self.create_ui_order_data(
            lines, order_vals, customer=customer, uuid=uuid
        )
        result = self.env["pos.order"].with_user(self.cashier).sync_from_ui([data])
        return self.env["pos.order"].browse(result["pos.order"][0]["id"]), result

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.fields import Command
from odoo.tests import tagged

from odoo.addons.retail_clienteling.tests.common import ClientelingCommon


@tagged("post_install", "-at_install")
class TestPromotionHint(ClientelingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["loyalty.program"].search([]).write({"active": False})
        cls.fancy_socks = cls._product("Fancy socks", cls.categ_basic, 8.0)
        cls.env["loyalty.program"].create(
            {
                "name": "Socks 3 for 2",
                "retail_promotion_type": "n_for_m",
                "retail_product_ids": [Command.set((cls.socks | cls.fancy_socks).ids)],
                "retail_buy_qty": 3,
                "retail_pay_qty": 2,
                "pos_ok": True,
                "pos_config_ids": [Command.set(cls.config.ids)],
            }
        )

    def test_suggestion_completing_a_3_for_2_says_so(self):
        self._sync([self.shoes, self.fancy_socks])
        self._sync([self.shoes, self.polish])
        self._rebuild()
        config = self.config.with_user(self.cashier)
        basket = [self.shoes.id, self.socks.id, self.socks.id]
        hints = {
            row["product_id"]: row["hint"]
            for row in config.retail_clienteling_suggestions(False, basket, 6)
        }
        self.assertEqual(hints[self.fancy_socks.id], "One more: 3 for 2")
        self.assertFalse(hints[self.polish.id], "not in the promotion's group")
        one_sock = config.retail_clienteling_suggestions(
            False, [self.shoes.id, self.socks.id], 6
        )
        self.assertFalse(
            [row["hint"] for row in one_sock if row["hint"]],
            "one more makes two: no set completed",
        )

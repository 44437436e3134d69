# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import tagged

from odoo.addons.point_of_sale.tests.common import TestPoSCommon


@tagged("post_install", "-at_install")
class TestPurchaseKpis(TestPoSCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.group_ids |= cls.env.ref("sales_team.group_sale_manager")
        cls.config = cls.basic_config
        cls.categ_shoes = cls.env["product.category"].create({"name": "Shoes"})
        cls.categ_socks = cls.env["product.category"].create({"name": "Socks"})
        cls.shoes = cls.create_product("Shoes", cls.categ_shoes, 60.0, tax_ids=[])
        cls.socks = cls.create_product("Socks", cls.categ_socks, 5.0, tax_ids=[])
        cls.buyer = cls.env["res.partner"].create({"name": "KPI Buyer"})
        cls.store_channel = cls.env.ref("retail_customer.retail_channel_store")

    def _sell(self, lines, **kwargs):
        data = self.create_ui_order_data(lines, customer=self.buyer, **kwargs)
        result = self.env["pos.order"].sync_from_ui([data])
        return self.env["pos.order"].browse(result["pos.order"][0]["id"]), data

    def test_pos_orders_update_kpis_incrementally(self):
        self.open_new_session()
        order1, data1 = self._sell([(self.shoes, 1), (self.socks, 2)])
        self.assertEqual(order1.retail_channel_id, self.store_channel)
        self.assertEqual(self.buyer.retail_purchase_count, 1)
        self.assertAlmostEqual(self.buyer.retail_total_spent, 70.0)
        self.assertEqual(self.buyer.retail_favorite_category_id, self.categ_shoes)
        self.assertEqual(self.buyer.retail_preferred_store_id, self.config)
        self.assertEqual(self.buyer.retail_used_channel_ids, self.store_channel)
        self.assertEqual(self.buyer.retail_first_purchase_date, order1.date_order)

        # the same order synchronised again (network retry) counts once
        self.env["pos.order"].sync_from_ui([data1])
        self.assertEqual(self.buyer.retail_purchase_count, 1)
        self.assertAlmostEqual(self.buyer.retail_total_spent, 70.0)

        self._sell([(self.socks, 20)])
        self.assertEqual(self.buyer.retail_purchase_count, 2)
        self.assertAlmostEqual(self.buyer.retail_total_spent, 170.0)
        self.assertAlmostEqual(self.buyer.retail_average_basket, 85.0)
        self.assertEqual(self.buyer.retail_favorite_category_id, self.categ_socks)

    def test_pos_refund_reduces_spend(self):
        self.open_new_session()
        order, _data = self._sell([(self.shoes, 2)])
        refund_action = order.refund()
        refund = self.env["pos.order"].browse(refund_action["res_id"])
        payment = (
            self.env["pos.make.payment"]
            .with_context(active_ids=refund.ids, active_id=refund.id)
            .create(
                {"payment_method_id": self.cash_pm1.id, "amount": refund.amount_total}
            )
        )
        payment.check()
        self.assertEqual(refund.state, "paid")
        self.assertEqual(
            self.buyer.retail_purchase_count, 1, "a refund is not a purchase"
        )
        self.assertAlmostEqual(self.buyer.retail_total_spent, 0.0)

    def test_sale_order_confirm_and_cancel(self):
        online = self.env.ref("retail_customer.retail_channel_online")
        order = self.env["sale.order"].create(
            {
                "partner_id": self.buyer.id,
                "retail_channel_id": online.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.shoes.id,
                            "product_uom_qty": 3,
                            "price_unit": 60.0,
                            "tax_ids": [],
                        }
                    )
                ],
            }
        )
        order.action_confirm()
        self.assertEqual(self.buyer.retail_purchase_count, 1)
        self.assertAlmostEqual(self.buyer.retail_total_spent, 180.0)
        self.assertEqual(self.buyer.retail_used_channel_ids, online)
        self.assertTrue(self.buyer.retail_last_purchase_date)
        order._action_cancel()
        self.assertEqual(self.buyer.retail_purchase_count, 0)
        self.assertAlmostEqual(self.buyer.retail_total_spent, 0.0)
        self.assertFalse(self.buyer.retail_last_purchase_date)
        self.assertFalse(self.buyer.retail_favorite_category_id)

    def test_kpi_apply_is_set_based(self):
        partners = self.env["res.partner"].create(
            [{"name": f"P{i}"} for i in range(30)]
        )
        facts = [
            {
                "partner_id": p.id,
                "date": "2026-01-01 10:00:00",
                "amount": 10.0,
                "count": 1,
                "channel_id": self.store_channel.id,
                "store_id": self.config.id,
                "categories": {self.categ_shoes.id: 10.0},
            }
            for p in partners
        ]
        self.env.flush_all()
        with self.assertQueryCount(3):
            self.env["res.partner"]._retail_kpi_apply(facts, 1)
        self.assertEqual(set(partners.mapped("retail_purchase_count")), {1})

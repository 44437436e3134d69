# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import freeze_time, tagged

from .common import GiftRegistryCommon


@tagged("post_install", "-at_install", "retail_money")
class TestGiftRegistryDiscount(GiftRegistryCommon):
    """The owners' offer on the items nobody bought, after settlement."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._settle_on_ewallet(
            retail_gift_registry_discount_percent=20.0,
            retail_gift_registry_discount_days=30,
        )
        cls.Pricelist = cls.env["product.pricelist"]

    def _settle(self):
        # the vase is fully bought, 4 of 12 plates, the toaster not at all
        self._sale_order([(self.vase, 1), (self.plates, 4)])
        self.gift_list.action_close()
        self.gift_list.with_user(self.manager).action_settle()
        return self.gift_list.discount_pricelist_id

    def _quote(self, partner, products, date_order=None):
        order = self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "warehouse_id": self.warehouse.id,
                **({"date_order": date_order} if date_order else {}),
                "order_line": [Command.create({"product_id": p.id}) for p in products],
            }
        )
        return {line.product_id: line.price_unit for line in order.order_line}

    def test_owners_get_the_discount_on_unbought_items_on_sale_orders(self):
        pricelist = self._settle()
        self.assertTrue(pricelist)
        end = self.gift_list.discount_date_end
        self.assertEqual(end, fields.Date.context_today(self.gift_list) + timedelta(30))
        self.assertEqual(
            pricelist.item_ids.filtered("product_id").product_id,
            self.plates | self.toaster,
            "only the items not fully bought",
        )
        products = self.vase | self.plates | self.toaster
        for owner in (self.ana, self.luis):
            self.assertEqual(owner.property_product_pricelist, pricelist)
            prices = self._quote(owner, products)
            self.assertEqual(prices[self.toaster], 48.0)
            self.assertEqual(prices[self.plates], 8.0)
            self.assertEqual(prices[self.vase], 40.0, "bought items: usual price")
        guest_prices = self._quote(self.guest, products)
        self.assertEqual(guest_prices[self.toaster], 60.0, "another customer")
        after = fields.Datetime.to_datetime(end) + timedelta(days=1)
        self.assertEqual(self._quote(self.ana, products, after)[self.toaster], 60.0)

    def test_offer_ends_at_its_date(self):
        pricelist = self._settle()
        previous = pricelist.item_ids.filtered(
            lambda i: i.applied_on == "3_global"
        ).base_pricelist_id
        Registry = self.env["retail.gift.registry"]
        self.assertFalse(Registry._cron_end_discount_offers(), "not over yet")
        with freeze_time(self.gift_list.discount_date_end + timedelta(days=1)):
            ended = Registry._cron_end_discount_offers()
        self.assertEqual(ended, self.gift_list)
        self.assertFalse(pricelist.active)
        self.assertEqual(self.ana.property_product_pricelist, previous)
        self.assertEqual(self._quote(self.ana, self.toaster)[self.toaster], 60.0)

    def test_the_till_loads_the_offer_for_the_owners(self):
        pricelist = self._settle()
        config = self.config
        Item = self.env["product.pricelist.item"]
        loaded = self.Pricelist.search(
            self.Pricelist._load_pos_data_domain({"pos.preset": []}, config)
        )
        self.assertIn(pricelist, loaded, "the till loads the owners' offer")
        products = self.plates | self.toaster | self.vase
        items = Item.search(
            Item._load_pos_data_domain(
                {
                    "product.product": [
                        {"id": p.id, "product_tmpl_id": p.product_tmpl_id.id}
                        for p in products
                    ],
                    "product.category": [{"id": self.plates.categ_id.id}],
                    "product.pricelist": [{"id": pl.id} for pl in loaded],
                },
                config,
            )
        )
        self.assertEqual(
            items.filtered(lambda i: i.pricelist_id == pricelist).product_id,
            self.plates | self.toaster,
        )
        # the till applies the owner's pricelist: the same rule gives the price
        self.assertEqual(pricelist._get_product_price(self.toaster, 1.0), 48.0)
        self.assertEqual(
            self.config.pricelist_id._get_product_price(self.toaster, 1.0),
            60.0,
        )

    def test_reopened_and_settled_again_updates_the_offer(self):
        pricelist = self._settle()
        self.gift_list.with_user(self.manager).action_reopen(reason="A late gift")
        self._sale_order([(self.toaster, 1)])
        self.gift_list.action_close()
        self.gift_list.with_user(self.manager).action_settle()
        self.assertEqual(self.gift_list.discount_pricelist_id, pricelist)
        self.assertEqual(
            pricelist.item_ids.filtered("product_id").product_id, self.plates
        )
        self.assertEqual(self._quote(self.ana, self.toaster)[self.toaster], 60.0)

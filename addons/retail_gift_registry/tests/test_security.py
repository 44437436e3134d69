# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import GiftRegistryCommon


@tagged("post_install", "-at_install", "retail_security")
class TestGiftRegistrySecurity(GiftRegistryCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.franchise = cls.env["res.company"].create(
            {"name": "Franchise Store", "retail_customer_file": "own"}
        )
        cls.franchise_user = new_test_user(
            cls.env,
            login="registry_franchisee",
            groups="sales_team.group_sale_salesman_all_leads,point_of_sale.group_pos_user",
            company_id=cls.franchise.id,
            company_ids=[Command.set(cls.franchise.ids)],
        )
        cls.franchise_registry = (
            cls.env["retail.gift.registry"]
            .with_company(cls.franchise)
            .create(
                {
                    "title": "Franchise wedding",
                    "type_id": cls.wedding_type.id,
                    "owner_id": cls.env["res.partner"]
                    .create({"name": "Franchise Owner", "company_id": cls.franchise.id})
                    .id,
                    "event_date": "2026-07-01",
                    "company_id": cls.franchise.id,
                    "user_id": False,
                }
            )
        )

    def test_franchise_does_not_see_another_companys_lists(self):
        Registry = self.env["retail.gift.registry"].with_user(self.franchise_user)
        self.assertEqual(Registry.search([]), self.franchise_registry)
        with self.assertRaises(AccessError):
            Registry.browse(self.gift_list.id).read(["title"])
        Item = self.env["retail.gift.registry.item"].with_user(self.franchise_user)
        self.assertFalse(Item.search([("registry_id", "=", self.gift_list.id)]))
        with self.assertRaises(AccessError):
            Item.browse(self.item_vase.id).read(["qty_wanted"])
        self._sale_order([(self.vase, 1)])
        Purchase = self.env["retail.gift.registry.purchase"].with_user(
            self.franchise_user
        )
        self.assertFalse(Purchase.search([]))
        # and the head office user does not see the franchise's list either
        Own = self.env["retail.gift.registry"].with_user(self.salesman)
        self.assertNotIn(self.franchise_registry, Own.search([]))

    def test_franchise_user_cannot_link_other_company_list(self):
        with self.assertRaises(AccessError):
            self.env["retail.gift.registry"].with_user(
                self.franchise_user
            ).retail_pos_items(self.config.id, self.gift_list.id)

    def test_groups(self):
        self.assertTrue(
            self.cashier.has_group("retail_gift_registry.group_gift_registry_user")
        )
        self.assertFalse(
            self.cashier.has_group("retail_gift_registry.group_gift_registry_manager")
        )
        self.assertTrue(
            self.manager.has_group("retail_gift_registry.group_gift_registry_manager")
        )
        Registry = self.env["retail.gift.registry"]
        with self.assertRaises(AccessError):
            Registry.with_user(self.salesman).browse(self.gift_list.id).unlink()
        with self.assertRaises(AccessError):
            self.env["retail.gift.registry.type"].with_user(self.salesman).create(
                {"name": "Anniversary"}
            )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import tagged

from odoo.addons.retail_customer.tests.pos_tour import RetailPosTourCase


@tagged("post_install", "-at_install", "retail_gift_registry")
class TestRetailGiftRegistryPosUi(RetailPosTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contribution = cls.env.ref(
            "retail_gift_registry.product_gift_registry_contribution"
        )
        cls.contribution.product_tmpl_id.write(
            {"active": True, "taxes_id": [Command.clear()], "company_id": False}
        )
        cls.vase, cls.plates = cls.env["product.product"].create(
            [
                {
                    "name": "Tour Vase",
                    "list_price": 40.0,
                    "available_in_pos": True,
                    "taxes_id": [Command.clear()],
                },
                {
                    "name": "Tour Plates",
                    "list_price": 10.0,
                    "available_in_pos": True,
                    "taxes_id": [Command.clear()],
                },
            ]
        )
        owners = cls.env["res.partner"].create(
            [{"name": "Ana Tourlist"}, {"name": "Luis Tourlist"}]
        )
        cls.gift_list = cls.env["retail.gift.registry"].create(
            {
                "title": "Wedding of Ana and Luis",
                "type_id": cls.env.ref(
                    "retail_gift_registry.retail_gift_registry_type_wedding"
                ).id,
                "owner_id": owners[0].id,
                "co_owner_id": owners[1].id,
                "event_date": "2026-06-20",
                "company_id": cls.main_pos_config.company_id.id,
                "item_ids": [
                    Command.create({"product_id": cls.vase.id, "qty_wanted": 1}),
                    Command.create({"product_id": cls.plates.id, "qty_wanted": 12}),
                ],
            }
        )
        cls.gift_list.action_open()

    def test_cashier_sells_to_a_list_in_spanish(self):
        """The cashier works in Spanish: the gift list's popup, the receipt (the
        contribution's line named in Spanish) and the gift receipt in Spanish;
        the list's purchases recorded as in English."""
        self._retail_till_in_spanish()
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailGiftRegistryTourEs", login="pos_user", timeout=300)
        item_vase, _item_plates = self.gift_list.item_ids
        self.env.invalidate_all()
        self.assertEqual(item_vase.qty_bought, 1)
        self.assertEqual(self.gift_list.amount_contributions, 25)
        sold = self.gift_list.pos_line_ids
        self.assertEqual(len(sold), 2)
        self.assertEqual(set(sold.mapped("retail_gift_registry_guest")), {"Tía Sofía"})
        self.assertEqual(
            set(sold.mapped("retail_gift_registry_message")), {"Que seáis muy felices"}
        )

    def test_cashier_sells_to_a_list_and_refunds(self):
        self.main_pos_config.with_user(self.pos_user).open_ui()
        # a loaded 2-core machine: the whole tour may take minutes
        self.start_pos_tour("RetailGiftRegistryTour", login="pos_user", timeout=300)
        item_vase, item_plates = self.gift_list.item_ids
        self.env.invalidate_all()
        self.assertEqual(item_vase.qty_bought, 0, "bought, then refunded")
        self.assertEqual(item_plates.qty_bought, 1)
        self.assertEqual(self.gift_list.amount_contributions, 25)
        sold = self.gift_list.pos_line_ids.filtered(lambda line: line.qty > 0)
        self.assertEqual(len(sold), 3)
        self.assertEqual(
            set(sold.mapped("retail_gift_registry_guest")), {"Aunt Sophie"}
        )
        self.assertEqual(
            set(sold.mapped("retail_gift_registry_message")), {"Be happy together"}
        )
        refund = self.gift_list.pos_line_ids.filtered(lambda line: line.qty < 0)
        self.assertEqual(refund.retail_gift_registry_item_id, item_vase)
        self.assertEqual(refund.order_id.state, "paid")
        # the vase was kept for the owners (held, then its refund cancelled the
        # held move), the plates taken away by the guest through the till
        plates = sold.filtered(lambda line: line.product_id == self.plates)
        vase = sold.filtered(lambda line: line.product_id == self.vase)
        self.assertFalse(plates.retail_gift_registry_keep)
        self.assertTrue(vase.retail_gift_registry_keep)
        held = self.gift_list.picking_ids
        self.assertEqual(held.move_ids.product_id, self.vase)
        self.assertEqual(held.move_ids.state, "cancel")
        taken = plates.order_id.picking_ids.filtered(
            lambda p: not p.retail_gift_registry_id
        )
        self.assertEqual(taken.move_ids.product_id, self.plates)
        self.assertEqual(taken.state, "done")

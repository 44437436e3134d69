# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import GiftRegistryCommon


@tagged("post_install", "-at_install", "retail_gift_registry")
class TestGiftRegistryDelivery(GiftRegistryCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.home = cls.env["res.partner"].create(
            {
                "name": "Ana and Luis's new home",
                "parent_id": cls.ana.id,
                "type": "delivery",
            }
        )
        cls.gift_list.write(
            {"delivery_partner_id": cls.home.id, "delivery_date": "2026-07-01"}
        )
        cls.customers = cls.env.ref("stock.stock_location_customers")

    def _kept(self, product, qty, item, keep=True):
        return self._pos_line(product, qty, item, retail_gift_registry_keep=keep)

    def _held_moves(self, registry=None):
        registry = registry or self.gift_list
        return self.env["stock.move"].search(registry._gift_registry_held_domain())

    def _validate(self, pickings):
        for picking in pickings:
            for move in picking.move_ids:
                move.quantity = move.product_uom_qty
            picking.button_validate()

    def test_till_kept_gifts_are_held_taken_ones_leave(self):
        self._open_session()
        order = self._pos_sync(
            [
                self._kept(self.vase, 1, self.item_vase),
                self._kept(self.plates, 4, self.item_plates),
                self._kept(self.toaster, 1, self.item_toaster, keep=False),
            ]
        )
        taken = order.picking_ids.filtered(lambda p: not p.retail_gift_registry_id)
        self.assertEqual(taken.state, "done")
        self.assertEqual(taken.move_ids.product_id, self.toaster)
        held = self.gift_list.picking_ids
        self.assertEqual(len(held), 1)
        self.assertTrue(held.retail_gift_registry_held)
        self.assertEqual(held.partner_id, self.home)
        self.assertEqual(held.location_dest_id, self.customers)
        self.assertEqual(held.picking_type_id, self.warehouse.out_type_id)
        self.assertEqual(held.scheduled_date.date(), fields.Date.to_date("2026-07-01"))
        self.assertEqual(held.state, "assigned", "held gifts are reserved in store")
        self.assertEqual(
            {(m.product_id, m.product_uom_qty) for m in held.move_ids},
            {(self.vase, 1), (self.plates, 4)},
        )
        self.assertEqual(held.pos_order_id, order)
        with self.assertRaisesRegex(UserError, "kept for the owners"):
            held.button_validate()
        self.assertEqual(held.state, "assigned")

    def test_deliver_selected_gifts_now(self):
        self._open_session()
        self._pos_sync(
            [
                self._kept(self.vase, 1, self.item_vase),
                self._kept(self.plates, 4, self.item_plates),
            ]
        )
        held = self.gift_list.picking_ids
        self.item_vase.action_deliver_now()
        released = self.gift_list.picking_ids - held
        self.assertEqual(len(released), 1)
        self.assertFalse(released.retail_gift_registry_held)
        self.assertEqual(released.partner_id, self.home)
        self.assertEqual(released.move_ids.product_id, self.vase)
        self.assertEqual(released.state, "assigned")
        self.assertEqual(held.move_ids.product_id, self.plates, "the rest stays held")
        self.assertTrue(held.retail_gift_registry_held)
        self._validate(released)
        self.assertEqual(released.state, "done")
        self.assertEqual(self.gift_list.state, "open")
        with self.assertRaisesRegex(UserError, "Nothing is held"):
            self.item_vase.action_deliver_now()
        # the list's button delivers what is left, in the same transfer
        self.gift_list.action_deliver_now()
        self.assertFalse(held.retail_gift_registry_held)
        self.assertEqual(self.gift_list.delivery_count, 2)

    def test_closing_releases_and_deliveries_mark_the_list_delivered(self):
        self._open_session()
        self._pos_sync([self._kept(self.vase, 1, self.item_vase)])
        sale = self._sale_order([(self.plates, 6)])
        sale_held = sale.picking_ids
        self.assertTrue(sale_held.retail_gift_registry_held)
        self.assertEqual(sale_held.partner_id, self.home)
        self.assertEqual(sale_held.move_ids.sale_line_id, sale.order_line)
        self.gift_list.action_close()
        pickings = self.gift_list.picking_ids
        self.assertEqual(len(pickings), 2)
        self.assertFalse(any(pickings.mapped("retail_gift_registry_held")))
        with self.assertRaisesRegex(UserError, "still to deliver"):
            self.gift_list.action_mark_delivered()
        self._validate(pickings[0])
        self.assertEqual(self.gift_list.state, "closed", "one delivery still to go")
        self._validate(pickings[1])
        self.assertEqual(self.gift_list.state, "delivered")
        self.assertEqual(sale.order_line.qty_delivered, 6)
        self.assertEqual(
            set(pickings.move_ids.mapped("state")), {"done"}, "every gift left"
        )

    def test_sale_order_kept_and_taken_lines_split(self):
        order = self._sale_order([(self.vase, 1), (self.plates, 2)], confirm=False)
        plates = order.order_line.filtered(lambda line: line.product_id == self.plates)
        plates.retail_gift_registry_keep = False
        order.action_confirm()
        held = order.picking_ids.filtered("retail_gift_registry_held")
        taken = order.picking_ids - held
        self.assertEqual(held.move_ids.product_id, self.vase)
        self.assertEqual(held.retail_gift_registry_id, self.gift_list)
        self.assertEqual(held.partner_id, self.home)
        self.assertEqual(taken.move_ids.product_id, self.plates)
        self.assertEqual(taken.partner_id, self.guest)
        self.assertFalse(taken.retail_gift_registry_id)
        # cancelling the order cancels its held gifts natively
        order._action_cancel()
        self.assertEqual(held.state, "cancel")
        with self.assertRaisesRegex(UserError, "Nothing is held"):
            self.gift_list.action_deliver_now()

    def test_refund_of_a_held_gift_reduces_the_held_delivery(self):
        self._open_session()
        order = self._pos_sync([self._kept(self.plates, 4, self.item_plates)])
        held = self.gift_list.picking_ids
        refund = self._pos_sync(
            [
                {
                    "product": self.plates,
                    "quantity": -1,
                    "refunded_orderline_id": order.lines.id,
                }
            ]
        )
        self.assertFalse(refund.picking_ids, "nothing came back: it never left")
        self.assertEqual(held.move_ids.product_uom_qty, 3)
        self.env.invalidate_all()
        self.assertEqual(self.item_plates.qty_bought, 3)
        self._pos_sync(
            [
                {
                    "product": self.plates,
                    "quantity": -3,
                    "refunded_orderline_id": order.lines.id,
                }
            ]
        )
        self.assertEqual(held.move_ids.state, "cancel")

    def test_settled_list_cannot_deliver(self):
        self._open_session()
        self._pos_sync([self._kept(self.vase, 1, self.item_vase)])
        # as the settlement records it (its own tests settle for real)
        self.gift_list.sudo().state = "settled"
        with self.assertRaisesRegex(UserError, "open or closed lists only"):
            self.gift_list.action_deliver_now()
        with self.assertRaisesRegex(UserError, "open or closed lists only"):
            self.item_vase.action_deliver_now()
        self.assertTrue(self.gift_list.picking_ids.retail_gift_registry_held)

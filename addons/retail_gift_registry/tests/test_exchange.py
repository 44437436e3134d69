# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import GiftRegistryCommon


@tagged("post_install", "-at_install", "retail_gift_registry")
class TestGiftRegistryExchange(GiftRegistryCommon):
    """A guest brings a gift back and takes something else in the same till
    order: the history keeps both, linked to the list."""

    def _bought(self):
        self._open_session()
        return self._pos_sync(
            [
                self._pos_line(self.vase, 1, self.item_vase),
                self._pos_line(self.plates, 6, self.item_plates),
            ]
        )

    def _exchange(self, order, product, returned=None, qty=1, new_qty=1):
        returned = returned or self.plates
        line = order.lines.filtered(lambda line: line.product_id == returned)
        return self._pos_sync(
            [
                {
                    "product": returned,
                    "quantity": -qty,
                    "refunded_orderline_id": line.id,
                },
                {"product": product, "quantity": new_qty},
            ]
        )

    def test_exchange_for_another_item_of_the_list(self):
        order = self._bought()
        exchange = self._exchange(order, self.toaster, qty=2)
        refund = exchange.lines.filtered(lambda line: line.qty < 0)
        new = exchange.lines - refund
        self.assertEqual(new.retail_gift_registry_id, self.gift_list)
        self.assertEqual(new.retail_gift_registry_item_id, self.item_toaster)
        self.assertEqual(new.retail_gift_registry_exchange_of_id, refund)
        self.assertEqual(
            new.retail_gift_registry_guest, "Aunt Sophie", "the same guest"
        )
        self.assertEqual(refund.retail_gift_registry_exchanged_for_ids, new)
        self.assertEqual(
            refund.retail_gift_registry_exchange_note, "Exchanged for Toaster"
        )
        self.assertEqual(new.retail_gift_registry_exchange_note, "Exchange of Plates")
        self.env.invalidate_all()
        self.assertEqual(self.item_plates.qty_bought, 4)
        self.assertEqual(self.item_toaster.qty_bought, 1)
        self.assertEqual(self.item_vase.qty_bought, 1)
        self.assertEqual(self.gift_list.exchange_line_ids, refund | new)
        purchases = self.gift_list.purchase_ids.filtered(
            lambda p: p.pos_line_id in (refund | new)
        )
        self.assertEqual(
            sorted(purchases.mapped("qty")), [-2.0, 1.0], "both stay in the history"
        )
        self.assertEqual(self.gift_list.amount_gifts, 40 + 60 - 20 + 60)

    def test_exchange_for_a_product_not_on_the_list(self):
        order = self._bought()
        exchange = self._exchange(order, self.other_product, returned=self.vase)
        new = exchange.lines.filtered(lambda line: line.qty > 0)
        self.assertEqual(new.retail_gift_registry_id, self.gift_list)
        self.assertFalse(new.retail_gift_registry_item_id)
        self.env.invalidate_all()
        self.assertEqual(self.item_vase.qty_bought, 0)
        self.assertEqual(self.item_vase.qty_remaining, 1)
        self.assertEqual(self.item_plates.qty_bought, 6)
        self.assertEqual(self.gift_list.amount_gifts, 60 + 15)
        self.assertEqual(len(self.gift_list.purchase_ids), 4)

    def test_exchange_after_closing_and_refused_after_settlement(self):
        order = self._bought()
        self.gift_list.action_close()
        self._exchange(order, self.toaster)
        self.env.invalidate_all()
        self.assertEqual(self.item_toaster.qty_bought, 1)
        # as the settlement records it (its own tests settle for real)
        self.gift_list.sudo().state = "settled"
        with self.assertRaises(UserError) as refused:
            self._exchange(order, self.toaster)
        self.assertIn("is settled", str(refused.exception))
        self.env.invalidate_all()
        self.assertEqual(self.item_toaster.qty_bought, 1, "nothing half-written")

    def test_plain_sale_beside_a_plain_refund_is_not_an_exchange(self):
        order = self._bought()
        line = order.lines.filtered(lambda line: line.product_id == self.plates)
        # a refund of a line that is not a gift: nothing joins a list
        other = self._pos_sync([{"product": self.other_product, "quantity": 1}])
        mixed = self._pos_sync(
            [
                {
                    "product": self.other_product,
                    "quantity": -1,
                    "refunded_orderline_id": other.lines.id,
                },
                {"product": self.toaster, "quantity": 1},
            ]
        )
        self.assertFalse(mixed.lines.retail_gift_registry_id)
        self.assertTrue(line.retail_gift_registry_id)

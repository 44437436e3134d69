# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import GiftRegistryCommon


@tagged("post_install", "-at_install", "retail_gift_registry")
class TestGiftRegistrySale(GiftRegistryCommon):
    def test_confirmation_counts_and_links_items(self):
        order = self._sale_order([(self.vase, 1), (self.plates, 4)], confirm=False)
        self.assertEqual(
            order.order_line.retail_gift_registry_item_id,
            self.item_vase | self.item_plates,
        )
        self.assertEqual(self.item_plates.qty_bought, 0, "a quotation buys nothing")
        order.action_confirm()
        self.env.invalidate_all()
        self.assertEqual(self.item_vase.qty_bought, 1)
        self.assertEqual(self.item_plates.qty_bought, 4)
        self.assertEqual(self.item_plates.qty_remaining, 8)
        purchases = self.gift_list.purchase_ids
        self.assertEqual(set(purchases.mapped("guest_name")), {"The Garcia family"})
        self.assertEqual(set(purchases.mapped("message")), {"All our love"})
        self.assertEqual(self.gift_list.amount_gifts, 40 + 4 * 10)
        self.assertEqual(self.gift_list.guest_count, 1)

    def test_cancellation_removes_the_purchase(self):
        order = self._sale_order([(self.plates, 5)])
        self.env.invalidate_all()
        self.assertEqual(self.item_plates.qty_bought, 5)
        order._action_cancel()
        self.env.invalidate_all()
        self.assertEqual(self.item_plates.qty_bought, 0)
        self.assertEqual(self.item_plates.qty_remaining, 12)

    def test_return_reduces_bought(self):
        order = self._sale_order([(self.plates, 6)])
        # kept for the owners: delivered to them, then brought back
        self.gift_list.action_deliver_now()
        picking = order.picking_ids
        picking.move_ids.quantity = 6
        picking.button_validate()
        wizard = Form(
            self.env["stock.return.picking"].with_context(
                active_id=picking.id, active_model="stock.picking"
            )
        ).save()
        wizard.product_return_moves.quantity = 2
        res = wizard.action_create_returns()
        ret = self.env["stock.picking"].browse(res["res_id"])
        ret.move_ids.quantity = 2
        ret.button_validate()
        self.env.invalidate_all()
        self.assertEqual(self.item_plates.qty_bought, 4)

    def test_credit_note_reduces_bought(self):
        (self.toaster | self.plates).invoice_policy = "order"
        order = self._sale_order([(self.toaster, 1), (self.plates, 3)])
        invoice = order._create_invoices()
        invoice.action_post()
        reversal = (
            self.env["account.move.reversal"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"journal_id": invoice.journal_id.id, "reason": "Gift exchanged"})
        )
        credit_note = self.env["account.move"].browse(reversal.refund_moves()["res_id"])
        credit_note.invoice_line_ids.filtered(
            lambda line: line.product_id == self.plates
        ).unlink()
        credit_note.action_post()
        self.env.invalidate_all()
        self.assertEqual(self.item_toaster.qty_bought, 0)
        self.assertEqual(self.item_plates.qty_bought, 3)

    def test_overbuy_warns_and_records_surplus(self):
        self._sale_order([(self.vase, 1)])
        with Form(
            self.env["sale.order"].with_context(
                default_retail_gift_registry_id=self.gift_list.id
            )
        ) as form:
            form.partner_id = self.guest
            with form.order_line.new() as line:
                line.product_id = self.vase
                line.retail_gift_registry_item_id = self.item_vase
                line.product_uom_qty = 2
            order = form.save()
        # the warning of the onchange
        line = order.order_line
        warning = line._onchange_retail_gift_registry_overbuy()
        self.assertIn("0 of Vase remain", warning["warning"]["message"])
        order.action_confirm()
        self.env.invalidate_all()
        self.assertEqual(line.retail_gift_registry_surplus_qty, 2)
        self.assertEqual(self.item_vase.qty_bought, 3)
        self.assertEqual(self.item_vase.qty_surplus, 2)
        self.assertIn("+2", self.gift_list.message_ids[0].body)
        # within the wanted quantity: no surplus
        ok = self._sale_order([(self.plates, 12)])
        self.assertEqual(ok.order_line.retail_gift_registry_surplus_qty, 0)

    def test_add_remaining_items(self):
        self._sale_order([(self.plates, 5)])
        order = self.env["sale.order"].create(
            {"partner_id": self.guest.id, "retail_gift_registry_id": self.gift_list.id}
        )
        order.action_retail_gift_registry_add_remaining()
        quantities = {
            line.retail_gift_registry_item_id: line.product_uom_qty
            for line in order.order_line
        }
        self.assertEqual(
            quantities,
            {self.item_vase: 1, self.item_plates: 7, self.item_toaster: 1},
        )
        with self.assertRaisesRegex(UserError, "already on the order"):
            order.action_retail_gift_registry_add_remaining()
        empty = self.env["sale.order"].create({"partner_id": self.guest.id})
        with self.assertRaisesRegex(UserError, "Choose the gift list"):
            empty.action_retail_gift_registry_add_remaining()

    def test_closed_list_refused(self):
        order = self._sale_order([(self.vase, 1)], confirm=False)
        self.gift_list.action_close()
        with self.assertRaisesRegex(UserError, "is closed: nothing more can be sold"):
            order.action_confirm()
        with self.assertRaisesRegex(UserError, "is closed"):
            self._sale_order([(self.plates, 1)], confirm=False)

    def test_wrong_item_refused(self):
        other = self._create_registry(title="Other list")
        other.action_open()
        with self.assertRaisesRegex(ValidationError, "is not on gift list"):
            self._sale_order(
                [(self.vase, 1)], confirm=False
            ).order_line.retail_gift_registry_item_id = other.item_ids[0]
        order = self._sale_order([(self.other_product, 1)], confirm=False)
        with self.assertRaisesRegex(ValidationError, "choose the item's product"):
            order.order_line.retail_gift_registry_item_id = self.item_toaster

    def test_contribution_toward_an_item(self):
        order = self._sale_order([(self.contribution, 1, 80.0)], confirm=False)
        order.order_line.retail_gift_registry_item_id = self.item_toaster
        order.action_confirm()
        self.env.invalidate_all()
        self.assertEqual(self.item_toaster.amount_contributed, 80)
        self.assertEqual(self.item_toaster.qty_bought, 0, "money is not a toaster")
        self.assertEqual(self.gift_list.amount_contributions, 80)

    def test_line_without_list_is_untouched(self):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.guest.id,
                "order_line": [Command.create({"product_id": self.vase.id})],
            }
        )
        order.action_confirm()
        self.assertFalse(order.order_line.retail_gift_registry_id)
        self.env.invalidate_all()
        self.assertEqual(self.item_vase.qty_bought, 0)

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import tagged

from .common import RetailLoyaltyCommon


@tagged("post_install", "-at_install", "retail_money")
class TestSalePoints(RetailLoyaltyCommon):
    def _order(self, qty=1):
        return self.env["sale.order"].create(
            {
                "partner_id": self.buyer.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.shoes.id,
                            "product_uom_qty": qty,
                            "price_unit": 100.0,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )

    def test_confirm_earns_cancel_reverses_reconfirm_earns_once(self):
        card = self._give_points(10)
        card.retail_tier_id = self.gold
        order = self._order(qty=2)
        order._update_programs_and_rewards()
        self.assertEqual(
            order.coupon_point_ids.points, 400, "server points with the tier"
        )
        order.action_confirm()
        self.assertEqual(card.points, 410)
        self.assertFalse(
            self.History.search(
                [("card_id", "=", card.id), ("retail_kind", "=", False)]
            ),
            "no native history row beside the ledger",
        )
        order._action_cancel()
        self.assertEqual(card.points, 10)
        self.assertEqual(
            self._ledger(card).mapped("retail_kind"), ["earn", "earn", "reverse"]
        )
        order.action_draft()
        order.action_confirm()
        self.assertEqual(card.points, 410)
        self.assertBalanceInvariant(card)

    def test_spend_on_sale_order_and_cancel_gives_back(self):
        card = self._give_points(150)
        order = self._order()
        order._update_programs_and_rewards()
        order._apply_program_reward(self.reward, card)
        order.action_confirm()
        self.assertEqual(card.points, 150, "100 spent, 100 earned")
        self.assertEqual(
            sorted(self._ledger(card).mapped("retail_kind")),
            ["earn", "earn", "spend"],
        )
        order._action_cancel()
        self.assertEqual(card.points, 150)
        self.assertEqual(
            self.OrderPoints.with_context(active_test=False)
            ._retail_rows_of(order)
            .mapped("active"),
            [False],
        )
        self.assertBalanceInvariant(card)

    def test_credit_note_gives_back_in_proportion_once(self):
        order = self._order(qty=4)
        order.action_confirm()
        card = self._card()
        self.assertEqual(card.points, 400)
        for line in order.order_line:
            line.qty_delivered = line.product_uom_qty
        invoice = order._create_invoices()
        invoice.action_post()
        self.assertEqual(card.points, 400, "an invoice moves no points")
        reversal = (
            self.env["account.move.reversal"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"journal_id": invoice.journal_id.id, "reason": "Return"})
        )
        credit_note = self.env["account.move"].browse(reversal.refund_moves()["res_id"])
        credit_note.invoice_line_ids.quantity = 1
        credit_note.action_post()
        self.assertEqual(card.points, 300, "1 of 4 returned: 100 of 400 points")
        self.assertRecordValues(
            self._ledger(card)[-1],
            [
                {
                    "retail_kind": "reverse",
                    "used": 100,
                    "order_model": "account.move",
                    "order_id": credit_note.id,
                }
            ],
        )
        credit_note.button_draft()
        credit_note.action_post()
        self.assertEqual(card.points, 300, "posted again: given back once")
        self.assertBalanceInvariant(card)

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A deposit at intake and the collection at the till through Odoo's settle
flow (pos_sale, pos_repair): what is left is paid, no stock moves again, the
service is closed; deposits and settlements are checked before anything is
written."""

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import AftersalesCommon


@tagged("post_install", "-at_install")
class TestServiceCollection(AftersalesCommon):
    def _counts(self):
        return (
            self.env["pos.order"].search_count([]),
            self.env["sale.order.line"].search_count([]),
            self.env["stock.move"].search_count([]),
        )

    def test_deposit_then_collection_pays_the_rest_and_moves_no_stock(self):
        service, _shown = self._take(self._bought(7))
        deposit = self._sync(self._deposit_data(service, 5.0))
        self.assertEqual(deposit.state, "paid")
        self.assertEqual(service.sale_order_id.amount_unpaid, 10.0)
        # The workshop adds a part from its stock, then the service is ready.
        self.env["stock.quant"]._update_available_quantity(
            self.zipper, service.location_id, 5
        )
        service.with_user(self.store_manager).move_ids = [
            Command.create(
                {
                    "product_id": self.zipper.id,
                    "product_uom_qty": 1,
                    "repair_line_type": "add",
                }
            )
        ]
        service.with_user(self.store_manager).action_assign()
        self._make_ready(service)
        self.assertEqual(self.zipper.qty_available, 4, "the part left the stock once")
        moves = self.env["stock.move"].search_count([])
        paid = self._sync(self._settle_data(service))
        self.assertEqual(paid.state, "paid")
        self.assertAlmostEqual(paid.amount_total, 13.0, msg="15 + 3 - deposit 5")
        self.assertEqual(
            self.env["stock.move"].search_count([]), moves, "no stock moves again"
        )
        self.assertEqual(service.retail_stage, "collected")
        self.assertEqual(service.retail_collected_uid, self.cashier)
        self.assertEqual(service.retail_collected_pos_order_id, paid)
        self.assertEqual(service.sale_order_id.amount_unpaid, 0.0)
        self.assertEqual(self.zipper.qty_available, 4, "and not again at collection")

    def test_free_service_is_handed_over_without_an_order(self):
        service, _shown = self._take(
            self._bought(7), product=self.warranty_repair, service_type="warranty"
        )
        self._make_ready(service)
        shown = (
            self.env["repair.order"]
            .with_user(self.cashier)
            .retail_till_collect(self.config.id, service.id)
        )
        self.assertEqual(shown["stage"], "collected")
        self.assertEqual(service.retail_stage, "collected")

    def test_collected_twice_is_refused(self):
        service, _shown = self._take(self._bought(7))
        self._make_ready(service)
        data = self._settle_data(service)
        self._sync(data)
        again = self._settle_data(service)
        before = self._counts()
        with self.assertRaisesRegex(UserError, "already collected"):
            self._sync(again)
        self.assertEqual(self._counts(), before)
        with self.assertRaisesRegex(UserError, "already collected"):
            self.env["repair.order"].with_user(self.cashier).retail_till_collect(
                self.config.id, service.id
            )

    def test_service_not_ready_cannot_be_settled(self):
        service, _shown = self._take(self._bought(7))
        before = self._counts()
        with self.assertRaisesRegex(UserError, "not ready"):
            self._sync(self._settle_data(service))
        self.assertEqual(self._counts(), before)
        self.assertEqual(service.retail_stage, "received")

    def test_negative_deposit_is_refused(self):
        service, _shown = self._take(self._bought(7))
        before = self._counts()
        with self.assertRaisesRegex(ValidationError, "positive amount"):
            self._sync(self._deposit_data(service, -5.0))
        self.assertEqual(self._counts(), before)
        self.assertEqual(service.sale_order_id.amount_unpaid, 15.0)

    def test_deposit_above_what_is_due_is_refused(self):
        service, _shown = self._take(self._bought(7))
        before = self._counts()
        with self.assertRaisesRegex(ValidationError, "more than is left"):
            self._sync(self._deposit_data(service, 50.0))
        self.assertEqual(self._counts(), before)

    def test_settlement_at_a_forged_price_is_refused(self):
        service, _shown = self._take(self._bought(7))
        self._make_ready(service)
        data = self._settle_data(service)
        data["lines"][0][2]["price_unit"] = 1.0
        before = self._counts()
        with self.assertRaisesRegex(ValidationError, "price"):
            self._sync(data)
        self.assertEqual(self._counts(), before)
        self.assertEqual(service.retail_stage, "ready")

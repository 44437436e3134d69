# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged

from .common import RetailIncidentFlowCommon


@tagged("post_install", "-at_install", "retail_incidents")
class TestSaleOrderRules(RetailIncidentFlowCommon):
    def test_product_substituted_on_confirmed_line(self):
        order = self._confirmed_order([(self.fitting, 1)])
        order.order_line.with_user(self.salesman).write(
            {"product_id": self.premium_fitting.id}
        )
        self.assertEqual(order.order_line.product_id, self.premium_fitting)
        incident = self._incidents("sale_line_product", order)
        self._assert_incident(
            incident,
            "sale_line_product",
            {"Fitting": "Fitting"},
            {"Fitting": "Premium Fitting"},
            user=self.salesman,
        )
        self.assertEqual(incident.origin, "sale")
        self.assertEqual(incident.sale_order_ids, order)
        self.assertEqual(incident.warehouse_id, self.warehouse)
        self.assertEqual(order.retail_incident_count, 1)
        # the responsible got a to-do
        self.assertEqual(incident.activity_ids.user_id, self.manager)

    def test_product_change_on_quotation_is_no_incident(self):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.buyer.id,
                "order_line": [(0, 0, {"product_id": self.fitting.id})],
            }
        )
        order.order_line.product_id = self.premium_fitting
        self.assertFalse(self._incidents("sale_line_product", order))

    def test_quantity_reduced_and_line_cancelled(self):
        order = self._confirmed_order([(self.chair, 5), (self.lamp, 2)])
        chair_line, lamp_line = order.order_line
        chair_line.with_user(self.salesman).product_uom_qty = 3
        self._assert_incident(
            self._incidents("sale_line_qty", order),
            "sale_line_qty",
            {"Chair": 5.0},
            {"Chair": 3.0},
            user=self.salesman,
        )
        # the delivery follows the order
        self.assertEqual(
            order.picking_ids.move_ids.filtered(
                lambda m: m.product_id == self.chair
            ).product_uom_qty,
            3.0,
        )
        lamp_line.product_uom_qty = 0
        self._assert_incident(
            self._incidents("sale_line_cancel", order),
            "sale_line_cancel",
            {"Lamp": 2.0},
            {"Lamp": 0.0},
        )
        # an increase is no incident
        chair_line.product_uom_qty = 10
        self.assertEqual(len(self._incidents("sale_line_qty", order)), 1)

    def test_confirmed_order_cancelled_then_deleted(self):
        order = self._confirmed_order([(self.chair, 2)])
        name = order.name
        order.with_user(self.salesman).action_cancel()
        self.assertEqual(order.state, "cancel")
        self._assert_incident(
            self._incidents("sale_cancel", order),
            "sale_cancel",
            {"state": "sale", "amount_total": 200.0},
            {"state": "cancel", "amount_total": 0.0},
            user=self.salesman,
        )
        order.unlink()
        deleted = self._incidents("sale_unlink")
        self._assert_incident(
            deleted,
            "sale_unlink",
            {"order": name, "state": "cancel", "amount_total": 200.0},
            {"order": name, "state": "deleted"},
        )
        self.assertIn(name, deleted.description)

    def test_draft_deleted_or_cancelled_is_no_incident(self):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.buyer.id,
                "order_line": [(0, 0, {"product_id": self.chair.id})],
            }
        )
        order.action_cancel()
        order.unlink()
        self.assertFalse(
            self._incidents("sale_cancel") | self._incidents("sale_unlink")
        )

    def test_orders_cancelled_together_each_get_their_incident(self):
        other_buyer = self.env["res.partner"].create({"name": "Second Buyer"})
        first = self._confirmed_order([(self.chair, 1)])
        second = self._confirmed_order([(self.lamp, 3)], partner=other_buyer)
        (first | second).action_cancel()
        incidents = self._incidents("sale_cancel")
        self.assertEqual(len(incidents), 2)
        by_order = {incident.sale_order_ids: incident for incident in incidents}
        self.assertEqual(by_order[first].partner_id, self.buyer)
        self.assertEqual(by_order[second].partner_id, other_buyer)
        self.assertEqual(by_order[second].values_before["amount_total"], 120.0)

    def test_blocking_rule_refuses_the_change(self):
        self._rule("sale_cancel").blocking = True
        order = self._confirmed_order([(self.chair, 2)])
        with self.assertRaisesRegex(UserError, "not allowed"), self.env.cr.savepoint():
            order.action_cancel()
        order.invalidate_recordset()
        self.assertEqual(order.state, "sale")
        self.assertFalse(self._incidents("sale_cancel", order))

    def test_inactive_rule_or_other_company_rule_records_nothing(self):
        self._rule("sale_line_qty").active = False
        other_company = self.env["res.company"].create({"name": "Other Retailer"})
        self.env["retail.incident.rule"].create(
            {"company_id": other_company.id, "event_code": "sale_line_qty"}
        )
        order = self._confirmed_order([(self.chair, 5)])
        order.order_line.product_uom_qty = 4
        self.assertFalse(self._incidents("sale_line_qty"))

    def test_rolled_back_change_leaves_no_incident(self):
        order = self._confirmed_order([(self.chair, 5)])
        with self.assertRaises(UserError), self.env.cr.savepoint():
            order.order_line.product_uom_qty = 1
            self.assertTrue(self._incidents("sale_line_qty", order))
            # a later step of the same change fails: everything is undone
            raise UserError(self.env._("payment refused"))
        self.env.invalidate_all()
        self.assertEqual(order.order_line.product_uom_qty, 5)
        self.assertFalse(self._incidents("sale_line_qty", order))


@tagged("post_install", "-at_install", "retail_incidents")
class TestDeliveryRules(RetailIncidentFlowCommon):
    def _deliver(self, order, quantities, backorder=True):
        picking = order.picking_ids
        for move in picking.move_ids:
            move.quantity = quantities[move.product_id]
        picking.move_ids.picked = True
        action = picking.with_user(self.salesman).button_validate()
        if isinstance(action, dict) and action.get("res_model") == (
            "stock.backorder.confirmation"
        ):
            wizard = Form(
                self.env[action["res_model"]]
                .with_user(self.salesman)
                .with_context(**action["context"])
            ).save()
            if backorder:
                wizard.process()
            else:
                wizard.process_cancel_backorder()
        self.assertEqual(picking.state, "done")
        return picking

    def test_short_delivery_with_backorder(self):
        order = self._confirmed_order([(self.chair, 5), (self.lamp, 2)])
        picking = self._deliver(order, {self.chair: 3, self.lamp: 2})
        self.assertTrue(picking.backorder_ids)
        incident = self._incidents("delivery_short", picking)
        self._assert_incident(
            incident,
            "delivery_short",
            {"Chair": 5.0},
            {"Chair": 3.0, "backorder": True},
            user=self.salesman,
        )
        self.assertEqual(incident.origin, "delivery")
        self.assertEqual(incident.sale_order_ids, order)
        self.assertEqual(incident.warehouse_id, self.warehouse)
        self.assertEqual(picking.retail_incident_count, 1)
        # the backorder delivered in full is no incident
        backorder = picking.backorder_ids
        backorder.move_ids.quantity = 2
        backorder.move_ids.picked = True
        backorder.button_validate()
        self.assertFalse(self._incidents("delivery_short", backorder))

    def test_user_without_incident_rights_still_raises_the_incident(self):
        storekeeper = new_test_user(
            self.env,
            login="incident_storekeeper",
            groups="stock.group_stock_user",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        self.assertFalse(
            self.env["retail.incident"].with_user(storekeeper).has_access("read")
        )
        order = self._confirmed_order([(self.chair, 5)])
        picking = order.picking_ids
        picking.move_ids.quantity = 2
        picking.move_ids.picked = True
        picking.with_user(storekeeper).with_context(
            cancel_backorder=True
        )._action_done()
        self._assert_incident(
            self._incidents("delivery_short", picking),
            "delivery_short",
            {"Chair": 5.0},
            {"Chair": 2.0, "backorder": False},
            user=storekeeper,
        )

    def test_short_delivery_without_backorder(self):
        order = self._confirmed_order([(self.chair, 5)])
        picking = self._deliver(order, {self.chair: 4}, backorder=False)
        self.assertFalse(picking.backorder_ids)
        self._assert_incident(
            self._incidents("delivery_short", picking),
            "delivery_short",
            {"Chair": 5.0},
            {"Chair": 4.0, "backorder": False},
            user=self.salesman,
        )

    def test_full_delivery_is_no_incident_and_return_is(self):
        order = self._confirmed_order([(self.chair, 5)])
        picking = self._deliver(order, {self.chair: 5})
        self.assertFalse(self._incidents("delivery_short"))
        wizard = Form(
            self.env["stock.return.picking"].with_context(
                active_ids=picking.ids,
                active_id=picking.id,
                active_model="stock.picking",
            )
        ).save()
        wizard.product_return_moves.quantity = 2
        action = wizard.action_create_returns()
        returned = self.env["stock.picking"].browse(action["res_id"])
        incident = self._incidents("delivery_return", returned)
        self._assert_incident(
            incident, "delivery_return", {"Chair": 5.0}, {"Chair": 3.0}
        )
        self.assertEqual(incident.picking_ids, picking | returned)
        self.assertEqual(incident.sale_order_ids, order)


@tagged("post_install", "-at_install", "retail_incidents")
class TestInvoiceRules(RetailIncidentFlowCommon):
    def _posted_invoice(self):
        order = self._confirmed_order([(self.fitting, 2)])
        invoice = order._create_invoices()
        invoice.action_post()
        return order, invoice

    def test_credit_note_issued(self):
        order, invoice = self._posted_invoice()
        reversal = (
            self.env["account.move.reversal"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"journal_id": invoice.journal_id.id, "reason": "Damaged"})
        )
        reversal.refund_moves()
        note = invoice.reversal_move_ids
        self.assertEqual(note.move_type, "out_refund")
        incident = self._incidents("invoice_refund", note)
        self._assert_incident(
            incident,
            "invoice_refund",
            {"invoice": invoice.name, "amount_total": 60.0},
            {"invoice": invoice.name, "amount_total": 0.0},
        )
        self.assertEqual(incident.invoice_ids, invoice | note)
        self.assertEqual(incident.sale_order_ids, order)
        self.assertEqual(incident.origin, "invoice")
        self.assertEqual(invoice.retail_incident_count, 1)

    def test_posted_invoice_cancelled_or_reset(self):
        order, invoice = self._posted_invoice()
        invoice.button_cancel()
        self.assertEqual(invoice.state, "cancel")
        incident = self._incidents("invoice_cancel", invoice)
        self._assert_incident(
            incident,
            "invoice_cancel",
            {"state": "posted", "amount_total": 60.0},
            {"state": "cancel"},
        )
        self.assertEqual(incident.sale_order_ids, order)
        # a draft invoice cancelled is no incident
        invoice.button_draft()
        invoice.button_cancel()
        self.assertEqual(len(self._incidents("invoice_cancel", invoice)), 1)

        _order2, invoice2 = self._posted_invoice()
        invoice2.button_draft()
        self._assert_incident(
            self._incidents("invoice_cancel", invoice2),
            "invoice_cancel",
            {"state": "posted", "amount_total": 60.0},
            {"state": "draft"},
        )


@tagged("post_install", "-at_install", "retail_incidents")
class TestPosRefundRules(RetailIncidentFlowCommon):
    def _sell(self, lines):
        data = self.create_ui_order_data(lines, customer=self.buyer)
        result = self.env["pos.order"].sync_from_ui([data])
        return self.env["pos.order"].browse(result["pos.order"][0]["id"])

    def test_refund_at_the_till(self):
        self.open_new_session()
        order = self._sell([(self.chair, 2), (self.lamp, 1)])
        chair_line = order.lines.filtered(lambda line: line.product_id == self.chair)
        refund_data = self.create_ui_order_data(
            [
                {
                    "product": self.chair,
                    "quantity": -1,
                    "refunded_orderline_id": chair_line.id,
                }
            ],
            customer=self.buyer,
        )
        self.env["pos.order"].sync_from_ui([refund_data])
        refund = self.env["pos.order"].search([("uuid", "=", refund_data["uuid"])])
        self.assertTrue(refund.lines.refunded_orderline_id)
        incident = self._incidents("pos_refund", refund)
        self._assert_incident(
            incident,
            "pos_refund",
            {"Chair": 2.0},
            {"Chair": 1.0, "amount_refunded": 100.0},
        )
        self.assertEqual(incident.pos_order_ids, order | refund)
        self.assertEqual(incident.pos_config_id, self.config)
        self.assertEqual(incident.origin, "store")
        # the same refund synchronised again (network retry) is recorded once
        self.env["pos.order"].sync_from_ui([refund_data])
        self.assertEqual(len(self._incidents("pos_refund")), 1)
        # a sale is no incident
        self.assertFalse(self._incidents("pos_refund", order) - incident)

    def test_refund_from_the_back_office(self):
        self.open_new_session()
        order = self._sell([(self.chair, 2)])
        refund = order._refund()
        incident = self._incidents("pos_refund", refund)
        self._assert_incident(
            incident,
            "pos_refund",
            {"Chair": 2.0},
            {"Chair": 0.0, "amount_refunded": 200.0},
        )
        self.assertEqual(incident.pos_order_ids, order | refund)

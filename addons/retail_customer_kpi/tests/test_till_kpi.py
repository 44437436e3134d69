# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The customer's KPIs count what the server computed from a till's order,
never the till's own figures or flags."""

from odoo.tests import tagged

from odoo.addons.retail_customer.tests.test_till_payload import TillPayloadCommon


@tagged("post_install", "-at_install", "retail_security")
class TestTillKpis(TillPayloadCommon):
    def _total_spent(self):
        self.customer.invalidate_recordset()
        return self.customer.retail_total_spent

    def test_forged_line_total_counts_the_servers_figure(self):
        data = self.create_ui_order_data([(self.goods, 1)], customer=self.customer)
        data["lines"][0][2].update(price_subtotal=500.0, price_subtotal_incl=500.0)
        order = self._sync(data)
        self.assertTrue(order.retail_sync_flagged)
        self.assertAlmostEqual(self._total_spent(), 10.0)

    def test_forged_order_total_counts_the_lines(self):
        order = self._sync(self._forged_total([(self.goods, 2)], 2000.0))
        self.assertTrue(order.retail_sync_flagged)
        self.assertAlmostEqual(self._total_spent(), 20.0)

    def test_kpi_flag_of_the_payload_is_dropped(self):
        data = self.create_ui_order_data([(self.goods, 1)], customer=self.customer)
        data["retail_kpi_done"] = True
        order = self._sync(data)
        self.assertTrue(order.retail_kpi_done, "counted by the server, once")
        self.assertAlmostEqual(self._total_spent(), 10.0)
        vals = {"retail_kpi_done": True, "note": "kept"}
        dropped = self.env["pos.order"]._retail_drop_server_fields(vals)
        self.assertEqual(dropped, {"retail_kpi_done": True})
        self.assertEqual(vals, {"note": "kept"})

    def test_refund_as_the_till_sends_it_is_taken_back(self):
        sale = self._sync(
            self.create_ui_order_data([(self.goods, 3)], customer=self.customer)
        )
        self.assertAlmostEqual(self._total_spent(), 30.0)
        first_data = self._refund_data(sale.lines, qty=1)
        first_data["partner_id"] = self.customer.id
        self._sync(first_data)
        data = self._refund_data(sale.lines, qty=2)
        data["partner_id"] = self.customer.id
        data["lines"][0][2].update(price_subtotal=20.0, price_subtotal_incl=20.0)
        refund = self._sync(data)
        self.assertFalse(refund.retail_sync_flagged, refund.retail_sync_issue)
        self.assertAlmostEqual(self._total_spent(), 0.0)

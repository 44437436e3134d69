# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Services taken at the till from the customer's purchases: the server
computes the warranty and the price, the steps are dated with who."""

import base64
import datetime

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import tagged

from .common import AftersalesCommon

# A 1x1 PNG, as a till's camera would send a (much larger) photo.
PNG = base64.b64encode(
    base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGA"
        "hKmMIQAAAABJRU5ErkJggg=="
    )
).decode()


@tagged("post_install", "-at_install")
class TestServiceIntake(AftersalesCommon):
    def test_purchase_history_lists_the_jacket_with_its_warranty(self):
        line = self._bought(7)
        self._bought(3, customer=self.other_customer)
        history = (
            self.env["repair.order"]
            .with_user(self.cashier)
            .retail_till_purchases(self.config.id, self.customer.id)
        )
        rows = [row for row in history["purchases"] if row["kind"] == "pos"]
        self.assertEqual([row["id"] for row in rows], [line.id], "only the customer's")
        self.assertTrue(rows[0]["under_warranty"])
        self.assertIn(
            self.hem.id, [product["id"] for product in history["service_products"]]
        )

    def test_warranty_claim_is_free_within_the_warranty(self):
        line = self._bought(7)
        service, shown = self._take(
            line,
            product=self.warranty_repair,
            service_type="warranty",
            photos=[{"name": "tear.png", "datas": PNG}],
        )
        purchase = line.order_id.date_order.date()
        self.assertTrue(service.under_warranty)
        self.assertEqual(
            service.retail_warranty_until, purchase + relativedelta(months=12)
        )
        self.assertEqual(service.sale_order_id.amount_total, 0.0)
        self.assertEqual(shown["amount_due"], 0.0)
        self.assertEqual(service.sale_order_id.state, "sale")
        self.assertEqual(service.retail_sold_pos_line_id, line)
        self.assertEqual(service.product_id, self.jacket)
        self.assertEqual(service.retail_stage, "received")
        self.assertEqual(service.state, "confirmed", "Odoo's confirmed repair")
        self.assertEqual(service.retail_received_uid, self.cashier)
        self.assertEqual(service.retail_pos_config_id, self.config)
        self.assertIn("2 cm", service.internal_notes)
        photos = self.env["ir.attachment"].search(
            [("res_model", "=", "repair.order"), ("res_id", "=", service.id)]
        )
        self.assertEqual(photos.mapped("name"), ["tear.png"])

    def test_warranty_claim_is_charged_after_the_warranty(self):
        line = self._bought(400)
        service, shown = self._take(
            line, product=self.warranty_repair, service_type="warranty"
        )
        self.assertFalse(service.under_warranty)
        self.assertEqual(service.sale_order_id.amount_total, 40.0)
        self.assertEqual(shown["amount_due"], 40.0)

    def test_alteration_price_is_the_servers(self):
        line = self._bought(7)
        service, _shown = self._take(line, price_unit=0.0, amount_total=0.0)
        self.assertEqual(service.sale_order_id.amount_total, 15.0)
        self.assertFalse(service.under_warranty, "an alteration is never a warranty")

    def test_steps_are_dated_with_who(self):
        service, _shown = self._take(self._bought(7))
        self._make_ready(service)
        self.assertEqual(service.retail_stage, "ready")
        self.assertEqual(service.retail_workshop_uid, self.store_manager)
        self.assertEqual(service.retail_ready_uid, self.store_manager)
        self.assertTrue(service.retail_workshop_date and service.retail_ready_date)

    def test_late_services_are_listed_for_the_store(self):
        late, _shown = self._take(self._bought(7))
        ready, _shown = self._take(self._bought(6))
        yesterday = fields.Date.today() - datetime.timedelta(days=1)
        (late | ready).with_user(self.store_manager).retail_promised_date = yesterday
        self._make_ready(ready)
        found = (
            self.env["repair.order"]
            .with_user(self.store_manager)
            .search([("retail_is_late", "=", True)])
        )
        self.assertIn(late, found)
        self.assertNotIn(ready, found, "a ready service is not late")

    def test_service_found_by_number_and_by_customer(self):
        service, _shown = self._take(self._bought(7))
        Repair = self.env["repair.order"].with_user(self.cashier)
        by_number = Repair.retail_till_find_services(
            self.config.id, service.name.lower()
        )
        self.assertEqual([row["id"] for row in by_number], [service.id])
        by_customer = Repair.retail_till_find_services(
            self.config.id, partner_id=self.customer.id
        )
        self.assertEqual([row["id"] for row in by_customer], [service.id])

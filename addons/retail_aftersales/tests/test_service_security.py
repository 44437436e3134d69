# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who may take, find and hand over services, and bad input from the till:
each refusal is an error in the user's terms and writes nothing."""

import datetime

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import AftersalesCommon


@tagged("post_install", "-at_install", "retail_security")
class TestServiceSecurity(AftersalesCommon):
    def _written(self):
        return (
            self.env["repair.order"].search_count([]),
            self.env["sale.order"].search_count([]),
            self.env["ir.attachment"].search_count(
                [("res_model", "=", "repair.order")]
            ),
        )

    def assertRefused(self, error, pattern, line, **values):
        before = self._written()
        with self.assertRaisesRegex(error, pattern):
            self._take(line, **values)
        self.assertEqual(self._written(), before, "nothing written")

    def test_someone_elses_purchase_is_refused(self):
        line = self._bought(7, customer=self.other_customer)
        self.assertRefused(ValidationError, "not one of", line)

    def test_bad_input_is_refused(self):
        line = self._bought(7)
        past = fields.Date.to_string(fields.Date.today() - datetime.timedelta(days=1))
        cases = [
            (ValidationError, "valid id", {"service_product_id": "1"}),
            (ValidationError, "not a service", {"service_product_id": self.jacket.id}),
            (
                ValidationError,
                "not a service",
                {"service_product_id": self.warranty_repair.id},
            ),
            (ValidationError, "Unknown service type", {"service_type": "resell"}),
            (ValidationError, "promised date", {"promised_date": past}),
            (ValidationError, "promised date", {"promised_date": "tomorrow"}),
            (ValidationError, "Notes", {"notes": "x" * 5000}),
            (
                ValidationError,
                "valid image",
                {"photos": [{"name": "a", "datas": "bm90IGFuIGltYWdl"}]},
            ),
            (ValidationError, "one item", {"sale_line_id": 1}),
            (ValidationError, "valid id", {"pos_line_id": -3}),
            (ValidationError, "not one of", {"pos_line_id": 2_000_000_000}),
            (ValidationError, "Unknown customer", {"partner_id": 2_000_000_000}),
        ]
        for error, pattern, values in cases:
            with self.subTest(values=values):
                self.assertRefused(error, pattern, line, **values)

    def test_unknown_ticket(self):
        Repair = self.env["repair.order"].with_user(self.cashier)
        with self.assertRaisesRegex(UserError, "No service with this number"):
            Repair.retail_till_find_services(self.config.id, "WH/RO/99999")
        with self.assertRaisesRegex(ValidationError, "service number"):
            Repair.retail_till_find_services(self.config.id, "x\x00")
        with self.assertRaisesRegex(UserError, "No service"):
            Repair.retail_till_collect(self.config.id, 2_000_000_000)

    def test_only_after_sales_cashiers_take_services(self):
        line = self._bought(7)
        before = self._written()
        with self.assertRaises(AccessError):
            self._take(line, user=self.plain_pos_user)
        self.assertEqual(self._written(), before)

    def test_cashier_reads_but_does_not_write_services(self):
        service, _shown = self._take(self._bought(7))
        as_cashier = service.with_user(self.cashier)
        self.assertEqual(as_cashier.retail_stage, "received")
        with self.assertRaises(AccessError):
            as_cashier.write({"retail_promised_date": fields.Date.today()})
        with self.assertRaises(AccessError):
            as_cashier.action_repair_start()

    def test_other_company_neither_finds_nor_reads_services(self):
        service, _shown = self._take(self._bought(7))
        other = self.env["res.company"].create({"name": "Franchise B"})
        outsider = new_test_user(
            self.env,
            login="aftersales_outsider",
            groups="base.group_user,retail_aftersales.group_aftersales_cashier",
            company_id=other.id,
        )
        Repair = self.env["repair.order"].with_user(outsider)
        with self.assertRaisesRegex(ValidationError, "Unknown till"):
            Repair.retail_till_find_services(self.config.id, service.name)
        with self.assertRaises(AccessError):
            service.with_user(outsider).read(["name"])
        with self.assertRaisesRegex(ValidationError, "Unknown till"):
            self._take(self._bought(6), user=outsider)

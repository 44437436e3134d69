# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import RetailProvincesCommon


@tagged("post_install", "-at_install")
class TestExport(RetailProvincesCommon):
    def test_xlsx_export_of_selection(self):
        wizard = (
            self.env["retail.customer.export"]
            .with_context(
                active_model="res.partner", active_ids=(self.c1 | self.c2).ids
            )
            .create({})
        )
        self.assertEqual(wizard.partner_count, 2)
        action = wizard.action_export()
        self.assertIn("/web/content/", action["url"])
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.file)))
        rows = list(book.active.iter_rows(values_only=True))
        self.assertEqual(len(rows), 3)
        header = rows[0]
        self.assertIn("Customer Number", header)
        by_name = {row[header.index("Name")]: row for row in rows[1:]}
        one = by_name["Stats One"]
        self.assertEqual(one[header.index("Customer Number")], self.c1.customer_number)
        self.assertEqual(one[header.index("Email Marketing Consent")], "Yes")
        self.assertEqual(one[header.index("Segments")], "VIP stats")

    def test_xlsx_export_consent_filter_and_empty(self):
        wizard = (
            self.env["retail.customer.export"]
            .with_context(
                active_model="res.partner", active_ids=(self.c1 | self.c2).ids
            )
            .create({"only_consenting": "email"})
        )
        self.assertEqual(wizard.partner_count, 1)
        wizard.only_consenting = "sms"
        with self.assertRaisesRegex(UserError, "No customer"):
            wizard.action_export()

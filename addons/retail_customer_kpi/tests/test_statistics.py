# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io

import openpyxl

from odoo.tests import tagged

from odoo.addons.retail_customer.tests.common import RetailProvincesCommon


@tagged("post_install", "-at_install")
class TestStatistics(RetailProvincesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        facts = [
            {
                "partner_id": cls.c1.id,
                "date": "2026-03-01 10:00:00",
                "amount": 100.0,
                "count": 1,
            },
            {
                "partner_id": cls.c1.id,
                "date": "2026-04-01 10:00:00",
                "amount": 50.0,
                "count": 1,
            },
            {
                "partner_id": cls.c3.id,
                "date": "2026-04-02 10:00:00",
                "amount": 30.0,
                "count": 1,
            },
        ]
        cls.env["res.partner"]._retail_kpi_apply(facts, 1)

    def test_statistics_by_province_and_channel(self):
        Report = self.env["retail.customer.report"]
        ids = (self.c1 | self.c2 | self.c3).ids
        by_state = {
            state: (count, spent, purchases)
            for state, count, spent, purchases in Report._read_group(
                [("partner_id", "in", ids)],
                ["state_id"],
                ["customer_count:sum", "total_spent:sum", "purchase_count:sum"],
            )
        }
        self.assertEqual(by_state[self.madrid], (2, 150.0, 2))
        self.assertEqual(by_state[self.sevilla], (1, 30.0, 1))
        by_channel = dict(
            Report._read_group(
                [("partner_id", "in", ids)], ["channel_id"], ["customer_count:sum"]
            )
        )
        self.assertEqual(by_channel[self.channel_store], 2)
        self.assertEqual(by_channel[self.channel_online], 1)
        by_zip = dict(
            Report._read_group(
                [("partner_id", "in", ids)], ["zip"], ["total_spent:sum"]
            )
        )
        self.assertEqual(by_zip["28001"], 150.0)

    def test_statistics_by_segment(self):
        rows = dict(
            self.env["retail.customer.segment.report"]._read_group(
                [("segment_id", "=", self.vip.id)], ["segment_id"], ["total_spent:sum"]
            )
        )
        self.assertEqual(rows[self.vip], 180.0)

    def test_xlsx_export_has_the_kpis(self):
        wizard = (
            self.env["retail.customer.export"]
            .with_context(
                active_model="res.partner", active_ids=(self.c1 | self.c2).ids
            )
            .create({})
        )
        wizard.action_export()
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.file)))
        rows = list(book.active.iter_rows(values_only=True))
        header = rows[0]
        by_name = {row[header.index("Name")]: row for row in rows[1:]}
        self.assertEqual(by_name["Stats One"][header.index("Total Spent")], 150.0)
        self.assertEqual(by_name["Stats One"][header.index("Purchases")], 2)
        self.assertEqual(by_name["Stats Two"][header.index("Purchases")], 0)

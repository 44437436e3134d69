# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
from datetime import datetime, timedelta

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import tagged

from .test_incident import RetailIncidentCommon

START = datetime(2026, 3, 2, 9, 0)


def percentile_cont(values, fraction):
    """PostgreSQL's percentile_cont: linear interpolation between ranks."""
    values = sorted(values)
    position = fraction * (len(values) - 1)
    low = int(position)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (position - low)


@tagged("post_install", "-at_install", "retail_incidents")
class TestIncidentAnalysis(RetailIncidentCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.store_hours = [1, 2, 3, 4, 10]
        cls.sale_hours = [24, 48]
        vals = []
        for origin, hours_list in (
            ("store", cls.store_hours),
            ("sale", cls.sale_hours),
        ):
            for hours in hours_list:
                vals.append(
                    {
                        "origin": origin,
                        "partner_id": cls.customer.id,
                        "description": f"{origin} problem solved in {hours} h",
                        "date": START,
                        "date_resolved": START + timedelta(hours=hours),
                        "resolution": "Solved.",
                        "state": "resolved",
                        "user_id": cls.responsible.id,
                    }
                )
        # open incidents count, but not in the times to resolution
        vals.append({"origin": "store", "description": "Still open", "date": START})
        vals.append(
            {
                "origin": "sale",
                "description": "April",
                "date": START + timedelta(days=31),
            }
        )
        cls.incidents = cls.Incident.create(vals)
        cls.other_company_incident = cls.Incident.create(
            {
                "origin": "store",
                "company_id": cls.company_b.id,
                "description": "Other company",
                "date": START,
            }
        )
        cls.Report = cls.env["retail.incident.report"]

    def test_average_and_p90_by_origin(self):
        stats = {
            row["key"]: row
            for row in self.Report._retail_resolution_stats(
                "origin", [("company_id", "=", self.company_a.id)]
            )
        }
        store = stats["store"]
        self.assertEqual((store["count"], store["open"], store["resolved"]), (6, 1, 5))
        self.assertAlmostEqual(store["avg_hours"], sum(self.store_hours) / 5)
        self.assertAlmostEqual(
            store["p90_hours"], percentile_cont(self.store_hours, 0.9)
        )
        sale = stats["sale"]
        self.assertEqual((sale["count"], sale["open"], sale["resolved"]), (3, 1, 2))
        self.assertAlmostEqual(sale["avg_hours"], 36.0)
        self.assertAlmostEqual(sale["p90_hours"], percentile_cont(self.sale_hours, 0.9))

    def test_by_month_and_responsible(self):
        months = self.Report._retail_resolution_stats(
            "month", [("company_id", "=", self.company_a.id)]
        )
        self.assertEqual(
            [(str(row["key"]), row["count"]) for row in months],
            [("2026-03-01", 8), ("2026-04-01", 1)],
        )
        users = {
            row["key"]: row
            for row in self.Report._retail_resolution_stats(
                "user_id", [("company_id", "=", self.company_a.id)]
            )
        }
        self.assertEqual(users[self.responsible]["resolved"], 7)

    def test_pivot_average_counts_resolved_incidents_only(self):
        groups = self.Report._read_group(
            [("company_id", "=", self.company_a.id)],
            ["origin"],
            ["resolution_hours:avg", "__count"],
        )
        result = {origin: (avg, count) for origin, avg, count in groups}
        self.assertAlmostEqual(result["store"][0], 4.0)
        self.assertEqual(result["store"][1], 6)

    def test_other_company_is_not_in_the_analysis(self):
        rows = self.Report.with_user(self.responsible)._retail_resolution_stats(
            "origin"
        )
        self.assertEqual(sum(row["count"] for row in rows), 9)

    def test_xlsx_export(self):
        # a manager of company A: the other company's incident is not exported
        wizard = (
            self.env["retail.incident.analysis.export"]
            .with_user(self.responsible)
            .create({"date_from": "2026-03-01", "date_to": "2026-03-31"})
        )
        wizard.action_export()
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.file)))
        self.assertEqual(
            book.sheetnames,
            ["Origin", "Category", "Store", "Warehouse", "Responsible", "Month"],
        )
        rows = list(book["Origin"].iter_rows(values_only=True))
        self.assertEqual(rows[0][0], "Origin")
        by_origin = {row[0]: row for row in rows[1:]}
        self.assertEqual(by_origin["Store"][1:4], (6, 1, 5))
        self.assertAlmostEqual(by_origin["Store"][4], 4.0)
        self.assertAlmostEqual(
            by_origin["Store"][5], percentile_cont(self.store_hours, 0.9)
        )
        self.assertEqual(by_origin["Sale Order"][1], 2, "April is out of the period")

    def test_empty_period_is_refused(self):
        wizard = self.env["retail.incident.analysis.export"].create(
            {"date_from": "2020-01-01", "date_to": "2020-01-31"}
        )
        with self.assertRaisesRegex(UserError, "No incident"):
            wizard.action_export()

    def test_period_ending_on_the_last_date(self):
        """A period up to 9999-12-31 exports (the end of the day, no overflow)."""
        wizard = (
            self.env["retail.incident.analysis.export"]
            .with_user(self.responsible)
            .create({"date_from": "2026-03-01", "date_to": "9999-12-31"})
        )
        wizard.action_export()
        self.assertTrue(wizard.file)

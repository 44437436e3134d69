# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io

import openpyxl

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import SQL

from .test_results import CampaignResultsCommon


@tagged("post_install", "-at_install", "retail_marketing")
class TestResultsExport(CampaignResultsCommon):
    """The campaign's results as an XLSX file: per mailing with totals, and per
    store, channel and segment of the customers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.vip = cls.env["retail.segment"].create({"name": "VIP"})
        cls.madrid = cls.env["pos.config"].create({"name": "Madrid Centre"})
        cls.first, cls.second = cls.recipients[0], cls.recipients[1]
        (cls.first | cls.second | cls.held[0]).write(
            {"retail_segment_ids": [Command.set(cls.vip.ids)]}
        )

    def _buy(self):
        self.open_new_session()
        self._till_order(self.first, 2, 1)  # 100
        self._till_order(self.second, 1, 2)  # 50
        self._till_order(self.held[0], 1, 3)  # 50, holdout
        self._till_order(self.recipients[2], 1, 30)  # outside the window
        # the till made the store of the session their preferred one
        self.assertEqual(self.first.retail_preferred_store_id, self.config)
        (self.first | self.held[0]).retail_preferred_store_id = self.madrid

    def _sheets(self):
        action = self.campaign.action_retail_export_results()
        self.assertIn("/retail.marketing.results.export/", action["url"])
        wizard = self.env["retail.marketing.results.export"].search(
            [("campaign_id", "=", self.campaign.id)], limit=1
        )
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.file)))
        return {
            sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
            for sheet in book.worksheets
        }

    def _by_header(self, rows):
        header = rows[0]
        return {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}

    def test_results_per_store_channel_and_segment(self):
        self._buy()
        Mailing = self.env["mailing.mailing"]
        rows = Mailing._retail_results_purchases(SQL("m.id"), self.mailing.ids, "store")
        by_store = {(value, holdout): figures for _k, value, holdout, *figures in rows}
        self.assertEqual(by_store[self.madrid.id, False], [1, 1, 1, 100.0])
        self.assertEqual(by_store[self.madrid.id, True], [1, 1, 1, 50.0])
        self.assertEqual(by_store[self.config.id, False], [2, 1, 1, 50.0])
        self.assertEqual(by_store[None, False], [1, 0, 0, 0.0])
        self.assertEqual(by_store[None, True], [3, 0, 0, 0.0])
        self.assertEqual(len(by_store), 5)

    def test_xlsx_export_read_back(self):
        self._buy()
        sheets = self._sheets()
        self.assertEqual(
            list(sheets),
            ["Mailings", "By Preferred Store", "By Channel", "By Segment", "Actions"],
        )
        actions = self._by_header(sheets["Actions"])
        self.assertEqual(actions[next(iter(actions))]["Mailing"], "Spring sale")
        mailings = sheets["Mailings"]
        header = mailings[0]
        line = dict(zip(header, mailings[1], strict=True))
        total = dict(zip(header, mailings[2], strict=True))
        self.assertEqual(line["Mailing"], "Spring sale")
        self.assertEqual(total["Sent On"], "Total")
        for row in (line, total):
            self.assertEqual(row["Targeted"], 8)
            self.assertEqual(row["Holdout"], 4)
            self.assertEqual(row["Buyers"], 2)
            self.assertEqual(row["Orders"], 2)
            self.assertAlmostEqual(row["Revenue"], 150.0)
            self.assertAlmostEqual(row["Average Basket"], 75.0)
            self.assertAlmostEqual(row["Conversion (%)"], 50.0)
            self.assertEqual(row["Holdout Buyers"], 1)
            self.assertAlmostEqual(row["Lift (points)"], 25.0)
        segments = self._by_header(sheets["By Segment"])
        self.assertEqual(segments["VIP"]["Recipients"], 2)
        self.assertEqual(segments["VIP"]["Buyers"], 2)
        self.assertAlmostEqual(segments["VIP"]["Revenue"], 150.0)
        self.assertEqual(segments["VIP"]["Holdout"], 1)
        self.assertEqual(segments["VIP"]["Holdout Buyers"], 1)
        self.assertAlmostEqual(segments["VIP"]["Lift (points)"], 0.0)
        self.assertEqual(segments["None"]["Recipients"], 2)
        self.assertEqual(segments["None"]["Buyers"], 0)
        self.assertEqual(segments["None"]["Holdout"], 3)
        stores = self._by_header(sheets["By Preferred Store"])
        self.assertEqual(stores["Madrid Centre"]["Recipients"], 1)
        self.assertAlmostEqual(stores["Madrid Centre"]["Revenue"], 100.0)
        self.assertEqual(stores["Madrid Centre"]["Holdout Buyers"], 1)
        self.assertEqual(stores[self.config.display_name]["Recipients"], 2)
        self.assertAlmostEqual(stores[self.config.display_name]["Revenue"], 50.0)
        self.assertEqual(stores["None"]["Recipients"], 1)
        self.assertEqual(stores["None"]["Holdout"], 3)
        channels = self._by_header(sheets["By Channel"])
        self.assertEqual(sum(row["Recipients"] for row in channels.values()), 4)
        self.assertAlmostEqual(sum(row["Revenue"] for row in channels.values()), 150.0)

    def test_export_of_a_campaign_never_sent(self):
        campaign = self.env["utm.campaign"].create({"title": "Not yet"})
        with self.assertRaisesRegex(UserError, "has been sent"):
            campaign.action_retail_export_results()

    def test_recurring_results_are_those_of_its_runs(self):
        """A run of a recurring mailing counts for the recurring mailing."""
        recurring = self.mailing.copy({"subject": "Birthday"})
        recurring.write({"retail_occasion": "birthday", "retail_occasion_days": 0})
        self.mailing.retail_recurring_id = recurring
        self._buy()
        recurring.invalidate_recordset()
        self.assertEqual(recurring.retail_buyer_count, 2)
        self.assertAlmostEqual(recurring.retail_revenue, 150.0)
        self.assertEqual(recurring.retail_holdout_count, 4)

    def test_analysis_per_store_and_group(self):
        self._buy()
        self.env.flush_all()
        groups = self.env["retail.marketing.result.report"]._read_group(
            [("campaign_id", "=", self.campaign.id)],
            ["store_id", "member_type"],
            ["customer_count:sum", "buyer_count:sum", "order_count:sum", "revenue:sum"],
        )
        figures = {
            (store.id or None, member): tuple(values)
            for store, member, *values in groups
        }
        self.assertEqual(
            figures,
            {
                (self.madrid.id, "recipient"): (1, 1, 1, 100.0),
                (self.madrid.id, "holdout"): (1, 1, 1, 50.0),
                (self.config.id, "recipient"): (2, 1, 1, 50.0),
                (None, "recipient"): (1, 0, 0, 0.0),
                (None, "holdout"): (3, 0, 0, 0.0),
            },
        )

    def test_analysis_per_segment(self):
        self._buy()
        self.env.flush_all()
        groups = self.env["retail.marketing.result.segment.report"]._read_group(
            [("campaign_id", "=", self.campaign.id)],
            ["segment_id", "member_type"],
            ["customer_count:sum", "buyer_count:sum", "revenue:sum"],
        )
        figures = {
            (segment.id or None, member): tuple(values)
            for segment, member, *values in groups
        }
        self.assertEqual(
            figures,
            {
                (self.vip.id, "recipient"): (2, 2, 150.0),
                (self.vip.id, "holdout"): (1, 1, 50.0),
                (None, "recipient"): (2, 0, 0.0),
                (None, "holdout"): (3, 0, 0.0),
            },
        )

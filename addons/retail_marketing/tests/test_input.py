# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import RetailMarketingCommon


@tagged("post_install", "-at_install", "retail_marketing")
class TestBadInput(RetailMarketingCommon):
    def test_audience_without_anyone_to_contact(self):
        mailing = self._mailing(self.excluded)
        self.assertEqual(mailing.retail_audience_count, 0)
        self.assertEqual(mailing.retail_excluded_count, 5)
        with self.assertRaisesRegex(UserError, "no recipients"):
            mailing.action_send_mail()
        self.assertFalse(self._sent_to(mailing)["traces"])

    def test_holdout_share_out_of_bounds(self):
        for value in (-1, 51, 1e9):
            with self.subTest(value=value), self.assertRaises(ValidationError):
                self._mailing(self.customers, retail_holdout_percent=value)

    def test_attribution_window_out_of_bounds(self):
        for days in (0, -3, 366, 10**6):
            with self.subTest(days=days), self.assertRaises(ValidationError):
                self.env["utm.campaign"].create(
                    {"title": "Winter", "retail_attribution_days": days}
                )

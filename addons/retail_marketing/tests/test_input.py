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

    def test_recurring_days_huge_negative_or_not_a_number(self):
        for days in (10**12, -5, 3651, "30", 2.5):
            with self.subTest(days=days), self.assertRaises(ValidationError):
                self._mailing(
                    self.customers, retail_occasion="winback", retail_occasion_days=days
                )
        mailing = self._mailing(self.customers, retail_occasion="birthday")
        for days in (61, -1, 10**12):
            with self.subTest(days=days), self.assertRaises(ValidationError):
                mailing.retail_occasion_days = days

    def test_recurring_occasion_needs_customers(self):
        with self.assertRaisesRegex(ValidationError, "recurring mailing goes to"):
            self._mailing(
                self.customers,
                retail_occasion="welcome",
                mailing_model_id=self.env["ir.model"]._get_id("mailing.list"),
                mailing_domain="[]",
            )

    def test_malformed_placeholders(self):
        cases = {
            "not closed": {"subject": "Hello {{ object.name"},
            "no field nme": {"subject": "Hello {{ object.nme }}"},
            "cannot be filled": {"body_html": "<p><t t-out='object.nme.x'/></p>"},
        }
        for message, vals in cases.items():
            with self.subTest(case=message):
                mailing = self._mailing(self.customers, **vals)
                with self.assertRaisesRegex(UserError, message):
                    mailing.action_launch()
                self.assertEqual(mailing.state, "draft")
                recurring = self._mailing(
                    self.customers, retail_occasion="birthday", **vals
                )
                with self.assertRaisesRegex(UserError, message):
                    recurring.action_retail_start()
                self.assertFalse(recurring.retail_occasion_active)
        sms = self._mailing(
            self.customers, mailing_type="sms", body_plaintext="Hi {{ object.x }}"
        )
        with self.assertRaisesRegex(UserError, "no field x"):
            sms.action_launch()

    def test_recurring_mailing_cannot_be_sent_once(self):
        recurring = self._mailing(self.customers, retail_occasion="welcome")
        for action in ("action_launch", "action_put_in_queue"):
            with self.subTest(action=action), self.assertRaises(UserError):
                getattr(recurring, action)()
        self.assertEqual(recurring.state, "draft")
        recurring.action_retail_start()
        with self.assertRaises(UserError):
            recurring.action_launch()
        self.assertEqual(recurring.state, "draft")

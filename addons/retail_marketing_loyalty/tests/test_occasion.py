# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .test_loyalty_campaign import EMAIL_BODY, RetailMarketingLoyaltyCommon


@tagged("post_install", "-at_install", "retail_marketing")
class TestPointsExpiryOccasion(RetailMarketingLoyaltyCommon):
    """The recurring mailing "points about to expire" reaches, every day, the
    customers whose earliest points expire within its days, once per lot."""

    def test_once_per_customer_and_lot_across_runs(self):
        everyone = self.ana | self.bruno | self.gina | self.hugo | self.ivan | self.jon
        mailing = self._mailing(
            everyone,
            subject="Your points expire soon",
            body_html=EMAIL_BODY,
            retail_occasion="points_expiry",
            retail_occasion_days=20,
        )
        mailing.action_retail_start()
        self._run_recurring()
        self._run_recurring()
        mails = self.env["mail.mail"].search(
            [("mailing_id", "in", mailing.retail_run_ids.ids)]
        )
        # Ana's expire in 20 days, Jon's in 10; Gina's in 30 and Hugo's in 31 are
        # not due yet, Ivan's in a year; Bruno has no consent
        self.assertEqual(
            self.Partner.browse(mails.mapped("res_id")), self.ana | self.jon
        )
        self.assertEqual(len(mails), 2, "once each, whatever the number of runs")
        ana = mails.filtered(lambda mail: mail.res_id == self.ana.id)
        self.assertIn("you have 120 points (Gold): 120 expire on", ana.body_html)

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .test_giftcard_campaign import EMAIL_BODY, RetailMarketingGiftcardCommon, plain


@tagged("post_install", "-at_install", "retail_marketing")
class TestGiftcardExpiryOccasion(RetailMarketingGiftcardCommon):
    """The recurring mailing "gift card about to expire" reaches, every day,
    the customers holding a card with a balance that expires within its days,
    once per customer and expiry."""

    def test_once_per_customer_across_runs(self):
        everyone = self.ana | self.bruno | self.gina | self.hugo | self.ivan | self.jon
        mailing = self._mailing(
            everyone,
            subject="Your gift card expires soon",
            body_html=EMAIL_BODY,
            retail_occasion="giftcard_expiry",
            retail_occasion_days=10,
        )
        mailing.action_retail_start()
        self._run_recurring()
        self._run_recurring()
        mails = self.env["mail.mail"].search(
            [("mailing_id", "in", mailing.retail_run_ids.ids)]
        )
        # Ana's card expires in 10 days, Hugo's first in 5; Gina's in 11; Jon's
        # is blocked, Ivan's day is past; Bruno has no consent
        self.assertEqual(
            self.Partner.browse(mails.mapped("res_id")), self.ana | self.hugo
        )
        self.assertEqual(len(mails), 2, "once each, whatever the number of runs")
        hugo = mails.filtered(lambda mail: mail.res_id == self.hugo.id)
        self.assertIn(
            f"5 days left to spend your {self._money(50)}", plain(hugo.body_html)
        )

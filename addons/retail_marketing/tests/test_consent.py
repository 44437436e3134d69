# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user, tagged

from .common import RetailMarketingCommon


@tagged("post_install", "-at_install", "retail_marketing")
class TestConsentRule(RetailMarketingCommon):
    def _assert_audience(self, mailing):
        self.assertEqual(mailing.retail_audience_count, 1)
        self.assertEqual(mailing.total, 1, "Odoo's own recipient count agrees")
        self.assertEqual(
            {
                "no consent": mailing.retail_excluded_no_consent_count,
                "no address": mailing.retail_excluded_no_address_count,
                "blacklisted": mailing.retail_excluded_blacklisted_count,
                "archived": mailing.retail_excluded_archived_count,
                "anonymised": mailing.retail_excluded_anonymized_count,
            },
            {
                "no consent": 1,
                "no address": 1,
                "blacklisted": 1,
                "archived": 1,
                "anonymised": 1,
            },
        )
        self.assertEqual(mailing.retail_excluded_count, 5)

    def test_email_reaches_only_contactable_customers(self):
        mailing = self._mailing(self.customers)
        self._assert_audience(mailing)
        mailing.action_send_mail()
        sent = self._sent_to(mailing)
        self.assertEqual(sent["traces"], self.ana)
        self.assertEqual(sent["mails"], self.ana)
        for partner in self.excluded:
            with self.subTest(partner=partner.name):
                self.assertNotIn(partner, sent["traces"] | sent["mails"])
        # the counts shown after the send are those of the moment it started
        self.bruno.retail_consent_email = True
        mailing.invalidate_recordset()
        self.assertEqual(mailing.retail_excluded_no_consent_count, 1)

    def test_sms_reaches_only_contactable_customers(self):
        mailing = self._mailing(self.customers, mailing_type="sms")
        self._assert_audience(mailing)
        mailing.action_send_sms()
        sent = self._sent_to(mailing)
        self.assertEqual(sent["traces"], self.ana)
        self.assertEqual(sent["sms"], self.ana)
        self.assertEqual(
            self.env["sms.sms"].search([("mailing_id", "=", mailing.id)]).number,
            "+34612000001",
        )

    def test_domain_written_by_the_user_cannot_widen_the_audience(self):
        """Unticking Odoo's exclusion list or naming archived customers in the
        domain changes nothing."""
        mailing = self._mailing(
            self.customers,
            use_exclusion_list=False,
            mailing_domain=repr(
                ["|", ("active", "=", False), ("id", "in", self.customers.ids)]
            ),
        )
        mailing.action_send_mail()
        self.assertEqual(self._sent_to(mailing)["traces"], self.ana)

    def test_retry_sends_nothing_twice_and_nothing_to_the_excluded(self):
        mailing = self._mailing(self.customers)
        mailing.action_send_mail()
        self.assertFalse(mailing._get_remaining_recipients())
        self.bruno.retail_consent_email = True
        self.assertEqual(mailing._get_remaining_recipients(), self.bruno.ids)

    def test_marketing_user_sends_with_holdout(self):
        marketer = new_test_user(
            self.env,
            login="marketer",
            groups="base.group_user,mass_mailing.group_mass_mailing_user",
        )
        reachable = self.ana | self._customer(
            "Gema Reachable", email="gema@example.com", retail_consent_email=True
        )
        mailing = self._mailing(
            self.customers | reachable, retail_holdout_percent=50
        ).with_user(marketer)
        mailing.action_send_mail()
        self.assertEqual(len(mailing.retail_holdout_ids), 1)
        self.assertEqual(
            self._sent_to(mailing)["traces"] | mailing.retail_holdout_ids.partner_id,
            reachable,
        )
        self.assertEqual(mailing.retail_audience_snapshot["audience"], 2)

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from urllib.parse import urlencode, urlsplit

from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, tagged

from .common import RetailMarketingCommon


@tagged("post_install", "-at_install", "retail_marketing")
class TestUnsubscribe(RetailMarketingCommon, HttpCase):
    def test_unsubscribe_link_withdraws_email_consent(self):
        mailing = self._mailing(self.customers)
        mailing.action_send_mail()
        url = urlsplit(
            mailing._get_unsubscribe_oneclick_url(self.ana.email, self.ana.id)
        )
        # what a mail client does with the List-Unsubscribe-Post header
        response = self.url_open(
            f"{url.path}?{url.query}", data={"List-Unsubscribe": "One-Click"}
        )
        self.assertEqual(response.status_code, 200)
        self.ana.invalidate_recordset()
        self.assertFalse(self.ana.retail_consent_email)
        self.assertTrue(self.ana.retail_consent_email_date)
        self.assertEqual(self.ana.retail_consent_email_source, "unsubscribe")
        self.assertTrue(self.ana.retail_consent_sms, "the other channel is kept")
        mailing.invalidate_recordset()
        self.assertEqual(mailing.retail_unsubscribed_count, 1)
        # the next mailing leaves her out
        self.assertFalse(self._mailing(self.customers).retail_audience_count)

    def test_sms_unsubscribe_withdraws_sms_consent(self):
        mailing = self._mailing(self.customers, mailing_type="sms")
        mailing.action_send_sms()
        trace = self.env["mailing.trace"].search([("mass_mailing_id", "=", mailing.id)])
        query = urlencode({"sms_number": trace.sms_number})
        response = self.url_open(
            f"/sms/{mailing.id}/unsubscribe/{trace.sms_code}?{query}"
        )
        self.assertEqual(response.status_code, 200)
        self.ana.invalidate_recordset()
        self.assertFalse(self.ana.retail_consent_sms)
        self.assertEqual(self.ana.retail_consent_sms_source, "unsubscribe")
        self.assertTrue(self.ana.retail_consent_email)

    def test_blacklist_in_back_office_withdraws_consent(self):
        self.env["mail.blacklist"]._add("ANA@example.com")
        self.assertFalse(self.ana.retail_consent_email)
        self.assertEqual(self.ana.retail_consent_email_source, "backoffice")
        self.env["phone.blacklist"]._add(["+34612000001"])
        self.assertFalse(self.ana.retail_consent_sms)
        self.assertEqual(self.ana.retail_consent_sms_source, "backoffice")

    def test_unsubscribe_source_written_in_the_customer_form(self):
        """The source is one of the customer file's: a form or an import may
        give it."""
        self.ana.write(
            {"retail_consent_sms": False, "retail_consent_sms_source": "unsubscribe"}
        )
        self.assertEqual(self.ana.retail_consent_sms_source, "unsubscribe")
        self.assertTrue(self.ana.retail_consent_sms_date)
        with self.assertRaises(ValidationError):
            self.ana.write({"retail_consent_email_source": "carrier pigeon"})

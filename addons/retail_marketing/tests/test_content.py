# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo.tests import tagged

from odoo.addons.retail_marketing.models import mailing_mailing

from .common import RetailMarketingCommon

EMAIL_BODY = (
    "<p>Dear <t t-out='object.name'/>, customer <t t-out='object.customer_number'/>,"
    " see you at <t t-out='object.retail_preferred_store_id.name'/>.</p>"
)
SMS_BODY = (
    "{{ object.name }} ({{ object.customer_number }}): 20% off at "
    "{{ object.retail_preferred_store_id.name }}"
)


@tagged("post_install", "-at_install", "retail_marketing")
class TestPersonalisedContent(RetailMarketingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.store = cls.env["pos.config"].create({"name": "Bilbao Old Town"})
        cls.ana.retail_preferred_store_id = cls.store
        cls.expected = f"{cls.ana.name} ({cls.ana.customer_number})"

    def test_email_body_is_personalised_and_previewed(self):
        self.assertTrue(self.ana.customer_number)
        mailing = self._mailing(
            self.customers,
            subject="{{ object.name }}, our spring sale",
            body_html=EMAIL_BODY,
        )
        self.assertEqual(
            mailing.retail_preview_subject, "Ana Reachable, our spring sale"
        )
        self.assertIn(
            f"Dear Ana Reachable, customer {self.ana.customer_number}, see you at "
            "Bilbao Old Town.",
            mailing.retail_preview_body,
        )
        mailing.action_send_mail()
        mail = self.env["mail.mail"].search([("mailing_id", "=", mailing.id)])
        self.assertEqual(mail.subject, "Ana Reachable, our spring sale")
        self.assertIn(f"customer {self.ana.customer_number}", mail.body_html)
        self.assertIn("Bilbao Old Town", mail.body_html)

    def test_sms_body_is_personalised_and_previewed(self):
        mailing = self._mailing(
            self.customers, mailing_type="sms", body_plaintext=SMS_BODY
        )
        expected = f"{self.expected}: 20% off at Bilbao Old Town"
        self.assertIn(expected, mailing.retail_preview_body)
        mailing.action_send_sms()
        sms = self.env["sms.sms"].search([("mailing_id", "=", mailing.id)])
        self.assertTrue(sms.body.startswith(expected), sms.body)

    def test_preview_for_a_chosen_recipient(self):
        other = self._customer(
            "Olga Other", email="olga@example.com", retail_consent_email=True
        )
        mailing = self._mailing(self.customers | other, body_html=EMAIL_BODY)
        mailing.retail_preview_partner_id = other
        self.assertIn("Dear Olga Other", mailing.retail_preview_body)

    def test_sms_to_more_recipients_than_a_composer_holds(self):
        """Odoo's SMS composer holds its recipients' ids as text of limited
        size: a big send goes through several composers, each recipient
        receiving one message."""
        others = self.Partner
        for index in range(4):
            others |= self._contactable(f"Sara{index} Many", f"05{index}")
        mailing = self._mailing(
            self.customers | others, mailing_type="sms", body_plaintext=SMS_BODY
        )
        with patch.object(mailing_mailing, "SMS_COMPOSER_SIZE", 2):
            mailing.action_send_sms()
        sms = self.env["sms.sms"].search([("mailing_id", "=", mailing.id)])
        self.assertEqual(sorted(sms.partner_id.ids), sorted((self.ana | others).ids))
        for message in sms:
            with self.subTest(partner=message.partner_id.name):
                self.assertTrue(message.body.startswith(message.partner_id.name))
        self.assertEqual(mailing.retail_audience_count, 5)

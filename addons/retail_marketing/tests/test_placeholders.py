# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import RetailMarketingCommon

EMAIL_BODY = (
    "<p><t t-out='object.name'/> <t t-out='object.customer_number'/> "
    "<t t-out='object.retail_preferred_store_id.name'/> <t t-out='object.city'/> "
    "<t t-out='object.retail_last_purchase_text'/></p>"
)
SMS_BODY = (
    "{{ object.name }} {{ object.customer_number }} "
    "{{ object.retail_preferred_store_id.name }} {{ object.city }} "
    "{{ object.retail_last_purchase_text }}"
)


@tagged("post_install", "-at_install", "retail_marketing")
class TestPlaceholdersForMarketers(RetailMarketingCommon):
    """The placeholders the module documents are usable by a marketer who is
    not a mail template editor (Odoo lets only administrators write other
    expressions in a mailing)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.marketer = new_test_user(
            cls.env,
            login="placeholder_marketer",
            groups="base.group_user,mass_mailing.group_mass_mailing_user",
        )
        cls.ana.write(
            {
                "city": "Bilbao",
                "retail_preferred_store_id": cls.env["pos.config"]
                .create({"name": "Bilbao Old Town"})
                .id,
                "lang": "en_US",
                "tz": "Europe/Madrid",
                # 21 November in Bilbao
                "retail_last_purchase_date": "2026-11-20 23:30:00",
            }
        )

    def test_email_placeholders(self):
        self.assertFalse(self.marketer.has_group("mail.group_mail_template_editor"))
        mailing = self._mailing(
            self.ana, subject="{{ object.customer_number }}", body_html=EMAIL_BODY
        )
        mailing.with_user(self.marketer).action_send_mail()
        mail = self.env["mail.mail"].search([("mailing_id", "=", mailing.id)])
        self.assertEqual(mail.subject, self.ana.customer_number)
        self.assertIn(
            f"Ana Reachable {self.ana.customer_number} Bilbao Old Town Bilbao "
            "11/21/2026",
            mail.body_html,
        )

    def test_sms_placeholders(self):
        mailing = self._mailing(self.ana, mailing_type="sms", body_plaintext=SMS_BODY)
        mailing.with_user(self.marketer).action_send_sms()
        sms = self.env["sms.sms"].search([("mailing_id", "=", mailing.id)])
        self.assertTrue(
            sms.body.startswith(
                f"Ana Reachable {self.ana.customer_number} Bilbao Old Town Bilbao "
                "11/21/2026"
            ),
            sms.body,
        )

    def test_other_expressions_stay_refused(self):
        mailing = self._mailing(
            self.ana, body_html="<p><t t-out='object.create_uid.login'/></p>"
        )
        with self.assertRaisesRegex(AccessError, "Mail Template Editor"):
            mailing.with_user(self.marketer).action_send_mail()

    def test_placeholder_styled_by_the_email_editor(self):
        """The email editor saves the body with every element's style inline,
        the placeholders' included: the marketer's mailing saves and prints
        the placeholder."""
        mailing = (
            self.env["mailing.mailing"]
            .with_user(self.marketer)
            .create(
                {
                    "subject": "Spring sale",
                    "mailing_model_id": self.partner_model_id,
                    "mailing_domain": repr([("id", "in", self.ana.ids)]),
                    "retail_holdout_percent": 0,
                    "body_html": '<p style="margin:0px;">Hi <t t-out="object.name"'
                    ' style="border-radius:0px;font-size:14px;">customer</t>!</p>',
                }
            )
        )
        mailing.write(
            {
                "body_html": '<p>Hello <t t-out="object.name" style="margin:0px;"'
                ' width="100%">customer</t>!</p>'
            }
        )
        self.assertEqual(
            mailing.body_html,
            '<p>Hello <t t-out="object.name">customer</t>!</p>',
        )
        mailing.with_user(self.marketer).action_send_mail()
        mail = self.env["mail.mail"].search([("mailing_id", "=", mailing.id)])
        self.assertIn("Hello Ana Reachable!", mail.body_html)

    def test_styled_other_expressions_stay_refused(self):
        mailing = self._mailing(self.ana)
        with self.assertRaisesRegex(AccessError, "Mail Template Editor"):
            mailing.with_user(self.marketer).write(
                {
                    "body_html": '<p><t t-out="object.create_uid.login"'
                    ' style="margin:0px;"/></p>'
                }
            )

    def test_placeholder_styles_keep_the_directives(self):
        """Only the style goes: a template editor's directives stay whole,
        a ``>`` in their expression included."""
        mailing = self._mailing(
            self.ana,
            body_html='<p><t t-if="object.id &gt; 0" style="margin:0px;">Hi</t>'
            '<t t-out="object.name" t-options="{}" class="x"/></p>',
        )
        self.assertEqual(
            mailing.body_html,
            '<p><t t-if="object.id &gt; 0">Hi</t>'
            '<t t-out="object.name" t-options="{}"/></p>',
        )
        mailing.write({"body_html": '<p><t t-if="object.id > 0" style="x">Hi</t></p>'})
        self.assertEqual(mailing.body_html, '<p><t t-if="object.id &gt; 0">Hi</t></p>')

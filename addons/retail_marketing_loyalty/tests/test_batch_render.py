# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged
from odoo.tools import format_date, formatLang

from .test_loyalty_campaign import EMAIL_BODY, SMS_BODY, RetailMarketingLoyaltyCommon


@tagged("post_install", "-at_install", "retail_marketing")
class TestBatchRender(RetailMarketingLoyaltyCommon):
    """A send renders its recipients' messages together: each customer's
    message is the one rendered for them alone (preview), in their language."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.gina.lang = "fr_FR"
        # a balance with thousands and decimals, printed the French way
        cls._earn(cls.gina, 1250.5)
        cls.trio = cls.ana | cls.gina | cls.jon

    def _single(self, mailing, fname, partner):
        self.env.invalidate_all()
        return mailing._render_field(fname, partner.ids)[partner.id]

    def test_email_batch_render_equals_single_render(self):
        mailing = self._campaign([("id", "in", self.trio.ids)], body_html=EMAIL_BODY)
        singles = {
            partner.id: self._single(mailing, "body_html", partner)
            for partner in self.trio
        }
        self.env.invalidate_all()
        self.assertEqual(mailing._render_field("body_html", self.trio.ids), singles)
        french = self.env(context={"lang": "fr_FR"})
        self.assertIn(
            f"you have {formatLang(french, 1330.5)} points (): 80 expire on "
            f"{format_date(french, self._expiry(30), lang_code='fr_FR')}.",
            singles[self.gina.id],
        )
        self.assertIn("you have 120 points (Gold): 120 expire", singles[self.ana.id])
        self.assertIn("you have 70 points (): 20 expire", singles[self.jon.id])
        mailing.action_send_mail()
        mails = self.env["mail.mail"].search([("mailing_id", "=", mailing.id)])
        self.assertEqual(sorted(mails.mapped("res_id")), sorted(self.trio.ids))
        for mail in mails:
            with self.subTest(partner=mail.res_id):
                self.assertIn(singles[mail.res_id], mail.body_html)

    def test_sms_batch_render_equals_single_render(self):
        mailing = self._campaign(
            [("id", "in", self.trio.ids)], mailing_type="sms", body_plaintext=SMS_BODY
        )
        singles = {
            partner.id: self._single(mailing, "body_plaintext", partner)
            for partner in self.trio
        }
        mailing.action_send_sms()
        sent = self.env["sms.sms"].search([("mailing_id", "=", mailing.id)])
        self.assertEqual(
            {sms.partner_id.id: sms.body for sms in sent},
            {partner_id: body for partner_id, body in singles.items()},
        )
        self.assertIn(
            format_date(self.env, self._expiry(30), lang_code="fr_FR"),
            singles[self.gina.id],
        )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import new_test_user, tagged
from odoo.tools import format_date

from odoo.addons.retail_marketing.tests.common import RetailMarketingCommon
from odoo.addons.sms.tests.common import SMSCase

EMAIL_BODY = (
    "<p>Dear <t t-out='object.name'/>,"
    " <t t-out='object.retail_giftcard_expiry_days'/> days left to spend your"
    " <t t-out='object.retail_giftcard_balance_text'/>, until"
    " <t t-out='object.retail_giftcard_expiry_date_text'/>.</p>"
)
SMS_BODY = (
    "{{ object.name }}: {{ object.retail_giftcard_expiry_days }} days left to "
    "spend your {{ object.retail_giftcard_balance_text }}"
)


def plain(text):
    """``text`` with its non-breaking spaces (of money amounts) as spaces."""
    for space in ("\xa0", "&nbsp;", "&#160;"):
        text = text.replace(space, " ")
    return text


class RetailMarketingGiftcardCommon(RetailMarketingCommon):
    """Gift cards of a series held by customers, expiring on both sides of 10
    days: Ana 20 in 10 days, Gina 35 in 11, Hugo 50 in 5 (and 15 in 8), Jon
    40 in 4 but blocked, Ivan 30 whose day is past (not yet expired by the
    job), Bruno (no consent) 25 in 2."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.today()
        cls.series = cls.env["retail.giftcard.series"].create(
            {
                "name": "Store cards",
                "prefix": "7701",
                "number_length": 12,
                "min_load": 5,
                "max_load": 300,
                "max_balance": 500,
                "validity_months": 12,
            }
        )
        cls.program = cls.series.program_id
        cls.gina = cls._contactable("Gina Outside", "007")
        cls.hugo = cls._contactable("Hugo Two Cards", "008")
        cls.ivan = cls._contactable("Ivan Past", "009")
        cls.jon = cls._contactable("Jon Blocked", "010")
        cls._card(cls.ana, 20, 10)
        cls._card(cls.gina, 35, 11)
        cls._card(cls.hugo, 15, 8)
        cls._card(cls.hugo, 50, 5)
        cls._card(cls.jon, 40, 4).sudo().action_retail_block("Lost")
        cls._card(cls.ivan, 30, 3).expiration_date = cls.today - relativedelta(days=1)
        cls._card(cls.bruno, 25, 2)

    @classmethod
    def _card(cls, partner, amount, days):
        """A card of the series sold with ``amount``, held by ``partner``,
        valid ``days`` more days."""
        Card = cls.env["loyalty.card"]
        card = Card.browse(
            cls.series._generate_cards(
                1, expiration_date=cls.today + relativedelta(days=days)
            )
        )
        Card._retail_giftcard_load([{"card": card, "amount": amount}])
        card.partner_id = partner
        return card

    def _money(self, amount):
        return plain(self.program._retail_format_money(amount))


@tagged("post_install", "-at_install", "retail_marketing")
class TestGiftcardAudience(RetailMarketingGiftcardCommon):
    def test_cards_expiring_within_n_days(self):
        mailing = self._campaign([("retail_giftcard_expiry_days", "<=", 10)])
        self.assertEqual(
            self.Partner.browse(mailing._get_recipients()), self.ana | self.hugo
        )
        self.assertEqual(mailing.retail_excluded_no_consent_count, 1, "Bruno")
        mailing.action_send_mail()
        self.assertEqual(self._sent_to(mailing)["mails"], self.ana | self.hugo)
        self.assertEqual(
            self.Partner.search([("retail_giftcard_expiry_days", "<=", 10)]),
            self.ana | self.hugo | self.bruno,
        )
        self.assertEqual(
            self.Partner.search([("retail_giftcard_expiry_days", "<=", 4)]),
            self.bruno,
            "Jon's card is blocked, Ivan's past its day",
        )

    def test_first_card_to_expire(self):
        self.assertRecordValues(
            self.hugo | self.ana | self.jon | self.ivan,
            [
                {
                    "retail_giftcard_expiry_date": self.today + relativedelta(days=5),
                    "retail_giftcard_expiry_days": 5,
                    "retail_giftcard_balance": 50,
                },
                {
                    "retail_giftcard_expiry_date": self.today + relativedelta(days=10),
                    "retail_giftcard_expiry_days": 10,
                    "retail_giftcard_balance": 20,
                },
                {
                    "retail_giftcard_expiry_date": False,
                    "retail_giftcard_expiry_days": 0,
                    "retail_giftcard_balance": 0,
                },
                {
                    "retail_giftcard_expiry_date": False,
                    "retail_giftcard_expiry_days": 0,
                    "retail_giftcard_balance": 0,
                },
            ],
        )
        self.assertEqual(
            self.Partner.search(
                [
                    (
                        "retail_giftcard_expiry_date",
                        "=",
                        self.today + relativedelta(days=11),
                    )
                ]
            ),
            self.gina,
        )

    def test_consent_still_applies(self):
        mailing = self._campaign([("id", "=", self.bruno.id)], mailing_type="sms")
        self.assertEqual(self.bruno.retail_giftcard_balance, 25)
        self.assertFalse(mailing._get_recipients())
        self.assertEqual(mailing.retail_excluded_no_consent_count, 1)

    def test_bad_number_of_days(self):
        self.assertDaysRefused(
            "retail_giftcard_expiry_days", "Days Left on Gift Card", (-5, 10**12)
        )


@tagged("post_install", "-at_install", "retail_marketing")
class TestGiftcardContent(RetailMarketingGiftcardCommon, SMSCase):
    def test_email_carries_balance_and_expiry(self):
        mailing = self._campaign(
            [("retail_giftcard_expiry_days", "<=", 10)],
            subject="{{ object.retail_giftcard_expiry_days }} days left",
            body_html=EMAIL_BODY,
        )
        # a marketer who is not a mail template editor sends it
        marketer = new_test_user(
            self.env,
            login="giftcard_marketer",
            groups="base.group_user,mass_mailing.group_mass_mailing_user",
        )
        mailing.with_user(marketer).action_send_mail()
        mails = self.env["mail.mail"].search([("mailing_id", "=", mailing.id)])
        by_partner = {mail.res_id: mail for mail in mails}
        self.assertEqual(set(by_partner), {self.ana.id, self.hugo.id})
        for partner, amount, days in ((self.ana, 20, 10), (self.hugo, 50, 5)):
            expiry = format_date(self.env, self.today + relativedelta(days=days))
            with self.subTest(partner=partner.name):
                self.assertIn(
                    f"Dear {partner.name}, {days} days left to spend your "
                    f"{self._money(amount)}, until {expiry}.",
                    plain(by_partner[partner.id].body_html),
                )
                self.assertEqual(by_partner[partner.id].subject, f"{days} days left")

    def test_sms_carries_balance_and_days_left(self):
        mailing = self._campaign(
            [("retail_giftcard_expiry_days", "<=", 10)],
            mailing_type="sms",
            body_plaintext=SMS_BODY,
            sms_force_send=True,
        )
        with self.mockSMSGateway():
            mailing.action_send_sms()
        sent = self.env["sms.sms"].search([("mailing_id", "=", mailing.id)])
        self.assertEqual(sent.partner_id, self.ana | self.hugo)
        for partner, number, amount, days in (
            (self.ana, "+34612000001", 20, 10),
            (self.hugo, "+34612000008", 50, 5),
        ):
            with self.subTest(partner=partner.name):
                self.assertSMS(partner, number, "pending")
                sms = sent.filtered(lambda sms, p=partner: sms.partner_id == p)
                self.assertIn(
                    f"{partner.name}: {days} days left to spend your "
                    f"{self._money(amount)}",
                    plain(sms.body),
                )

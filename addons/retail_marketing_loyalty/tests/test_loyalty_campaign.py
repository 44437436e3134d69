# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import SQL, format_date

from odoo.addons.retail_marketing.tests.common import RetailMarketingCommon
from odoo.addons.sms.tests.common import SMSCase

EXPIRY_MONTHS = 12

EMAIL_BODY = (
    "<p>Dear <t t-out='object.name'/>, you have"
    " <t t-out='object.retail_loyalty_points_text'/> points"
    " (<t t-out='object.retail_loyalty_tier_id.name'/>):"
    " <t t-out='object.retail_points_expiring_text'/> expire on"
    " <t t-out='object.retail_points_expiry_date_text'/>.</p>"
)
SMS_BODY = (
    "{{ object.name }}: {{ object.retail_points_expiring_text }} points expire on "
    "{{ object.retail_points_expiry_date_text }}, in "
    "{{ object.retail_points_expiry_days }} days"
)


class RetailMarketingLoyaltyCommon(RetailMarketingCommon):
    """A retail loyalty program whose points expire after 12 months (notice
    10 days before) and customers whose points expire on both sides of 30
    days: Ana in 20 days, Gina in 30, Hugo in 31, Ivan in a year, Jon in 10
    (what is left of an older lot after a spend), Bruno (no consent) in 5."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.today()
        cls.program = cls.env["loyalty.program"].create(
            {
                "name": "Retail Points",
                "program_type": "loyalty",
                "applies_on": "both",
                "trigger": "auto",
                "retail_ledger": True,
                "retail_expiry_months": EXPIRY_MONTHS,
                "retail_notice_days": 10,
                "rule_ids": [
                    Command.create(
                        {"reward_point_mode": "money", "reward_point_amount": 1}
                    )
                ],
            }
        )
        cls.gold = cls.env["retail.loyalty.tier"].create(
            {"name": "Gold", "program_id": cls.program.id, "threshold": 1000}
        )
        cls.gina = cls._contactable("Gina Boundary", "007")
        cls.hugo = cls._contactable("Hugo Outside", "008")
        cls.ivan = cls._contactable("Ivan Recent", "009")
        cls.jon = cls._contactable("Jon Spent", "010")
        cls.ana_card = cls._earn(cls.ana, 120, expires_in=20)
        cls.ana_card.sudo().retail_tier_id = cls.gold
        cls._earn(cls.gina, 80, expires_in=30)
        cls._earn(cls.hugo, 50, expires_in=31)
        cls.ivan_card = cls._earn(cls.ivan, 200)
        cls.ivan_card.sudo().retail_tier_id = cls.gold
        cls._earn(cls.jon, 60, expires_in=10)
        jon_card = cls._earn(cls.jon, 50)
        cls.env["loyalty.card"]._retail_post_movements(
            [{"card": jon_card, "amount": -40, "kind": "spend"}]
        )
        cls._earn(cls.bruno, 30, expires_in=5)

    @classmethod
    def _earn(cls, partner, points, expires_in=None, kind="earn"):
        """Post ``points`` earned (or ``kind``) by ``partner``; with
        ``expires_in``, dated so that they expire that many days from today."""
        Card = cls.env["loyalty.card"]
        card = Card.search(
            [("partner_id", "=", partner.id), ("program_id", "=", cls.program.id)]
        ) or Card.create({"program_id": cls.program.id, "partner_id": partner.id})
        Card._retail_post_movements(
            [{"card": card, "amount": points, "kind": kind, "reason": "Campaign"}]
        )
        if expires_in is not None:
            earned = cls._earned_on(expires_in)
            row = cls.env["loyalty.history"].search(
                [("card_id", "=", card.id)], order="id desc", limit=1
            )
            cls.env.flush_all()
            cls.env.cr.execute(
                SQL(
                    "UPDATE loyalty_history SET create_date = %s WHERE id = %s",
                    datetime.combine(earned, time(12)),
                    row.id,
                )
            )
            cls.env.invalidate_all()
            # a row dated by hand: the card's next expiry is read again
            card._retail_refresh_next_expiry()
        return card

    @classmethod
    def _earned_on(cls, expires_in):
        return cls.today + relativedelta(days=expires_in, months=-EXPIRY_MONTHS)

    @classmethod
    def _expiry(cls, expires_in):
        """The day points that expire in ``expires_in`` days expire, by the
        program's rule."""
        return cls.program._retail_lot_expiry_date(cls._earned_on(expires_in))

    def _recipients(self, mailing):
        return self.Partner.browse(mailing._get_recipients())


@tagged("post_install", "-at_install", "retail_marketing")
class TestLoyaltyAudience(RetailMarketingLoyaltyCommon):
    def test_points_expiring_within_n_days(self):
        mailing = self._campaign([("retail_points_expiry_days", "<=", 30)])
        self.assertEqual(self._recipients(mailing), self.ana | self.gina | self.jon)
        self.assertEqual(mailing.retail_audience_count, 3)
        self.assertEqual(mailing.retail_excluded_no_consent_count, 1, "Bruno")
        mailing.action_send_mail()
        self.assertEqual(
            self._sent_to(mailing)["mails"], self.ana | self.gina | self.jon
        )
        # the customer list's filter gives the same customers, consent aside
        self.assertEqual(
            self.Partner.search([("retail_points_expiry_days", "<=", 30)]),
            self.ana | self.gina | self.jon | self.bruno,
        )
        self.assertEqual(
            self.Partner.search([("retail_points_expiry_days", ">", 30)]),
            self.hugo | self.ivan,
        )

    def test_next_expiry_date_and_points(self):
        self.assertRecordValues(
            self.ana | self.jon | self.ivan | self.carla,
            [
                {
                    "retail_points_expiry_date": self._expiry(20),
                    "retail_points_expiry_days": (self._expiry(20) - self.today).days,
                    "retail_points_expiring": 120,
                    "retail_points_expiring_soon": 0,
                },
                {
                    # the spend took the oldest lot first: 20 of its 60 are left
                    "retail_points_expiry_date": self._expiry(10),
                    "retail_points_expiry_days": (self._expiry(10) - self.today).days,
                    "retail_points_expiring": 20,
                    "retail_points_expiring_soon": 20,
                },
                {
                    "retail_points_expiry_date": self.program._retail_lot_expiry_date(
                        self.today
                    ),
                    "retail_points_expiry_days": (
                        self.program._retail_lot_expiry_date(self.today) - self.today
                    ).days,
                    "retail_points_expiring": 200,
                    "retail_points_expiring_soon": 0,
                },
                {
                    "retail_points_expiry_date": False,
                    "retail_points_expiry_days": 0,
                    "retail_points_expiring": 0,
                    "retail_points_expiring_soon": 0,
                },
            ],
        )
        # the loyalty card of retail_loyalty announces the same lot
        jon_card = self.jon.retail_loyalty_card_ids
        self.assertEqual(jon_card.retail_expiring_date, self._expiry(10))
        self.assertEqual(jon_card.retail_expiring_points, 20)
        boundary = self._expiry(30)
        self.assertEqual(
            self.Partner.search([("retail_points_expiry_date", "<=", boundary)]),
            self.ana | self.gina | self.jon | self.bruno,
        )
        self.assertEqual(
            self.Partner.search([("retail_points_expiry_date", "=", boundary)]),
            self.gina,
        )
        self.assertIn(
            self.carla, self.Partner.search([("retail_points_expiry_date", "=", False)])
        )

    def test_lots_agree_with_the_expiry_job(self):
        kim = self._contactable("Kim Lots", "011")
        card = self._earn(kim, 100, expires_in=40)
        self._earn(kim, 50, expires_in=100)
        self._earn(kim, 30, expires_in=200, kind="adjust")
        self._earn(kim, -120, kind="spend")
        self._earn(kim, 25)
        self._earn(kim, -5, kind="adjust")
        rows = self.env.execute_query(self.Partner._retail_points_lots_query(kim.ids))
        self.assertEqual(
            sorted((expiry, float(points)) for __, expiry, __, points in rows),
            self.program._retail_expiry_lots(card.ids)[card.id],
        )
        # 100 + 50 + 30 + 25 earned, 125 spent oldest first: 25 of the second lot
        self.assertRecordValues(
            kim,
            [
                {
                    "retail_points_expiry_date": self._expiry(100),
                    "retail_points_expiring": 25,
                    "retail_loyalty_points_text": "80",
                }
            ],
        )

    def test_points_expiring_soon_in_the_notice_period(self):
        mailing = self._campaign([("retail_points_expiring_soon", ">", 0)])
        self.assertEqual(self._recipients(mailing), self.jon)
        self.assertEqual(
            self.Partner.search([("retail_points_expiring_soon", ">=", 30)]),
            self.bruno,
        )
        none_soon = self.Partner.search([("retail_points_expiring_soon", "=", 0)])
        self.assertIn(self.carla, none_soon, "no points at all")
        self.assertIn(self.ana, none_soon, "points expiring after the notice")
        self.assertNotIn(self.jon, none_soon)

    def test_points_balance_and_tier(self):
        mailing = self._campaign(
            [
                ("retail_loyalty_tier_id.name", "=", "Gold"),
                ("retail_loyalty_points", ">=", 150),
            ],
            mailing_type="sms",
        )
        self.assertEqual(self._recipients(mailing), self.ivan)
        mailing = self._campaign([("retail_loyalty_tier_id", "=", self.gold.id)])
        self.assertEqual(self._recipients(mailing), self.ana | self.ivan)

    def test_consent_still_applies(self):
        mailing = self._campaign([("id", "=", self.bruno.id)])
        self.assertEqual(self.bruno.retail_points_expiring, 30)
        self.assertFalse(self._recipients(mailing))
        self.assertEqual(mailing.retail_excluded_no_consent_count, 1)
        with self.assertRaises(UserError):
            mailing.action_send_mail()
        self.assertFalse(self._sent_to(mailing)["mails"])

    def test_bad_number_of_days(self):
        self.assertDaysRefused(
            "retail_points_expiry_days", "Days to Points Expiry", (-1, 10**9, 3661)
        )


@tagged("post_install", "-at_install", "retail_marketing")
class TestLoyaltyContent(RetailMarketingLoyaltyCommon, SMSCase):
    def test_email_carries_points_tier_and_expiry(self):
        mailing = self._campaign(
            [("retail_points_expiry_days", "<=", 30)],
            subject="{{ object.name }}, {{ object.retail_points_expiring_text }} "
            "points expire soon",
            body_html=EMAIL_BODY,
        )
        mailing.retail_preview_partner_id = self.ana
        marketer = new_test_user(
            self.env,
            login="loyalty_marketer",
            groups="base.group_user,mass_mailing.group_mass_mailing_user",
        )
        preview = mailing.with_user(marketer).retail_preview_body
        self.assertIn("Dear Ana Reachable, you have 120 points (Gold)", preview)
        # a marketer who is not a mail template editor sends it
        mailing.with_user(marketer).action_send_mail()
        mails = self.env["mail.mail"].search([("mailing_id", "=", mailing.id)])
        by_partner = {mail.res_id: mail for mail in mails}
        ana_date = format_date(self.env, self._expiry(20))
        self.assertIn(
            f"Dear Ana Reachable, you have 120 points (Gold): 120 expire on "
            f"{ana_date}.",
            by_partner[self.ana.id].body_html,
        )
        self.assertEqual(
            by_partner[self.ana.id].subject, "Ana Reachable, 120 points expire soon"
        )
        jon_date = format_date(self.env, self._expiry(10))
        self.assertIn(
            f"Dear Jon Spent, you have 70 points (): 20 expire on {jon_date}.",
            by_partner[self.jon.id].body_html,
        )
        self.assertNotIn(self.bruno.id, by_partner)

    def test_sms_carries_points_and_expiry(self):
        mailing = self._campaign(
            [("retail_points_expiry_days", "<=", 30)],
            mailing_type="sms",
            body_plaintext=SMS_BODY,
            sms_force_send=True,
        )
        with self.mockSMSGateway():
            mailing.action_send_sms()
        for partner, number, points, days in (
            (self.ana, "+34612000001", "120", 20),
            (self.gina, "+34612000007", "80", 30),
            (self.jon, "+34612000010", "20", 10),
        ):
            expiry = self._expiry(days)
            text = (
                f"{partner.name}: {points} points expire on "
                f"{format_date(self.env, expiry)}, in {(expiry - self.today).days} "
                "days"
            )
            with self.subTest(partner=partner.name):
                self.assertSMS(partner, number, "pending", content=text)
        sent = self.env["sms.sms"].search([("mailing_id", "=", mailing.id)])
        self.assertEqual(sent.partner_id, self.ana | self.gina | self.jon)

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime
from unittest.mock import patch

from odoo.tests import freeze_time, new_test_user, tagged
from odoo.tools import SQL

from odoo.addons.retail_customer.tests.common import no_commit

from .common import RetailLoyaltyCommon


@tagged("post_install", "-at_install")
class TestExpiryNotice(RetailLoyaltyCommon):
    """The notice announces each lot of points with the day the expiry job
    removes it, in the customer's language; the job removes exactly those
    points on that day."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Spanish installed as Settings does it: the modules' terms loaded
        cls.env["res.lang"]._activate_lang("es_ES")
        cls.env["ir.module.module"].search(
            [("name", "=", "retail_loyalty")]
        )._update_translations(["es_ES"])
        cls.program.write({"retail_expiry_months": 12, "retail_notice_days": 30})
        cls.ana = cls.env["res.partner"].create(
            {
                "name": "Ana Lotes",
                "email": "ana.lotes@example.com",
                "mobile": "+34 612 555 001",
                "lang": "es_ES",
                "retail_consent_email": True,
                "retail_consent_sms": True,
            }
        )
        cls.manager = new_test_user(
            cls.env,
            login="notice_lot_manager",
            groups="base.group_user,retail_card.group_card_store_manager",
        )

    def _earn(self, points, when, kind="earn"):
        """Post ``points`` on Ana's card and date the ledger row ``when``."""
        card = self._card(self.ana) or self.Card.create(
            {"program_id": self.program.id, "partner_id": self.ana.id}
        )
        self.Card._retail_post_movements(
            [{"card": card, "amount": points, "kind": kind}]
        )
        row = self._ledger(card)[-1]
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE loyalty_history SET create_date = %s WHERE id = %s",
                when,
                row.id,
            )
        )
        self.env.invalidate_all()
        return card

    def _lots_card(self):
        """50 points on 2025-12-12, 20 on 2026-01-03, 40 on 2026-02-20, and 20
        spent on 2026-06-01 (from the oldest lot): on 2026-12-07 the notice
        period (30 days) holds 30 points expiring on 2026-12-12 and 20 on
        2027-01-03."""
        self._earn(50, datetime(2025, 12, 12, 10, 0))
        self._earn(20, datetime(2026, 1, 3, 15, 30))
        card = self._earn(40, datetime(2026, 2, 20, 9, 0))
        self._earn(-20, datetime(2026, 6, 1, 12, 0), kind="spend")
        self.assertEqual(card.points, 90)
        return card

    def _notice_mail(self, card):
        return self.env["mail.mail"].search(
            [("model", "=", "loyalty.card"), ("res_id", "=", card.id)]
        )

    def _notice_sms(self):
        return self.env["sms.sms"].search([("partner_id", "=", self.ana.id)])

    def assertLotsAnnounced(self, text):
        # in Spanish, with its date format (day/month/year), the real days left
        # per lot
        self.assertIn("30 Points caducan el 12/12/2026 (dentro de 5 días)", text)
        self.assertIn("20 Points caducan el 03/01/2027 (dentro de 27 días)", text)
        self.assertNotIn("20/02/2027", text, "outside the notice period")

    def test_card_shows_the_earliest_lot(self):
        card = self._lots_card()
        with freeze_time("2026-12-07 08:00:00"):
            card.invalidate_recordset()
            self.assertRecordValues(
                card,
                [
                    {
                        "retail_expiring_points": 50,
                        "retail_expiring_date": date(2026, 12, 12),
                        "retail_expiring_days": 5,
                    }
                ],
            )

    def test_manager_button_announces_each_lot(self):
        card = self._lots_card()
        with freeze_time("2026-12-07 08:00:00"):
            result = card.with_user(self.manager).action_retail_send_notice()
        self.assertEqual(result, {"email": 1, "sms": 1, "skipped": 0})
        mail = self._notice_mail(card)
        self.assertEqual(len(mail), 1)
        self.assertLotsAnnounced(str(mail.body_html))
        sms = self._notice_sms()
        self.assertEqual(len(sms), 1)
        self.assertLotsAnnounced(sms.body)
        self.assertEqual(
            sms.body,
            "Ana Lotes, tiene 90 Points. 30 Points caducan el 12/12/2026 (dentro "
            "de 5 días); 20 Points caducan el 03/01/2027 (dentro de 27 días).",
        )
        self.assertIn("Estimado/a Ana Lotes", str(mail.body_html))

    def test_cron_announces_each_lot_then_the_job_removes_them_that_day(self):
        card = self._lots_card()
        cron = self.env.ref("retail_loyalty.ir_cron_expiry_notices")
        with (
            freeze_time("2026-12-07 08:00:00"),
            patch.object(type(self.env["ir.cron"]), "_commit_progress", no_commit),
        ):
            cron.ir_actions_server_id.with_user(cron.user_id).run()
        self.assertLotsAnnounced(str(self._notice_mail(card).body_html))
        self.assertLotsAnnounced(self._notice_sms().body)

        expire = self.env.ref("retail_loyalty.ir_cron_expire_points")

        def run_expiry_job(when):
            with (
                freeze_time(when),
                patch.object(type(self.env["ir.cron"]), "_commit_progress", no_commit),
            ):
                expire.ir_actions_server_id.with_user(expire.user_id).run()
            card.invalidate_recordset()
            return card.points

        # the day before the announced day, nothing goes
        self.assertEqual(run_expiry_job("2026-12-11 23:30:00"), 90)
        # on the announced day, exactly the 30 points announced
        self.assertEqual(run_expiry_job("2026-12-12 01:00:00"), 60)
        self.assertEqual(run_expiry_job("2026-12-12 22:00:00"), 60, "once")
        self.assertEqual(run_expiry_job("2027-01-02 12:00:00"), 60)
        self.assertEqual(run_expiry_job("2027-01-03 00:30:00"), 40)
        expired = self._ledger(card).filtered(lambda row: row.retail_kind == "expire")
        self.assertEqual(expired.mapped("used"), [30, 20])
        self.assertBalanceInvariant(card)

    def test_lots_end_of_month(self):
        """With 13 months, points earned on 31 January expire on the last
        day of February of the next year; the notice and the job agree."""
        self.program.retail_expiry_months = 13
        card = self._earn(10, datetime(2027, 1, 31, 18, 0))
        with freeze_time("2028-02-20 09:00:00"):
            card.invalidate_recordset()
            self.assertEqual(card.retail_expiring_date, date(2028, 2, 29))
            self.assertEqual(card.retail_expiring_days, 9)
        with freeze_time("2028-02-28 09:00:00"):
            self.assertEqual(self.program._retail_expire_points(), {})
        with freeze_time("2028-02-29 09:00:00"):
            self.assertEqual(self.program._retail_expire_points(), {card.id: 10})

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import Form, freeze_time, tagged

from odoo.addons.retail_customer.tests.common import no_commit

from .common import RetailMarketingCommon


class Interrupted(Exception):
    """The worker dies in the middle of a run."""


@tagged("post_install", "-at_install", "retail_marketing")
class TestRecurringMailings(RetailMarketingCommon):
    """Welcome, birthday and win-back mailings run every day and reach each
    customer once per occurrence of the occasion."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        consent = {"retail_consent_email": True, "retail_consent_sms": True}
        cls.bea = cls._customer(
            "Bea Birthday",
            email="bea@example.com",
            mobile="+34 612 100 001",
            retail_birth_date="1990-12-07",
            **consent,
        )
        cls.bruno.retail_birth_date = "1985-12-07"  # no consent: never
        cls.walter = cls._customer(
            "Walter Lapsed", email="walter@example.com", **consent
        )
        cls.walter.retail_last_purchase_date = "2026-09-01 10:00:00"
        cls.wendy = cls._customer("Wendy New", email="wendy@example.com", **consent)
        cls.wendy.write(
            {
                "retail_first_purchase_date": "2026-12-05 10:00:00",
                "retail_last_purchase_date": "2026-12-05 10:00:00",
            }
        )
        cls.everyone = cls.customers | cls.bea | cls.walter | cls.wendy

    def _recurring(self, occasion, days, mailing_type="mail", others=None, **vals):
        mailing = self._mailing(
            self.everyone | (others or self.Partner),
            mailing_type=mailing_type,
            subject="Happy day {{ object.name }}",
            retail_occasion=occasion,
            retail_occasion_days=days,
            **vals,
        )
        mailing.action_retail_start()
        return mailing

    def _traces(self, mailing, partner=None):
        domain = [("mass_mailing_id", "in", mailing.retail_run_ids.ids)]
        if partner:
            domain.append(("res_id", "=", partner.id))
        return self.env["mailing.trace"].search(domain)

    def _mails(self, mailing, partner):
        return self.env["mail.mail"].search(
            [
                ("mailing_id", "in", mailing.retail_run_ids.ids),
                ("res_id", "=", partner.id),
            ]
        )

    def test_birthday_once_across_two_runs_and_a_retry(self):
        mailing = self._recurring("birthday", 0)
        self._run_recurring("2026-12-07 08:00:00")
        self._run_recurring("2026-12-07 15:00:00")
        self.assertEqual(len(mailing.retail_run_ids), 1)
        run = mailing.retail_run_ids
        self.assertEqual(run.retail_run_date.isoformat(), "2026-12-07")
        self.assertEqual(
            self.Partner.browse(self._traces(mailing).mapped("res_id")), self.bea
        )
        mail = self._mails(mailing, self.bea)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.subject, "Happy day Bea Birthday")
        # Odoo's retry of the failed emails sends the failed one again, once
        mail.state = "exception"
        run.action_retry_failed()
        with patch.object(type(self.env["ir.cron"]), "_commit_progress", no_commit):
            self.env["mailing.mailing"]._process_mass_mailing_queue()
        self.assertEqual(len(self._mails(mailing, self.bea)), 1)
        self.assertEqual(len(self._traces(mailing, self.bea)), 1)
        # the next day, nobody; next year's birthday comes again
        self._run_recurring("2026-12-08 08:00:00")
        self.assertEqual(len(self._traces(mailing)), 1)
        self._run_recurring("2027-12-07 08:00:00")
        self.assertEqual(len(mailing.retail_run_ids), 2)
        self.assertEqual(len(self._traces(mailing, self.bea)), 2)
        sent = self.env["retail.marketing.occasion.sent"].search(
            [("mailing_id", "=", mailing.id)]
        )
        self.assertEqual(sorted(sent.mapped("occasion_key")), ["2026", "2027"])

    def test_birthday_days_ahead_and_29_february(self):
        leap = self._customer(
            "Lea Leap",
            email="lea@example.com",
            retail_birth_date="2000-02-29",
            retail_consent_email=True,
        )
        mailing = self._recurring("birthday", 3, others=leap)
        self._run_recurring("2027-02-25 08:00:00")
        self.assertEqual(self._traces(mailing, leap).res_id, leap.id)
        self._run_recurring("2027-02-28 08:00:00")
        self.assertEqual(len(self._traces(mailing, leap)), 1)

    def test_sms_birthday_once(self):
        mailing = self._recurring("birthday", 0, mailing_type="sms")
        self._run_recurring("2026-12-07 08:00:00")
        self._run_recurring("2026-12-07 09:00:00")
        sms = self.env["sms.sms"].search(
            [("mailing_id", "in", mailing.retail_run_ids.ids)]
        )
        self.assertEqual(sms.partner_id, self.bea)
        self.assertEqual(sms.number, "+34612100001")

    def test_winback_again_after_a_new_purchase_and_lapse(self):
        mailing = self._recurring("winback", 60)
        self._run_recurring("2026-12-07 08:00:00")
        self._run_recurring("2026-12-08 08:00:00")
        self.assertEqual(len(self._traces(mailing, self.walter)), 1)
        self.assertFalse(self._traces(mailing, self.wendy), "bought two days ago")
        # he comes back, then lapses again
        self.walter.retail_last_purchase_date = "2026-12-20 10:00:00"
        self._run_recurring("2027-01-10 08:00:00")
        self.assertEqual(len(self._traces(mailing, self.walter)), 1, "not lapsed")
        self._run_recurring("2027-03-01 08:00:00")
        self.assertEqual(len(self._traces(mailing, self.walter)), 2)

    def test_welcome_once(self):
        mailing = self._recurring("welcome", 7)
        self._run_recurring("2026-12-07 08:00:00")
        self._run_recurring("2026-12-09 08:00:00")
        self.assertEqual(
            self.Partner.browse(self._traces(mailing).mapped("res_id")), self.wendy
        )

    def test_consent_withdrawn_between_runs(self):
        carmen = self._customer(
            "Carmen Tomorrow",
            email="carmen@example.com",
            retail_birth_date="1970-12-08",
            retail_consent_email=True,
        )
        mailing = self._recurring("birthday", 0, others=carmen)
        self._run_recurring("2026-12-07 08:00:00")
        self.env["mail.blacklist"]._add("carmen@example.com")
        self._run_recurring("2026-12-08 08:00:00")
        self.assertFalse(self._traces(mailing, carmen))
        self.assertFalse(carmen.retail_consent_email)
        # consent given again the same day: the next run reaches her
        self.env["mail.blacklist"]._remove("carmen@example.com")
        carmen.retail_consent_email = True
        self._run_recurring("2026-12-08 12:00:00")
        self.assertEqual(len(self._traces(mailing, carmen)), 1)

    @contextmanager
    def _worker_dies_at_batch(self, batch):
        """Each progress commit of the job is a savepoint; the worker dies
        before committing ``batch``: what that batch did is rolled back."""
        batches = []

        def commit_progress(cron, processed=0, **kwargs):
            if processed:
                batches.append(processed)
                if len(batches) == batch:
                    raise Interrupted
            cron.env.flush_all()
            cron.env.cr.execute("SAVEPOINT retail_test_commit")
            return float("inf")

        self.env.cr.execute("SAVEPOINT retail_test_commit")
        # not assertRaises: Odoo's rolls back its own savepoint on the error
        died = False
        try:
            with patch.object(
                type(self.env["ir.cron"]), "_commit_progress", commit_progress
            ):
                yield
        except Interrupted:
            died = True
        self.assertTrue(died, "the worker did not die")
        # what a dead worker leaves: its last commit, nothing in memory
        self.env.cr.clear()
        self.env.cr.execute("ROLLBACK TO SAVEPOINT retail_test_commit")

    def test_interrupted_run_resumes_without_sending_twice(self):
        lapsed = self.env["res.partner"]
        for index in range(5):
            lapsed |= self._customer(
                f"Lapsed {index}",
                email=f"lapsed{index}@example.com",
                retail_consent_email=True,
            )
        lapsed.retail_last_purchase_date = "2026-01-01 10:00:00"
        self.env["ir.config_parameter"].set_param("mail.batch_size", 2)
        mailing = self._recurring("winback", 60, others=lapsed)
        with (
            self._worker_dies_at_batch(2),
            freeze_time("2026-12-07 08:00:00"),
        ):
            self.env["mailing.mailing"]._cron_retail_run_recurring()
        reached = self.Partner.browse(self._traces(mailing).mapped("res_id"))
        self.assertEqual(len(reached), 2, "the first batch was committed")
        self._run_recurring("2026-12-07 08:30:00")
        traces = self._traces(mailing)
        self.assertEqual(
            self.Partner.browse(traces.mapped("res_id")), lapsed | self.walter
        )
        self.assertEqual(len(traces), 6, "once each")
        self.assertEqual(len(mailing.retail_run_ids), 1, "the day's run resumed")

    def test_holdout_customers_are_held_once(self):
        mailing = self._recurring("birthday", 0, retail_holdout_percent=50)
        with patch(
            "odoo.addons.retail_marketing.models.mailing_mailing_occasion."
            "random.random",
            return_value=0.1,
        ):
            self._run_recurring("2026-12-07 08:00:00")
        self._run_recurring("2026-12-07 10:00:00")
        self.assertFalse(self._traces(mailing))
        run = mailing.retail_run_ids
        self.assertEqual(run.retail_holdout_ids.partner_id, self.bea)
        self.assertEqual(run.retail_holdout_count, 1)

    def test_send_button_of_a_recurring_mailing_is_refused(self):
        mailing = self._recurring("winback", 60)
        with self.assertRaisesRegex(UserError, "recurring mailing"):
            mailing.action_launch()


@tagged("post_install", "-at_install", "retail_marketing")
class TestBirthDate(RetailMarketingCommon):
    def test_birth_date_in_the_customer_form_exported_and_erased(self):
        """The form of the back office (which the till opens too) takes the
        birth date; the personal data export has it; erasure removes it."""
        with Form(self.env["res.partner"]) as form:
            form.name = "Form Birthday"
            form.retail_birth_date = "1999-05-04"
        partner = form.record
        self.assertEqual(partner.retail_birth_date.isoformat(), "1999-05-04")
        data = partner._retail_personal_data()
        self.assertEqual(data["customer"]["birth_date"].isoformat(), "1999-05-04")
        partner.sudo()._retail_anonymize("Asked by the customer")
        self.assertFalse(partner.retail_birth_date)

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import nullcontext
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import Form, freeze_time

from odoo.addons.retail_customer.tests.common import RetailCustomerCommon, no_commit


class RetailMarketingCommon(RetailCustomerCommon):
    """Customers for every reason the consent rule leaves one out, on email
    and on SMS, and helpers to build and send a mailing to them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partner_model_id = cls.env["ir.model"]._get_id("res.partner")
        cls.ana = cls._customer(
            "Ana Reachable",
            email="ana@example.com",
            mobile="+34 612 000 001",
            retail_consent_email=True,
            retail_consent_sms=True,
        )
        cls.bruno = cls._customer(
            "Bruno No Consent",
            email="bruno@example.com",
            mobile="+34 612 000 002",
        )
        cls.carla = cls._customer(
            "Carla No Address",
            retail_consent_email=True,
            retail_consent_sms=True,
        )
        cls.dario = cls._customer(
            "Dario Blacklisted",
            email="dario@example.com",
            mobile="+34 612 000 004",
            retail_consent_email=True,
            retail_consent_sms=True,
        )
        cls.elena = cls._customer(
            "Elena Archived",
            email="elena@example.com",
            mobile="+34 612 000 005",
            retail_consent_email=True,
            retail_consent_sms=True,
        )
        cls.fidel = cls._customer(
            "Fidel Anonymised",
            email="fidel@example.com",
            mobile="+34 612 000 006",
            retail_consent_email=True,
            retail_consent_sms=True,
        )
        cls.env["mail.blacklist"].create({"email": "dario@example.com"})
        cls.env["phone.blacklist"].create({"number": "+34612000004"})
        cls.elena.active = False
        cls.fidel.write({"active": False, "retail_anonymized_date": "2026-01-01"})
        cls.customers = (
            cls.ana | cls.bruno | cls.carla | cls.dario | cls.elena | cls.fidel
        )
        cls.excluded = cls.customers - cls.ana

    @classmethod
    def _contactable(cls, name, suffix):
        """A customer reachable by email and SMS (mobile +34 612 000 ``suffix``)."""
        return cls._customer(
            name,
            email=f"{name.split()[0].lower()}@example.com",
            mobile=f"+34 612 000 {suffix}",
            retail_consent_email=True,
            retail_consent_sms=True,
        )

    @classmethod
    def _mailing(cls, partners, mailing_type="mail", **vals):
        values = {
            "subject": "Spring sale",
            "mailing_type": mailing_type,
            "mailing_model_id": cls.partner_model_id,
            "mailing_domain": repr([("id", "in", partners.ids)]),
            "retail_holdout_percent": 0,
        }
        if mailing_type == "sms":
            values["body_plaintext"] = "Hi {{ object.name }}, spring sale!"
        else:
            values["body_html"] = "<p>Hi <t t-out='object.name'/>, spring sale!</p>"
        return cls.env["mailing.mailing"].create(dict(values, **vals))

    def _campaign(self, domain, mailing_type="mail", **vals):
        """A mailing to the customers of ``domain``, as the domain editor writes it."""
        mailing = self._mailing(self.Partner, mailing_type=mailing_type, **vals)
        mailing.mailing_domain = repr(domain)
        return mailing

    def _sent_to(self, mailing):
        """The customers the send produced anything for: traces, emails or
        text messages."""
        traces = self.env["mailing.trace"].search(
            [("mass_mailing_id", "=", mailing.id)]
        )
        mails = self.env["mail.mail"].search([("mailing_id", "=", mailing.id)])
        sms = self.env["sms.sms"].search([("mailing_id", "=", mailing.id)])
        return {
            "traces": self.Partner.browse(traces.mapped("res_id")),
            "mails": self.Partner.browse(mails.mapped("res_id")),
            "sms": sms.partner_id,
        }

    def assertDaysRefused(self, fname, label, days_list):
        """An "expiring within N days" criterion refuses each N of
        ``days_list`` in a search and in the mailing form, naming ``label``."""
        for days in days_list:
            domain = [(fname, "<=", days)]
            with self.subTest(days=days):
                with self.assertRaisesRegex(UserError, "from 0 to 3660"):
                    self.Partner.search(domain)
                with (
                    self.assertRaisesRegex(UserError, label),
                    Form(self.env["mailing.mailing"]) as form,
                ):
                    form.subject = "Expiring"
                    form.mailing_model_id = self.env["ir.model"]._get("res.partner")
                    form.mailing_domain = repr(domain)

    def _run_recurring(self, when=None):
        """The daily job of the recurring mailings, at ``when`` (now when
        None), its batches' commits left to the test's transaction."""
        with (
            freeze_time(when) if when else nullcontext(),
            patch.object(type(self.env["ir.cron"]), "_commit_progress", no_commit),
        ):
            self.env["mailing.mailing"]._cron_retail_run_recurring()
        self.env.invalidate_all()

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.retail_marketing.wizards.mail_compose_message import SeenEmails

from .common import RetailMarketingCommon


@tagged("post_install", "-at_install", "retail_marketing")
class TestSendDuplicates(RetailMarketingCommon):
    """The addresses a send has reached are checked through a set: Odoo's
    duplicate rule is kept, whatever the batch a duplicate falls in."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a family sharing one address, and a customer of their own
        cls.family = cls.ana
        for index in range(3):
            cls.family |= cls._customer(
                f"Relative {index}",
                email="ana@example.com",
                retail_consent_email=True,
            )
        cls.olga = cls._contactable("Olga Own", "007")

    def _states(self, mailing):
        traces = self.env["mailing.trace"].search(
            [("mass_mailing_id", "=", mailing.id)]
        )
        return {
            self.Partner.browse(trace.res_id): (
                trace.trace_status,
                trace.failure_type or False,
            )
            for trace in traces
        }

    def test_one_email_per_address_across_batches(self):
        """A plain message goes once to an address several customers share,
        the batches of 2 recipients (the family split over batches)."""
        self.env["ir.config_parameter"].set_param("mail.batch_size", 2)
        mailing = self._mailing(
            self.family | self.olga,
            body_html="<p>Spring sale in every store!</p>",
        )
        mailing.action_send_mail()
        states = self._states(mailing)
        self.assertEqual(len(states), 5)
        sent = [
            partner for partner, (status, _f) in states.items() if status != "cancel"
        ]
        self.assertEqual(len(sent), 2, states)
        self.assertIn(self.olga, sent)
        self.assertEqual(
            sorted(
                failure for status, failure in states.values() if status == "cancel"
            ),
            ["mail_dup"] * 3,
        )

    def test_a_resumed_send_reaches_no_address_twice(self):
        mailing = self._mailing(
            self.family | self.olga,
            body_html="<p>Spring sale in every store!</p>",
        )
        mailing.action_send_mail(res_ids=self.ana.ids)
        mailing.action_send_mail(res_ids=(self.family - self.ana | self.olga).ids)
        mails = self.env["mail.mail"].search(
            [("mailing_id", "=", mailing.id), ("state", "!=", "cancel")]
        )
        self.assertEqual(
            self.Partner.browse(mails.mapped("res_id")), self.ana | self.olga
        )

    def test_seen_emails_is_the_list_the_composer_expects(self):
        seen = SeenEmails(["a@example.com"])
        seen += {"b@example.com": []}.keys()
        seen.append("c@example.com")
        seen.extend(["d@example.com"])
        self.assertEqual(
            seen, ["a@example.com", "b@example.com", "c@example.com", "d@example.com"]
        )
        self.assertIn("d@example.com", seen)
        self.assertNotIn("e@example.com", seen)
        self.assertTrue(seen)
        self.assertFalse(SeenEmails())

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import SQL

from odoo.addons.retail_customer.tests.common import no_commit

from .common import RetailLoyaltyCommon

# who receives the notice: (email, SMS)
EXPECTED = {
    "normal": (True, True),
    "no_consent": (False, False),
    "email_consent_only": (True, False),
    "no_address": (False, False),
    "email_blacklisted": (False, True),
    "phone_blacklisted": (True, False),
    "archived": (False, False),
    "anonymised": (False, False),
}


@tagged("post_install", "-at_install", "retail_security")
class TestNoticeConsent(RetailLoyaltyCommon):
    """Loyalty notices leave only for the customers
    ``res.partner._retail_can_contact`` allows on each channel: consent, an
    address or number, not blacklisted, neither archived nor anonymised."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.program.write({"retail_expiry_months": 12, "retail_notice_days": 10})
        cls.manager = new_test_user(
            cls.env,
            login="notice_consent_manager",
            groups="base.group_user,retail_card.group_card_store_manager",
        )
        cls.sales_admin = new_test_user(
            cls.env,
            login="notice_consent_sales_admin",
            groups="base.group_user,sales_team.group_sale_manager",
        )
        both = {"retail_consent_email": True, "retail_consent_sms": True}
        values = {
            "normal": both,
            "no_consent": {},
            "email_consent_only": {"retail_consent_email": True},
            "no_address": {**both, "email": False, "mobile": False},
            "email_blacklisted": both,
            "phone_blacklisted": both,
            "archived": both,
            "anonymised": both,
        }
        Partner = cls.env["res.partner"]
        cls.partners = {}
        for index, (key, vals) in enumerate(values.items()):
            cls.partners[key] = Partner.create(
                {
                    "name": f"Customer {key}",
                    "email": f"{key}@example.com",
                    "mobile": f"+34 622 100 {index:03d}",
                    **vals,
                }
            )
        cls.env["mail.blacklist"].sudo()._add("email_blacklisted@example.com")
        cls.env["phone.blacklist"].sudo()._add(
            [cls.partners["phone_blacklisted"].retail_mobile_sanitized]
        )
        cls.partners["archived"].active = False

    def _anonymise(self):
        """Erase the customer with the module's own action, as a sales
        administrator does (the wizard asks for the reason)."""
        partner = self.partners["anonymised"]
        action = partner.with_user(self.sales_admin).action_retail_anonymize()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.sales_admin)
            .with_context(**action["context"])
        )
        wizard.reason = "Customer's request"
        wizard.save().action_confirm()
        self.assertTrue(partner.retail_anonymized_date)

    def _cards_due(self):
        """The erasure done, a card per customer with 100 points that expire
        in 5 days."""
        self._anonymise()
        cards = self.Card.browse()
        for partner in self.partners.values():
            cards |= self.Card.create(
                {"program_id": self.program.id, "partner_id": partner.id}
            )
        self.Card._retail_post_movements(
            [{"card": card, "amount": 100, "kind": "earn"} for card in cards]
        )
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE loyalty_history SET create_date = %s WHERE card_id IN %s",
                fields.Datetime.now() - relativedelta(months=12, days=-5),
                tuple(cards.ids),
            )
        )
        self.env.invalidate_all()
        return cards

    def assertReceived(self, cards):
        for key, (email, sms) in EXPECTED.items():
            partner = self.partners[key]
            card = cards.filtered(lambda c, p=partner: c.partner_id == p)
            with self.subTest(customer=key, channel="email"):
                mails = self.env["mail.mail"].search(
                    [("model", "=", "loyalty.card"), ("res_id", "=", card.id)]
                )
                self.assertEqual(bool(mails), email)
            with self.subTest(customer=key, channel="sms"):
                texts = self.env["sms.sms"].search([("partner_id", "=", partner.id)])
                self.assertEqual(bool(texts), sms)
            with self.subTest(customer=key, channel="log"):
                logged = partner.with_context(active_test=False).message_ids.filtered(
                    lambda m: "Loyalty notice sent" in (m.body or "")
                )
                self.assertEqual(bool(logged), email or sms)

    def test_rule_of_the_customer_file(self):
        """The exclusions are those of ``_retail_can_contact``."""
        self._cards_due()
        Partner = self.env["res.partner"]
        everyone = Partner.browse([partner.id for partner in self.partners.values()])
        for channel, position in (("email", 0), ("sms", 1)):
            with self.subTest(channel=channel):
                expected = Partner.browse(
                    [
                        self.partners[key].id
                        for key, allowed in EXPECTED.items()
                        if allowed[position]
                    ]
                )
                self.assertEqual(everyone._retail_can_contact(channel), expected)

    def test_manager_button(self):
        cards = self._cards_due()
        result = cards.with_user(self.manager).action_retail_send_notice()
        self.assertEqual(result, {"email": 3, "sms": 2, "skipped": 4})
        self.assertReceived(cards)

    def test_cron(self):
        cards = self._cards_due()
        cron = self.env.ref("retail_loyalty.ir_cron_expiry_notices")
        with patch.object(type(self.env["ir.cron"]), "_commit_progress", no_commit):
            cron.ir_actions_server_id.with_user(cron.user_id).run()
        self.assertReceived(cards)

    def test_anonymised_customer_stays_out_with_new_data(self):
        """An erased customer given an address, a number and consents again
        (an import, a restored backup) still receives nothing."""
        cards = self._cards_due()
        # sudo: the test puts back what the erasure removed
        self.partners["anonymised"].sudo().write(
            {
                "active": True,
                "email": "back@example.com",
                "mobile": "+34 622 199 999",
                "retail_consent_email": True,
                "retail_consent_sms": True,
            }
        )
        cards.with_user(self.manager).action_retail_send_notice()
        self.assertReceived(cards)

    def test_points_reach_email_needs_consent(self):
        """Odoo's "when reaching" emails of a retail ledger program follow the
        same rule."""
        template = self.env["mail.template"].create(
            {
                "name": "Milestone",
                "model_id": self.env.ref("loyalty.model_loyalty_card").id,
                "subject": "You reached 50 points",
                "body_html": "<p>Milestone reached</p>",
            }
        )
        self.program.communication_plan_ids = [
            Command.create(
                {
                    "trigger": "points_reach",
                    "points": 50,
                    "mail_template_id": template.id,
                }
            )
        ]
        cards = self._cards_due()
        for key, (email, __) in EXPECTED.items():
            card = cards.filtered(lambda c, k=key: c.partner_id == self.partners[k])
            with self.subTest(customer=key):
                self.assertEqual(
                    bool(
                        self.env["mail.mail"].search(
                            [
                                ("model", "=", "loyalty.card"),
                                ("res_id", "=", card.id),
                                ("subject", "=", "You reached 50 points"),
                            ]
                        )
                    ),
                    email,
                )

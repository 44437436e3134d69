# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from ast import literal_eval

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.mail.tests.common import MockEmail

# A loaded machine builds the back office's assets slowly.
TOUR_TIMEOUT = 600


@tagged("post_install", "-at_install", "retail_marketing")
class TestCampaignTour(HttpCase, MockEmail):
    """A marketing user (not an administrator, not a mail template editor)
    sends a campaign from the customer list, filtered by a segment and by
    points, then reads its results on the campaign."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.marketer = new_test_user(
            cls.env,
            login="tour_marketer",
            groups="base.group_user,base.group_partner_manager,"
            "mass_mailing.group_mass_mailing_user",
        )
        cls.program = cls.env["loyalty.program"].create(
            {
                "name": "Tour Points",
                "program_type": "loyalty",
                "applies_on": "both",
                "trigger": "auto",
                "retail_ledger": True,
                "rule_ids": [
                    Command.create(
                        {"reward_point_mode": "money", "reward_point_amount": 1}
                    )
                ],
            }
        )
        cls.segment = cls.env["retail.segment"].create({"name": "Tour Spring VIP"})
        # In the segment: Ana (150 points) and Bea (300) are the recipients;
        # Carl has too few points; Dora has no email consent. Eve has points
        # but is not in the segment.
        cls.ana = cls._customer("Ana Tourvip", 150)
        cls.bea = cls._customer("Bea Tourvip", 300)
        cls.carl = cls._customer("Carl Tourlow", 50)
        cls.dora = cls._customer("Dora Tournoconsent", 200, consent=False)
        cls.eve = cls._customer("Eve Tourother", 500, segment=False)

    @classmethod
    def _customer(cls, name, points, consent=True, segment=True):
        partner = cls.env["res.partner"].create(
            {
                "name": name,
                "email": f"{name.split()[0].lower()}@example.com",
                "retail_consent_email": consent,
                "retail_segment_ids": [Command.set(cls.segment.ids if segment else [])],
            }
        )
        Card = cls.env["loyalty.card"]
        card = Card.create({"program_id": cls.program.id, "partner_id": partner.id})
        Card._retail_post_movements(
            [{"card": card, "amount": points, "kind": "earn", "reason": "Tour"}]
        )
        return partner

    def test_campaign_from_the_customer_list(self):
        self.assertFalse(self.marketer.has_group("mail.group_mail_template_editor"))
        self.start_tour(
            "/odoo/action-retail_customer.res_partner_action_retail_customers",
            "retail_marketing_campaign_tour",
            login=self.marketer.login,
            timeout=TOUR_TIMEOUT,
        )
        mailing = self.env["mailing.mailing"].search(
            [("subject", "=", "Your points are waiting")]
        )
        self.assertEqual(len(mailing), 1)
        self.assertEqual(mailing.create_uid, self.marketer)
        self.assertEqual(mailing.state, "in_queue")
        # The list's filter became the mailing's audience: the segment and the
        # points, whoever joins them until the send.
        domain = literal_eval(mailing.mailing_domain)
        leaves = [tuple(leaf) for leaf in domain if isinstance(leaf, list | tuple)]
        self.assertIn(("retail_segment_ids", "in", self.segment.ids), leaves)
        points = [leaf for leaf in leaves if leaf[0] == "retail_loyalty_points"]
        self.assertEqual(
            [(op, float(value)) for __, op, value in points], [(">=", 100)]
        )
        self.assertEqual(
            self.env["res.partner"].search(domain),
            self.ana | self.bea | self.dora,
        )

        # The mailing queue's run (a scheduled action in production).
        mailing.action_send_mail()
        mails = self.env["mail.mail"].search([("mailing_id", "=", mailing.id)])
        self.assertEqual(
            self.env["res.partner"].browse(mails.mapped("res_id")), self.ana | self.bea
        )
        # the editor may keep the space typed before the placeholder as &nbsp;
        bodies = {
            mail.res_id: str(mail.body_html).replace("&nbsp;", " ").replace("\xa0", " ")
            for mail in mails
        }
        self.assertIn("You have 150 points to spend.", bodies[self.ana.id])
        self.assertIn("You have 300 points to spend.", bodies[self.bea.id])
        self.assertEqual(set(mails.mapped("subject")), {"Your points are waiting"})
        # The mail queue's run (an SMTP server mocked by Odoo's test helper).
        with self.mock_mail_gateway():
            mails.send()
        mailing.invalidate_recordset()
        self.assertEqual(mailing.sent, 2)

        self.start_tour(
            f"/odoo/action-utm.utm_campaign_action/{mailing.campaign_id.id}",
            "retail_marketing_campaign_results_tour",
            login=self.marketer.login,
            timeout=TOUR_TIMEOUT,
        )

    def test_points_filter_as_marketer(self):
        """A marketer, who reads customers but not loyalty cards, filters them
        by their balance: the cards of a customer added up."""
        self.env["loyalty.card"]._retail_post_movements(
            [
                {
                    "card": self.env["loyalty.card"].create(
                        {"program_id": self.program.id, "partner_id": self.carl.id}
                    ),
                    "amount": 60,
                    "kind": "earn",
                    "reason": "Tour",
                }
            ]
        )
        Partner = self.env["res.partner"].with_user(self.marketer)
        customers = self.ana | self.bea | self.carl | self.dora | self.eve
        found = Partner.search(
            [("id", "in", customers.ids), ("retail_loyalty_points", ">=", 100)]
        )
        self.assertEqual(found, customers)
        found = Partner.search(
            [("id", "in", customers.ids), ("retail_loyalty_points", "<", 200)]
        )
        self.assertEqual(found, self.ana | self.carl)

    def test_tier_filter_as_marketer(self):
        """A marketer, who reads customers but not loyalty cards, filters them
        by their tier."""
        gold = self.env["retail.loyalty.tier"].create(
            {"name": "Tour Gold", "program_id": self.program.id, "threshold": 250}
        )
        self.env["loyalty.card"].search(
            [("partner_id", "=", self.bea.id)]
        ).retail_tier_id = gold
        Partner = self.env["res.partner"].with_user(self.marketer)
        customers = self.ana | self.bea | self.carl | self.dora | self.eve
        for condition in (
            ("retail_loyalty_tier_id", "=", gold.id),
            ("retail_loyalty_tier_id", "ilike", "Tour Gold"),
        ):
            self.assertEqual(
                Partner.search([("id", "in", customers.ids), condition]), self.bea
            )
        self.assertEqual(
            Partner.search(
                [("id", "in", customers.ids), ("retail_loyalty_tier_id", "!=", gold.id)]
            ),
            customers - self.bea,
        )

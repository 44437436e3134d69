# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.retail_card.tests.common import LedgerAssertions

from .test_loyalty_campaign import RetailMarketingLoyaltyCommon


@tagged("post_install", "-at_install", "retail_marketing")
class TestLoyaltyCampaignActions(LedgerAssertions, RetailMarketingLoyaltyCommon):
    """Loyalty notices and point loads made for a campaign are logged on it;
    the points move through the ledger alone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            login="campaign_store_manager",
            name="Sara Store Manager",
            groups="base.group_user,sales_team.group_sale_salesman,"
            "retail_card.group_card_store_manager",
        )
        cls.campaign = cls.env["utm.campaign"].create({"title": "Points week"})
        cls.Action = cls.env["retail.marketing.action"]
        cls.Card = cls.env["loyalty.card"]

    def _cards(self, partners):
        return self.Card.search(
            [("partner_id", "in", partners.ids), ("program_id", "=", self.program.id)]
        )

    def _actions(self):
        return self.Action.search([("campaign_id", "=", self.campaign.id)])

    def test_notice_batch_for_a_campaign_is_logged(self):
        cards = self._cards(self.ana | self.bruno)
        result = (
            cards.with_user(self.manager)
            .with_context(retail_campaign_id=self.campaign.id)
            .action_retail_send_notice()
        )
        self.assertEqual(result, {"email": 1, "sms": 1, "skipped": 1})
        action = self._actions()
        self.assertRecordValues(
            action,
            [
                {
                    "kind": "notice",
                    "user_id": self.manager.id,
                    "audience_count": 1,
                    "domain_model": "loyalty.card",
                }
            ],
        )
        self.assertIn("Retail Points", action.criteria)
        self.assertIn("1 not reachable", action.criteria)
        # without a campaign, a batch is not logged
        cards.with_user(self.manager).action_retail_send_notice()
        self.assertEqual(self._actions(), action)

    def test_notice_wizard_of_the_card_list(self):
        cards = self._cards(self.ana | self.gina)
        form = Form(
            self.env["retail.marketing.notice.send"]
            .with_user(self.manager)
            .with_context(active_model="loyalty.card", active_ids=cards.ids)
        )
        form.campaign_id = self.campaign
        action = form.save().action_send()
        self.assertIn("2 by email", action["params"]["message"])
        self.assertRecordValues(
            self._actions(),
            [{"kind": "notice", "user_id": self.manager.id, "audience_count": 2}],
        )

    def test_notice_batch_for_a_missing_campaign_sends_nothing(self):
        cards = self._cards(self.ana)
        sms_before = self.env["sms.sms"].search_count([])
        with self.assertRaises(UserError):
            cards.with_user(self.manager).with_context(
                retail_campaign_id=2_000_000_000
            ).action_retail_send_notice()
        self.assertEqual(self.env["sms.sms"].search_count([]), sms_before)

    def test_point_load_for_a_campaign_is_logged_beside_the_ledger(self):
        cards = self._cards(self.ana | self.gina)
        ledger_before = self.env["loyalty.history"].search_count(
            [("card_id", "in", cards.ids)]
        )
        form = Form(self.env["retail.loyalty.adjust"].with_user(self.manager))
        form.program_id = self.program
        form.points = 50
        form.reason_id = self.env.ref(
            "retail_loyalty.retail_loyalty_adjust_reason_goodwill"
        )
        form.partner_ids.add(self.ana)
        form.partner_ids.add(self.gina)
        form.retail_campaign_id = self.campaign
        balances = form.save().action_apply()
        self.assertEqual(set(balances), set(cards.ids))
        self.assertEqual(
            self.env["loyalty.history"].search_count([("card_id", "in", cards.ids)]),
            ledger_before + 2,
            "one ledger row per card, none for the log",
        )
        action = self._actions()
        self.assertRecordValues(
            action,
            [
                {
                    "kind": "points",
                    "user_id": self.manager.id,
                    "audience_count": 2,
                    "domain_model": "loyalty.card",
                }
            ],
        )
        self.assertIn("2 customers", action.criteria)
        self.assertIn("50", action.criteria)

    def test_point_load_without_campaign_logs_nothing(self):
        before = self.Action.search_count([])
        self.env["retail.loyalty.adjust"].with_user(self.manager).create(
            {
                "program_id": self.program.id,
                "points": 10,
                "reason_id": self.env.ref(
                    "retail_loyalty.retail_loyalty_adjust_reason_goodwill"
                ).id,
                "partner_ids": [(6, 0, self.ana.ids)],
            }
        ).action_apply()
        self.assertEqual(self.Action.search_count([]), before)

    def test_point_load_to_many_customers_keeps_balances_and_next_expiry(self):
        """A campaign's load to hundreds of customers goes through the ledger's
        bulk path: every balance equals its ledger, new cards are made for the
        customers without one, and each card's next expiry stays right."""
        newcomers = self.env["res.partner"].create(
            [{"name": f"Newcomer {n}"} for n in range(600)]
        )
        holders = self.ana | self.gina | self.ivan
        before = {card.partner_id: card.points for card in self._cards(holders)}
        ana_expiry = self._cards(self.ana).retail_next_expiry_date
        wizard = (
            self.env["retail.loyalty.adjust"]
            .with_user(self.manager)
            .create(
                {
                    "program_id": self.program.id,
                    "points": 50,
                    "reason_id": self.env.ref(
                        "retail_loyalty.retail_loyalty_adjust_reason_goodwill"
                    ).id,
                    "partner_ids": [(6, 0, (holders | newcomers).ids)],
                    "retail_campaign_id": self.campaign.id,
                }
            )
        )
        balances = wizard.action_apply()
        cards = self._cards(holders | newcomers)
        self.assertEqual(len(cards), 603)
        self.assertEqual(set(balances), set(cards.ids))
        for card in self._cards(holders):
            self.assertEqual(card.points, before[card.partner_id] + 50)
        new_cards = self._cards(newcomers)
        self.assertEqual(set(new_cards.mapped("points")), {50})
        today_lot = self.program._retail_lot_expiry_date(fields.Datetime.now())
        self.assertEqual(set(new_cards.mapped("retail_next_expiry_date")), {today_lot})
        self.assertEqual(set(new_cards.mapped("retail_next_expiry_points")), {50})
        self.assertEqual(
            self._cards(self.ana).retail_next_expiry_date,
            ana_expiry,
            "a credit leaves an earlier next expiry alone",
        )
        self.assertBalanceInvariant(cards)
        self.assertEqual(self._actions().audience_count, 603)
        self.assertIn("603 customers", self._actions().criteria)
        # the same wizard applied again (a double click) loads nothing more
        wizard.action_apply()
        self.assertEqual(set(new_cards.mapped("points")), {50})
        self.assertBalanceInvariant(cards)

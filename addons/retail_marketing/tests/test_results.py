# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import tagged

from odoo.addons.point_of_sale.tests.common import TestPoSCommon


class CampaignResultsCommon(TestPoSCommon):
    """A mailing sent two days ago to half of eight customers (the other half
    held out), measured over a seven-day attribution window."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.group_ids |= cls.env.ref(
            "mass_mailing.group_mass_mailing_user"
        ) | cls.env.ref("sales_team.group_sale_salesman")
        cls.config = cls.basic_config
        categ = cls.env["product.category"].create({"name": "Shoes"})
        cls.shoes = cls.create_product("Shoes", categ, 50.0, tax_ids=[])
        cls.audience = cls.env["res.partner"].create(
            [
                {
                    "name": f"Customer {i}",
                    "email": f"customer{i}@example.com",
                    "retail_consent_email": True,
                }
                for i in range(8)
            ]
        )
        cls.outsider = cls.env["res.partner"].create(
            {"name": "Outsider", "email": "outsider@example.com"}
        )
        cls.campaign = cls.env["utm.campaign"].create(
            {"title": "Spring", "retail_attribution_days": 7}
        )
        cls.mailing = cls.env["mailing.mailing"].create(
            {
                "subject": "Spring sale",
                "body_html": "<p>Spring sale</p>",
                "mailing_model_id": cls.env["ir.model"]._get_id("res.partner"),
                "mailing_domain": repr(
                    [("id", "in", (cls.audience | cls.outsider).ids)]
                ),
                "campaign_id": cls.campaign.id,
                "retail_holdout_percent": 50,
            }
        )
        cls.mailing.action_send_mail()
        cls.now = fields.Datetime.now()
        cls.mailing.sent_date = cls.now - timedelta(days=2)
        traces = cls.env["mailing.trace"].search(
            [("mass_mailing_id", "=", cls.mailing.id)]
        )
        cls.recipients = cls.env["res.partner"].browse(traces.mapped("res_id"))
        cls.held = cls.mailing.retail_holdout_ids.partner_id

    def _till_order(self, partner, quantity, days_after_send):
        data = self.create_ui_order_data([(self.shoes, quantity)], customer=partner)
        result = self.env["pos.order"].sync_from_ui([data])
        order = self.env["pos.order"].browse(result["pos.order"][0]["id"])
        order.date_order = self.mailing.sent_date + timedelta(days=days_after_send)
        return order


@tagged("post_install", "-at_install", "retail_marketing")
class TestCampaignResults(CampaignResultsCommon):
    def test_holdout_customers_get_nothing(self):
        self.assertEqual(len(self.held), 4)
        self.assertEqual(len(self.recipients), 4)
        self.assertFalse(self.held & self.recipients)
        self.assertEqual(self.held | self.recipients, self.audience)
        mails = self.env["mail.mail"].search([("mailing_id", "=", self.mailing.id)])
        self.assertFalse(set(mails.mapped("res_id")) & set(self.held.ids))
        # a retry of the send leaves them out too
        self.assertFalse(self.mailing._get_remaining_recipients())
        self.assertEqual(self.mailing.retail_audience_snapshot["holdout"], 4)
        self.assertEqual(self.mailing.retail_audience_snapshot["audience"], 8)

    def test_purchases_within_the_window_and_lift(self):
        self.open_new_session()
        first, second, late, early = self.recipients
        self._till_order(first, 2, 1)  # 100 within the window: counts
        sale = self.env["sale.order"].create(
            {
                "partner_id": second.id,
                "order_line": [
                    Command.create(
                        {"product_id": self.shoes.id, "price_unit": 50.0, "tax_ids": []}
                    )
                ],
            }
        )
        sale.action_confirm()
        sale.date_order = self.mailing.sent_date + timedelta(days=1)  # 50: counts
        self._till_order(late, 1, 8)  # after the 7-day window
        self._till_order(early, 1, -1)  # before the send
        self._till_order(self.outsider, 4, 1)  # not a recipient
        self._till_order(self.held[0], 1, 3)  # a holdout customer buys
        for record in (self.mailing, self.campaign):
            with self.subTest(record=record._name):
                record.invalidate_recordset()
                self.assertEqual(record.retail_recipient_count, 4)
                self.assertEqual(record.retail_targeted_count, 8)
                self.assertEqual(record.retail_buyer_count, 2)
                self.assertEqual(record.retail_order_count, 2)
                self.assertAlmostEqual(record.retail_revenue, 150.0)
                self.assertAlmostEqual(record.retail_average_basket, 75.0)
                self.assertAlmostEqual(record.retail_conversion_rate, 50.0)
                self.assertEqual(record.retail_holdout_count, 4)
                self.assertEqual(record.retail_holdout_buyer_count, 1)
                self.assertAlmostEqual(record.retail_holdout_revenue, 50.0)
                self.assertAlmostEqual(record.retail_holdout_conversion_rate, 25.0)
                self.assertAlmostEqual(record.retail_lift, 25.0)
        self.assertEqual(self.campaign.retail_excluded_no_consent_count, 1)
        self.assertEqual(self.campaign.retail_sent_count, self.mailing.sent)

    def test_a_draft_mailing_adds_nothing_to_its_campaign(self):
        """A reminder still in draft (its audience only a preview) counts for
        nothing in the campaign's results until it is sent."""
        draft = self.mailing.copy({"campaign_id": self.campaign.id})
        self.assertEqual(draft.state, "draft")
        self.assertTrue(draft.retail_excluded_count, "the draft previews exclusions")
        self.campaign.invalidate_recordset()
        self.assertEqual(
            self.campaign.retail_excluded_count, self.mailing.retail_excluded_count
        )
        self.assertEqual(self.campaign.retail_sent_count, self.mailing.sent)

    def test_window_is_the_campaigns(self):
        self.open_new_session()
        self._till_order(self.recipients[0], 1, 10)
        self.mailing.invalidate_recordset()
        self.assertEqual(self.mailing.retail_buyer_count, 0)
        self.campaign.retail_attribution_days = 30
        self.mailing.invalidate_recordset()
        self.assertEqual(self.mailing.retail_buyer_count, 1)

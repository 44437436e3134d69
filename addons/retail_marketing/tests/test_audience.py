# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import Form, tagged

from .common import RetailMarketingCommon


@tagged("post_install", "-at_install", "retail_marketing")
class TestAudience(RetailMarketingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.segment = cls.env["retail.segment"].create({"name": "VIP"})
        cls.shoes = cls.env["product.category"].create({"name": "Shoes"})
        cls.store = cls.env["pos.config"].create({"name": "Madrid Centre"})
        cls.madrid = cls.env.ref("base.state_es_m")
        consent = {"retail_consent_email": True}
        cls.loyal = cls._customer(
            "Loyal Lucia",
            email="lucia@example.com",
            city="Madrid",
            zip="28001",
            state_id=cls.madrid.id,
            retail_segment_ids=[(6, 0, cls.segment.ids)],
            **consent,
        )
        cls.loyal.write(
            {
                "retail_last_purchase_date": "2026-11-20 10:00:00",
                "retail_purchase_count": 12,
                "retail_average_basket": 80.0,
                "retail_favorite_category_id": cls.shoes.id,
                "retail_preferred_store_id": cls.store.id,
            }
        )
        cls.lapsed = cls._customer(
            "Lapsed Luis",
            email="luis@example.com",
            city="Sevilla",
            zip="41001",
            retail_channel_id=cls.channel_online.id,
            **consent,
        )
        cls.lapsed.write(
            {
                "retail_last_purchase_date": "2025-01-10 10:00:00",
                "retail_purchase_count": 1,
                "retail_average_basket": 15.0,
            }
        )
        # the channel rows of the purchase statistics (what the till writes)
        cls.env["retail.customer.stat"].create(
            [
                {
                    "partner_id": cls.loyal.id,
                    "kind": "channel",
                    "res_id": cls.channel_store.id,
                    "amount": 960.0,
                    "order_count": 12,
                },
                {
                    "partner_id": cls.lapsed.id,
                    "kind": "channel",
                    "res_id": cls.channel_online.id,
                    "amount": 15.0,
                    "order_count": 1,
                },
            ]
        )

    def _audience(self, domain):
        everyone = [("id", "in", (self.loyal | self.lapsed | self.customers).ids)]
        mailing = self._mailing(self.Partner, mailing_domain=repr(everyone + domain))
        return self.Partner.browse(mailing._get_recipients())

    def test_retail_criteria_select_the_audience(self):
        cases = {
            "segment": [("retail_segment_ids", "in", self.segment.ids)],
            "channel": [("retail_channel_id", "=", self.channel_store.id)],
            "store": [("retail_preferred_store_id", "=", self.store.id)],
            "city": [("city", "=", "Madrid")],
            "postal code": [("zip", "=like", "28%")],
            "province": [("state_id", "=", self.madrid.id)],
            "last purchase": [("retail_last_purchase_date", ">=", "2026-06-01")],
            "visits": [("retail_purchase_count", ">=", 10)],
            "average basket": [("retail_average_basket", ">", 50)],
            "favourite category": [("retail_favorite_category_id.name", "=", "Shoes")],
            "channel used": [("retail_used_channel_ids", "in", self.channel_store.ids)],
            "channel used by name": [("retail_used_channel_ids.name", "=", "Store")],
            "consent": [("retail_consent_email", "=", True), ("city", "!=", False)],
        }
        for label, domain in cases.items():
            with self.subTest(criterion=label):
                expected = self.loyal
                if label == "consent":
                    expected = self.loyal | self.lapsed
                elif label == "channel":
                    expected = self.loyal | self.ana
                self.assertEqual(self._audience(domain), expected)
        self.assertEqual(
            self._audience(
                [("retail_used_channel_ids", "not in", self.channel_store.ids)]
            ),
            self.ana | self.lapsed,
        )

    def test_send_a_campaign_from_the_selected_customers(self):
        partners = self.loyal | self.lapsed
        action = partners.with_context(
            active_domain=[("customer_number", "!=", False)]
        ).action_retail_send_campaign()
        with Form(
            self.env["mailing.mailing"].with_context(**action["context"]),
            view=self.env["ir.ui.view"].browse(action["views"][0][0]),
        ) as form:
            form.subject = "Back to school"
        mailing = form.record
        self.assertEqual(mailing.mailing_model_real, "res.partner")
        self.assertEqual(self.Partner.search(mailing._parse_mailing_domain()), partners)
        self.assertEqual(mailing.retail_audience_count, 2)
        self.assertTrue(mailing.campaign_id, "every mailing belongs to a campaign")

    def test_send_a_campaign_from_the_whole_filtered_list(self):
        domain = [("city", "in", ["Madrid", "Sevilla"])]
        partners = self.Partner.search(domain)
        action = partners.with_context(
            active_domain=domain
        ).action_retail_send_campaign()
        with Form(
            self.env["mailing.mailing"].with_context(**action["context"]),
            view=self.env["ir.ui.view"].browse(action["views"][0][0]),
        ) as form:
            form.subject = "Madrid and Sevilla"
        self.assertEqual(form.record._parse_mailing_domain(), domain)

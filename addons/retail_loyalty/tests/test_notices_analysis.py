# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import tagged
from odoo.tools import SQL

from .common import RetailLoyaltyCommon


@tagged("post_install", "-at_install")
class TestNoticesAndAnalysis(RetailLoyaltyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.program.write({"retail_expiry_months": 12, "retail_notice_days": 10})
        cls.madrid = cls.env["res.country.state"].search(
            [("country_id.code", "=", "ES"), ("code", "=", "M")], limit=1
        )
        Partner = cls.env["res.partner"]
        cls.by_email = Partner.create(
            {
                "name": "Ana Email",
                "email": "ana@example.com",
                "retail_consent_email": True,
                "state_id": cls.madrid.id,
                "city": "Madrid",
            }
        )
        cls.by_sms = Partner.create(
            {
                "name": "Bea Sms",
                "phone": "+34 612 000 111",
                "retail_consent_sms": True,
                "city": "Sevilla",
            }
        )
        cls.silent = Partner.create(
            {"name": "Carla Silent", "email": "carla@example.com", "city": "Madrid"}
        )

    def _old_points(self, partner, points, months_ago):
        card = self._give_points(points, partner)
        row = self._ledger(card)[-1]
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE loyalty_history SET create_date = %s WHERE id = %s",
                fields.Datetime.now() - relativedelta(months=months_ago),
                row.id,
            )
        )
        self.env.invalidate_all()
        return card

    def test_notice_respects_consent_and_is_logged(self):
        # earned 12 months minus 5 days ago: they expire within the 10 days
        cards = self.Card.browse()
        for partner in (self.by_email, self.by_sms, self.silent):
            cards |= self._old_points(partner, 120, 12)
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE loyalty_history SET create_date = create_date + "
                "interval '5 days' WHERE card_id IN %s",
                tuple(cards.ids),
            )
        )
        self.env.invalidate_all()
        self.assertEqual(cards.mapped("retail_expiring_points"), [120, 120, 120])
        result = cards._retail_send_notices()
        self.assertEqual(result, {"email": 1, "sms": 1, "skipped": 1})
        mail = self.env["mail.mail"].search(
            [("model", "=", "loyalty.card"), ("res_id", "=", cards[0].id)]
        )
        expiry = fields.Date.today() + relativedelta(days=5)
        self.assertIn("Ana Email", mail.body_html)
        self.assertIn(
            f"120 Points expire on {expiry:%m/%d/%Y} (in 5 days)", mail.body_html
        )
        sms = self.env["sms.sms"].search([("partner_id", "=", self.by_sms.id)])
        self.assertIn("Bea Sms, you have 120 Points", sms.body)
        self.assertIn(f"120 Points expire on {expiry:%m/%d/%Y} (in 5 days)", sms.body)
        self.assertFalse(
            self.env["sms.sms"].search([("partner_id", "=", self.silent.id)])
        )
        for partner in (self.by_email, self.by_sms):
            self.assertTrue(
                partner.message_ids.filtered(
                    lambda m: "Loyalty notice sent" in (m.body or "")
                ),
                "the sending is logged on the customer",
            )
        self.assertFalse(
            self.silent.message_ids.filtered(
                lambda m: "Loyalty notice sent" in (m.body or "")
            )
        )
        self.assertEqual(cards[0].retail_notice_date, fields.Date.today())

    def test_search_customers_by_balance_and_tier(self):
        card = self._give_points(150, self.by_email)
        card.sudo().retail_tier_id = self.gold
        self._give_points(50, self.by_sms)
        Partner = self.env["res.partner"]
        found = Partner.search(
            [("retail_loyalty_points", ">=", 100), ("retail_loyalty_points", "<=", 200)]
        )
        self.assertEqual(found, self.by_email)
        self.assertEqual(
            Partner.search([("retail_loyalty_tier_id", "=", self.gold.id)]),
            self.by_email,
        )
        self.assertEqual(self.by_email.retail_loyalty_points, 150)
        self.assertEqual(self.by_email.retail_loyalty_tier_id, self.gold)

    def test_analysis_by_province_and_city(self):
        self._give_points(150, self.by_email)
        self._give_points(40, self.silent)
        card = self._card(self.by_email)
        self.Card._retail_post_movements(
            [{"card": card, "amount": -30, "kind": "spend"}]
        )
        self.env.flush_all()
        self.env.user.group_ids |= self.env.ref("retail_card.group_card_store_manager")
        Report = self.env["retail.loyalty.report"]
        by_city = {
            city: (issued, spent)
            for city, issued, spent in Report._read_group(
                [("partner_id", "in", (self.by_email | self.silent).ids)],
                ["city"],
                ["points_issued:sum", "points_spent:sum"],
            )
        }
        self.assertEqual(by_city, {"Madrid": (190.0, 30.0)})
        by_state = dict(
            Report._read_group(
                [("partner_id", "in", (self.by_email | self.silent).ids)],
                ["state_id"],
                ["points_issued:sum"],
            )
        )
        self.assertEqual(by_state[self.madrid], 150)

    def test_analysis_by_postal_code_segment_store_and_period(self):
        vip = self.env["retail.segment"].create({"name": "VIP"})
        young = self.env["retail.segment"].create({"name": "Young"})
        self.by_email.write(
            {"zip": "28001", "retail_segment_ids": [(4, vip.id), (4, young.id)]}
        )
        card = self._give_points(150, self.by_email)
        self._give_points(40, self.silent)
        self.Card._retail_post_movements(
            [
                {
                    "card": card,
                    "amount": -30,
                    "kind": "spend",
                    "store_id": self.config.id,
                }
            ]
        )
        self.env.flush_all()
        self.env.user.group_ids |= self.env.ref("retail_card.group_card_store_manager")
        Report = self.env["retail.loyalty.report"]
        domain = [("partner_id", "in", (self.by_email | self.silent).ids)]
        self.assertEqual(
            dict(Report._read_group(domain, ["zip"], ["points_issued:sum"])),
            {"28001": 150, False: 40},
        )
        self.assertEqual(
            dict(Report._read_group(domain, ["segment_ids"], ["points_issued:sum"])),
            {vip: 150, young: 150, self.env["retail.segment"]: 40},
        )
        # a customer of two segments counts once in every other total
        [(total,)] = Report._read_group(domain, [], ["points_issued:sum"])
        self.assertEqual(total, 190)
        self.assertEqual(
            dict(Report._read_group(domain, ["store_id"], ["points_spent:sum"])),
            {self.config: 30, self.env["pos.config"]: 0},
        )
        [(month, cards, issued)] = Report._read_group(
            domain, ["date:month"], ["card_id:count_distinct", "points_issued:sum"]
        )
        self.assertEqual(month.month, fields.Date.today().month)
        self.assertEqual((cards, issued), (2, 190))

    def test_export_selected_customers_with_points_and_tier(self):
        """The list export (XLSX or CSV) of a selection of customers carries
        their points and tier."""
        card = self._give_points(150, self.by_email)
        card.sudo().retail_tier_id = self.gold
        self._give_points(50, self.by_sms)
        selection = self.by_email | self.by_sms
        rows = selection.export_data(
            ["name", "retail_loyalty_points", "retail_loyalty_tier_id/name"]
        )["datas"]
        self.assertEqual(
            sorted(rows), [["Ana Email", 150.0, "Gold"], ["Bea Sms", 50.0, ""]]
        )

    def test_receipt_message_of_the_tier_else_of_the_segment(self):
        vip = self.env["retail.segment"].create(
            {"name": "VIP", "retail_loyalty_receipt_message": "Welcome back, VIP!"}
        )
        self.by_email.retail_segment_ids = vip
        card = self._give_points(10, self.by_email)
        self.assertEqual(card.retail_receipt_message, "Welcome back, VIP!")
        self.gold.receipt_message = "Thank you, Gold member!"
        card.sudo().retail_tier_id = self.gold
        self.assertEqual(card.retail_receipt_message, "Thank you, Gold member!")
        self.assertFalse(self._give_points(10, self.silent).retail_receipt_message)
        self.assertIn(
            "retail_receipt_message", self.Card._load_pos_data_fields(self.config)
        )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.retail_marketing.tests.common import RetailMarketingCommon

EMAIL_BODY = (
    "<p>Hi <t t-out='object.name'/>, your code: "
    "<t t-out='object.retail_campaign_coupon_code'/></p>"
)
SMS_BODY = "{{ object.name }}: 10% off with {{ object.retail_campaign_coupon_code }}"


@tagged("post_install", "-at_install", "retail_marketing")
class TestCampaignCoupon(RetailMarketingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.olga = cls._customer(
            "Olga Reachable",
            email="olga@example.com",
            mobile="+34 612 000 007",
            retail_consent_email=True,
            retail_consent_sms=True,
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Scarf", "list_price": 50.0, "sale_ok": True}
        )
        cls.program = cls.env["loyalty.program"].create(
            {
                "name": "Spring coupon",
                "program_type": "coupons",
                "trigger": "with_code",
                "applies_on": "current",
                "rule_ids": [Command.create({"minimum_amount": 0})],
                "reward_ids": [
                    Command.create(
                        {
                            "reward_type": "discount",
                            "discount": 10,
                            "discount_mode": "percent",
                            "discount_applicability": "order",
                            "required_points": 1,
                        }
                    )
                ],
            }
        )
        cls.marketer = new_test_user(
            cls.env,
            login="coupon_marketer",
            # who chooses a coupon program reads Discount & Loyalty programs
            groups="base.group_user,mass_mailing.group_mass_mailing_user,"
            "sales_team.group_sale_salesman",
        )

    def _coupon_mailing(self, partners, mailing_type="mail", **vals):
        values = {
            "retail_coupon_program_id": self.program.id,
            "retail_coupon_valid_days": 30,
        }
        if mailing_type == "mail":
            values["body_html"] = EMAIL_BODY
        else:
            values["body_plaintext"] = SMS_BODY
        return self._mailing(partners, mailing_type, **dict(values, **vals))

    def _cards(self, mailing):
        return self.env["loyalty.card"].search([("retail_mailing_id", "=", mailing.id)])

    def test_the_mailing_alone_carries_the_coupon(self):
        """A coupon program with Odoo's creation email (its default when made
        in the form): the recipients get the campaign's email, not a second
        one per coupon."""
        template = self.env.ref("loyalty.mail_template_loyalty_card")
        self.program.communication_plan_ids = [
            Command.create({"trigger": "create", "mail_template_id": template.id})
        ]
        mailing = self._coupon_mailing(self.customers | self.olga)
        mailing.with_user(self.marketer).action_send_mail()
        cards = self._cards(mailing)
        self.assertEqual(cards.partner_id, self.ana | self.olga)
        self.assertFalse(
            self.env["mail.mail"].search(
                [("model", "=", "loyalty.card"), ("res_id", "in", cards.ids)]
            ),
            "no coupon creation email",
        )
        self.assertEqual(
            len(self.env["mail.mail"].search([("mailing_id", "=", mailing.id)])), 2
        )

    def test_the_ledger_records_the_issue_of_each_coupon(self):
        """A coupon's issue is its ledger row (the mailing, the points of one
        reward); no creation message in each coupon's chatter."""
        mailing = self._coupon_mailing(self.customers | self.olga)
        mailing.with_user(self.marketer).action_send_mail()
        cards = self._cards(mailing)
        self.assertEqual(cards.mapped("points"), [1.0, 1.0])
        for card in cards:
            with self.subTest(partner=card.partner_id.name):
                self.assertEqual(
                    card.history_ids.mapped("description"),
                    [f"Coupon of {mailing.subject}"],
                )
                self.assertEqual(card.history_ids.issued, 1.0)
                self.assertFalse(card.message_ids)

    def test_each_recipient_gets_their_own_code_in_the_email(self):
        mailing = self._coupon_mailing(self.customers | self.olga)
        mailing.with_user(self.marketer).action_send_mail()
        cards = self._cards(mailing)
        # the consent rule leaves the others out: no coupon for them either
        self.assertEqual(cards.partner_id, self.ana | self.olga)
        self.assertEqual(len(set(cards.mapped("code"))), 2)
        self.assertEqual(cards.mapped("points"), [1.0, 1.0])
        self.assertTrue(all(cards.mapped("expiration_date")))
        for card in cards:
            mail = self.env["mail.mail"].search(
                [("mailing_id", "=", mailing.id), ("res_id", "=", card.partner_id.id)]
            )
            self.assertIn(f"your code: {card.code}", mail.body_html)
            # the coupon is credited through the ledger
            self.assertEqual(card.history_ids.retail_kind, "earn")
        mailing.invalidate_recordset()
        self.assertEqual(mailing.retail_coupon_count, 2)
        self.assertEqual(mailing.retail_coupon_redeemed_count, 0)

    def test_sms_carries_the_code(self):
        mailing = self._coupon_mailing(self.ana | self.olga, mailing_type="sms")
        mailing.action_send_sms()
        cards = self._cards(mailing)
        self.assertEqual(cards.partner_id, self.ana | self.olga)
        for card in cards:
            sms = self.env["sms.sms"].search(
                [
                    ("mailing_id", "=", mailing.id),
                    ("partner_id", "=", card.partner_id.id),
                ]
            )
            self.assertTrue(
                sms.body.startswith(
                    f"{card.partner_id.name}: 10% off with {card.code}"
                ),
                sms.body,
            )

    def test_a_resumed_send_issues_no_coupon_twice(self):
        mailing = self._coupon_mailing(self.ana | self.olga)
        # the send is interrupted after the coupons of a first batch
        mailing._retail_issue_coupons(self.ana.ids)
        first = self._cards(mailing)
        mailing.action_send_mail()
        mailing.action_send_mail(res_ids=(self.ana | self.olga).ids)
        cards = self._cards(mailing)
        self.assertEqual(len(cards), 2)
        self.assertIn(first, cards)
        self.assertEqual(cards.mapped("points"), [1.0, 1.0])

    def test_a_coupon_is_the_card_odoo_would_create(self):
        """The coupons are inserted set-based: each holds what Odoo's create
        gives a card of the program (its company, code format, the stored
        computed fields), readable through the ORM at once."""
        self.program.company_id = self.env.company
        mailing = self._coupon_mailing(self.ana | self.olga)
        mailing.with_user(self.marketer).action_send_mail()
        by_hand = (
            self.env["loyalty.card"]
            .sudo()
            .create({"program_id": self.program.id, "partner_id": self.ana.id})
        )
        stored = [
            name
            for name, field in by_hand._fields.items()
            if field.store
            and field.compute
            and name not in ("retail_mailing_id", "display_name")
        ]
        for card in self._cards(mailing):
            with self.subTest(partner=card.partner_id.name):
                self.assertEqual(card.company_id, self.env.company)
                self.assertRegex(card.code, r"^044(-[0-9a-f]{4}){4}$")
                self.assertTrue(card.active)
                self.assertEqual(card.create_uid, self.marketer)
                self.assertEqual(
                    {name: card[name] for name in stored if name != "points"},
                    {name: by_hand[name] for name in stored if name != "points"},
                )

    def test_a_coupon_code_equal_to_a_trigger_code_is_refused(self):
        """The coupons inserted set-based are checked as Odoo's create checks
        a card: a code equal to a program's trigger code is refused, and the
        send issues nothing."""
        self.env["loyalty.program"].create(
            {
                "name": "Code promotion",
                "program_type": "promotion",
                "trigger": "with_code",
                "rule_ids": [Command.create({"mode": "with_code", "code": "SPRING"})],
                "reward_ids": [Command.create({"reward_type": "discount"})],
            }
        )
        mailing = self._coupon_mailing(self.ana)
        Card = type(self.env["loyalty.card"])
        with (
            patch.object(Card, "_generate_code", lambda _self: "SPRING"),
            self.assertRaisesRegex(ValidationError, "same code"),
            self.env.cr.savepoint(),
        ):
            mailing._retail_issue_coupons(self.ana.ids)
        self.assertFalse(self._cards(mailing))

    def test_the_mailing_coupons_have_one_index(self):
        """The coupons of a batch's customers are read through the index of
        the mailing and customer: no index of the mailing alone, which
        PostgreSQL would choose and then read every coupon of the mailing at
        each batch of a send."""
        self.env.cr.execute(
            """
            SELECT indexname FROM pg_indexes
             WHERE tablename = 'loyalty_card' AND indexdef LIKE '%%retail_mailing_id%%'
            """
        )
        self.assertEqual(
            [name for (name,) in self.env.cr.fetchall()],
            ["loyalty_card_retail_one_coupon_per_recipient"],
        )

    def test_holdout_customers_get_no_coupon(self):
        many = self.olga
        for index in range(18):
            many |= self._customer(
                f"Customer {index}",
                email=f"c{index}@example.com",
                retail_consent_email=True,
            )
        mailing = self._coupon_mailing(many, retail_holdout_percent=20)
        mailing.action_send_mail()
        held = mailing.retail_holdout_ids.partner_id
        self.assertEqual(len(held), 4)
        self.assertFalse(self._cards(mailing).partner_id & held)
        self.assertEqual(len(self._cards(mailing)), 15)

    def test_the_coupon_is_redeemed_once_on_a_sale_order_and_counted(self):
        mailing = self._coupon_mailing(self.ana)
        mailing.action_send_mail()
        card = self._cards(mailing)
        order = self.env["sale.order"].create(
            {
                "partner_id": self.ana.id,
                "order_line": [Command.create({"product_id": self.product.id})],
            }
        )
        status = order._try_apply_code(card.code)
        self.assertNotIn("error", status)
        order._apply_program_reward(self.program.reward_ids, card)
        order.action_confirm()
        self.assertAlmostEqual(order.amount_untaxed, 45.0)
        self.assertEqual(card.points, 0.0)
        mailing.invalidate_recordset()
        self.assertEqual(mailing.retail_coupon_redeemed_count, 1)
        second = self.env["sale.order"].create(
            {
                "partner_id": self.ana.id,
                "order_line": [Command.create({"product_id": self.product.id})],
            }
        )
        status = second._try_apply_code(card.code)
        self.assertFalse(
            status.get(card), "a used coupon offers no reward a second time"
        )

    def test_the_code_is_not_readable_outside_the_send(self):
        mailing = self._coupon_mailing(self.ana)
        mailing.action_send_mail()
        salesman = new_test_user(
            self.env, login="coupon_salesman", groups="base.group_user"
        )
        with self.assertRaises(AccessError):
            self.ana.with_user(salesman).with_context(
                retail_mailing_id=mailing.id
            ).read(["retail_campaign_coupon_code"])
        self.assertFalse(self.ana.retail_campaign_coupon_code)

    def test_bad_input(self):
        promotion = self.program.copy({"program_type": "promotion"})
        with self.assertRaisesRegex(ValidationError, "must be a coupon program"):
            self._coupon_mailing(self.ana, retail_coupon_program_id=promotion.id)
        with self.assertRaisesRegex(ValidationError, "valid for 0 to 3650 days"):
            self._coupon_mailing(self.ana, retail_coupon_valid_days=100000)
        with self.assertRaisesRegex(ValidationError, "valid for 0 to 3650 days"):
            self._coupon_mailing(self.ana, retail_coupon_valid_days=-1)
        mailing = self._coupon_mailing(self.ana)
        self.program.active = False
        with self.assertRaisesRegex(ValidationError, "is archived"):
            mailing.action_send_mail()
        self.assertFalse(self._cards(mailing))

    def test_the_form_as_a_marketer_fills_it(self):
        with Form(
            self.env["mailing.mailing"].with_user(self.marketer),
            view="mass_mailing.view_mail_mass_mailing_form",
        ) as form:
            form.subject = "Spring coupon"
            form.mailing_model_id = self.env["ir.model"]._get("res.partner")
            form.mailing_domain = repr([("id", "in", self.ana.ids)])
            form.body_arch = EMAIL_BODY
            form.retail_coupon_program_id = self.program
            form.retail_coupon_valid_days = 15
        mailing = form.record
        mailing.with_user(self.marketer).action_send_mail()
        self.assertEqual(self._cards(mailing).partner_id, self.ana)

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, ValidationError
from odoo.service.model import call_kw
from odoo.tests import Form, new_test_user, tagged

from .receipt_common import ReceiptCommon


@tagged("post_install", "-at_install")
class TestReceiptRules(ReceiptCommon):
    def test_highest_priority_prints_one_message(self):
        self._rule("Everyone", "Thank you {first_name}!", priority=5)
        self._rule(
            "Boots",
            "Enjoy your boots, {name}.",
            priority=20,
            categ_ids=[Command.link(self.categ_shoes.id)],
        )
        order, result = self._sync([(self.boot, 1)], self.lola)
        self.assertEqual(order.retail_receipt_message, "Enjoy your boots, Lola Flores.")
        # what the till prints comes back with the synced order
        self.assertEqual(
            result["pos.order"][0]["retail_receipt_message"],
            "Enjoy your boots, Lola Flores.",
        )
        other, _result = self._sync([(self.sock, 1)], self.pepe)
        self.assertEqual(other.retail_receipt_message, "Thank you Pepe!")

    def test_no_customer_no_message(self):
        self._rule("Everyone", "Thank you!")
        order, _result = self._sync([(self.sock, 1)], False)
        self.assertFalse(order.retail_receipt_message)
        self.assertFalse(order.retail_receipt_rule_id)

    def test_once_per_customer_then_next_rule(self):
        self._rule("Welcome", "Welcome {first_name}", priority=20)
        self._rule(
            "Again", "Good to see you again", priority=5, once_per_customer=False
        )
        first, _r = self._sync([(self.sock, 1)], self.lola)
        second, _r = self._sync([(self.sock, 1)], self.lola)
        third, _r = self._sync([(self.sock, 1)], self.lola)
        self.assertEqual(first.retail_receipt_message, "Welcome Lola")
        self.assertEqual(second.retail_receipt_message, "Good to see you again")
        self.assertEqual(third.retail_receipt_message, "Good to see you again")

    def test_conditions(self):
        segment = self.env["retail.segment"].create(
            {"name": "VIP", "partner_ids": [Command.link(self.lola.id)]}
        )
        self._rule(
            "VIP",
            "VIP {first_name}",
            priority=30,
            segment_ids=[Command.link(segment.id)],
        )
        self._rule("Birthday", "Happy birthday", priority=20, birthday_month=True)
        self._rule("Lapsed", "We missed you", priority=10, last_purchase_min_days=90)
        self._rule(
            "Scarf", "Nice scarf", priority=5, product_ids=[Command.link(self.scarf.id)]
        )
        today = fields.Date.context_today(self.env.user)
        self.pepe.retail_birth_date = date(1990, today.month, 1)
        ana = self.env["res.partner"].create({"name": "Ana"})
        ana.sudo().retail_last_purchase_date = fields.Datetime.now() - timedelta(
            days=100
        )
        juan = self.env["res.partner"].create({"name": "Juan"})
        juan.sudo().retail_last_purchase_date = fields.Datetime.now() - timedelta(
            days=10
        )
        expected = [
            (self.lola, [(self.scarf, 1)], "VIP Lola"),
            (self.pepe, [(self.scarf, 1)], "Happy birthday"),
            (ana, [(self.scarf, 1)], "We missed you"),
            (juan, [(self.scarf, 1)], "Nice scarf"),
            (juan, [(self.sock, 1)], False),
        ]
        for customer, lines, message in expected:
            with self.subTest(customer=customer.name, message=message):
                order, _r = self._sync(lines, customer)
                self.assertEqual(order.retail_receipt_message, message)

    def test_message_in_the_customer_language(self):
        self.env["res.lang"]._activate_lang("es_ES")
        rule = self._rule("Thanks", "Thank you {first_name}")
        rule.with_context(lang="es_ES").message = "Gracias {first_name}"
        self.lola.lang = "es_ES"
        order, _r = self._sync([(self.sock, 1)], self.lola)
        self.assertEqual(order.retail_receipt_message, "Gracias Lola")

    def test_till_cannot_choose_or_rewrite_the_message(self):
        self._rule("Everyone", "Thank you {first_name}")
        order, _r = self._sync(
            [(self.sock, 1)],
            self.lola,
            retail_receipt_message="Free TV",
            retail_receipt_coupon_code="FORGED",
        )
        self.assertEqual(order.retail_receipt_message, "Thank you Lola")
        self.assertFalse(order.retail_receipt_coupon_code)
        with self.assertRaises(AccessError):
            call_kw(
                self.env["pos.order"].with_user(self.cashier),
                "write",
                [[order.id], {"retail_receipt_message": "Free TV"}],
                {},
            )

    def test_rule_figures_checked_in_the_form(self):
        with self.assertRaises(ValidationError):
            self._rule("Bad", "Hello {password}")
        with self.assertRaises(ValidationError):
            self._rule(
                "Bad", "Hi", last_purchase_min_days=30, last_purchase_max_days=10
            )
        with self.assertRaises(ValidationError):
            self._rule(
                "Bad", "Hi", coupon_program_id=self.program.id, event_id=self.event.id
            )
        form = Form(self.env["retail.receipt.rule"])
        form.name = "Form rule"
        form.message = "Hello {first_name}, your coupon {coupon}"
        form.coupon_program_id = self.program
        rule = form.save()
        self.assertEqual(rule.company_id, self.env.company)
        self.assertEqual(rule.message, "Hello {first_name}, your coupon {coupon}")


@tagged("post_install", "-at_install")
class TestReceiptCoupons(ReceiptCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule = cls._rule(
            "Coupon",
            "{first_name}, 10% off next time: {coupon}",
            coupon_program_id=cls.program.id,
            coupon_valid_days=30,
        )

    def _card(self, order):
        return self.env["loyalty.card"].search(
            [("retail_receipt_order_id", "=", order.id)]
        )

    def test_each_customer_gets_a_coupon_of_their_own(self):
        order_a, result = self._sync([(self.boot, 1)], self.lola)
        order_b, _r = self._sync([(self.boot, 1)], self.pepe)
        card_a, card_b = self._card(order_a), self._card(order_b)
        self.assertEqual(len(card_a), 1)
        self.assertEqual(card_a.partner_id, self.lola)
        self.assertEqual(card_a.points, 1.0)
        self.assertNotEqual(card_a.code, card_b.code)
        self.assertEqual(order_a.retail_receipt_coupon_code, card_a.code)
        self.assertEqual(
            result["pos.order"][0]["retail_receipt_coupon_code"], card_a.code
        )
        self.assertIn(card_a.code, order_a.retail_receipt_message)
        self.assertEqual(
            card_a.expiration_date,
            fields.Date.context_today(card_a) + timedelta(days=30),
        )
        # credited through the ledger
        self.assertEqual(card_a.history_ids.mapped("issued"), [1.0])

    def test_coupon_redeemed_once(self):
        order, _r = self._sync([(self.boot, 1)], self.lola)
        card = self._card(order)
        reward = self.program.reward_ids
        later, _r = self._sync(
            [
                (self.scarf, 1),
                {
                    "product": reward.discount_line_product_id,
                    "quantity": 1,
                    "price_unit": -2.0,
                    "price_subtotal": -2.0,
                    "price_subtotal_incl": -2.0,
                    "is_reward_line": True,
                    "reward_id": reward.id,
                    "coupon_id": card.id,
                    "points_cost": 1,
                    "reward_identifier_code": "receipt-coupon",
                },
            ],
            self.lola,
        )
        call_kw(
            self.env["pos.order"].with_user(self.cashier),
            "confirm_coupon_programs",
            [
                [later.id],
                {
                    str(card.id): {
                        "points": -1,
                        "program_id": self.program.id,
                        "coupon_id": card.id,
                    }
                },
            ],
            {},
        )
        self.assertEqual(card.points, 0.0)
        check = call_kw(
            self.env["pos.order"].with_user(self.cashier),
            "validate_coupon_programs",
            [[], {str(card.id): -1}, []],
            {},
        )
        self.assertFalse(check["successful"])

    def test_resync_issues_no_second_coupon(self):
        uuid = "b1c2d3e4-0000-4000-8000-00000000c0de"
        order, _r = self._sync([(self.boot, 1)], self.lola, uuid=uuid)
        again, _r = self._sync([(self.boot, 1)], self.lola, uuid=uuid)
        self.assertEqual(order, again)
        self.assertEqual(
            self.env["loyalty.card"].search_count(
                [("program_id", "=", self.program.id)]
            ),
            1,
        )


@tagged("post_install", "-at_install")
class TestReceiptInvitations(ReceiptCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule = cls._rule(
            "Private sale",
            "{first_name}, you are invited to {event}",
            event_id=cls.event.id,
            once_per_customer=False,
        )

    def _registrations(self):
        return self.env["event.registration"].search([("event_id", "=", self.event.id)])

    def test_registered_once(self):
        uuid = "b1c2d3e4-0000-4000-8000-0000000e0e01"
        order, _r = self._sync([(self.boot, 1)], self.lola, uuid=uuid)
        self._sync([(self.boot, 1)], self.lola, uuid=uuid)
        registration = self._registrations()
        self.assertEqual(len(registration), 1)
        self.assertEqual(registration.partner_id, self.lola)
        self.assertEqual(order.retail_receipt_event_code, registration.barcode)
        self.assertEqual(
            order.retail_receipt_message, "Lola, you are invited to Private sale"
        )
        # a later receipt prints the same invitation
        later, _r = self._sync([(self.sock, 1)], self.lola)
        self.assertEqual(len(self._registrations()), 1)
        self.assertEqual(later.retail_receipt_event_code, registration.barcode)


@tagged("post_install", "-at_install", "retail_security")
class TestReceiptRuleCompanies(ReceiptCommon):
    def test_rules_stay_in_their_company(self):
        other = self.env["res.company"].create({"name": "Franchise"})
        foreign = self.env["retail.receipt.rule"].create(
            {
                "name": "Franchise rule",
                "message": "Franchise message",
                "priority": 99,
                "company_id": other.id,
            }
        )
        own = self._rule("Own", "Own message")
        order, _r = self._sync([(self.sock, 1)], self.lola)
        self.assertEqual(order.retail_receipt_rule_id, own)
        manager = new_test_user(
            self.env,
            login="receipt_manager",
            groups="point_of_sale.group_pos_manager",
            company_id=self.config.company_id.id,
            company_ids=[Command.set(self.config.company_id.ids)],
        )
        Rule = self.env["retail.receipt.rule"].with_user(manager)
        self.assertEqual(Rule.search([]), own)
        with self.assertRaises(AccessError):
            Rule.browse(foreign.id).read(["message"])

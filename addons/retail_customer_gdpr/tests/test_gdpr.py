# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.service.model import call_kw
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.retail_customer.tests.common import RetailCustomerCommon, dni


def rpc(env, user, model, method, *args, **kwargs):
    """Call a model method the way the web client and the till do."""
    return call_kw(env[model].with_user(user), method, list(args), kwargs)


class RetailGdprCommon(RetailCustomerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env, login="gdpr_salesman", groups="sales_team.group_sale_salesman"
        )
        cls.cashier = new_test_user(
            cls.env,
            login="gdpr_cashier",
            groups="base.group_user,point_of_sale.group_pos_user",
        )
        cls.manager = new_test_user(
            cls.env, login="gdpr_manager", groups="sales_team.group_sale_manager"
        )
        cls.madrid = cls.env.ref("base.state_es_m")
        cls.segment = cls.env["retail.segment"].create({"name": "GDPR segment"})
        cls.customer = cls._customer(
            "Marta Borrable",
            email="marta@example.com",
            phone="+34 910 000 001",
            mobile="+34 655 000 001",
            street="Calle Secreta 7",
            zip="28004",
            city="Madrid",
            state_id=cls.madrid.id,
            national_id=dni(16180339),
            card_number="TARJ-GDPR-1",
            comment="Allergic to nuts",
            retail_consent_email=True,
            retail_consent_sms=True,
            retail_segment_ids=[Command.link(cls.segment.id)],
        )
        cls.address = cls.env["res.partner"].create(
            {
                "name": "Marta Borrable (home)",
                "type": "delivery",
                "parent_id": cls.customer.id,
                "street": "Calle Secreta 7",
                "phone": "+34 910 000 001",
            }
        )
        cls.product = cls.env["product.product"].create(
            {"name": "GDPR shoes", "list_price": 60.0, "taxes_id": []}
        )
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": cls.product.id,
                            "product_uom_qty": 2,
                            "price_unit": 60.0,
                            "tax_ids": [],
                        }
                    )
                ],
            }
        )
        cls.order.action_confirm()
        cls.customer.message_post(body="Called about her order at +34 655 000 001")


@tagged("post_install", "-at_install", "retail_security")
class TestAnonymize(RetailGdprCommon):
    def _totals(self):
        """The customer's orders, and the statistics that count it where
        retail_customer_kpi is installed (it is auto-installed)."""
        orders = self.env["sale.order"]._read_group(
            [("partner_id", "=", self.customer.id)], [], ["amount_total:sum"]
        )
        if "retail.customer.report" not in self.env:
            return orders
        Report = self.env["retail.customer.report"]
        Report.invalidate_model()
        by_place = Report._read_group(
            [],
            ["state_id", "zip", "channel_id"],
            ["customer_count:sum", "purchase_count:sum", "total_spent:sum"],
        )
        by_segment = self.env["retail.customer.segment.report"]._read_group(
            [("segment_id", "=", self.segment.id)],
            [],
            ["customer_count:sum", "total_spent:sum"],
        )
        stats = self.env["retail.customer.stat"]._read_group(
            [("partner_id", "=", self.customer.id)],
            ["kind"],
            ["amount:sum", "order_count:sum"],
        )
        kpis = self.customer.read(
            ["retail_purchase_count", "retail_total_spent", "retail_average_basket"]
        )
        return by_place, by_segment, stats, orders, kpis

    def test_only_sales_administrators_anonymise(self):
        for user in (self.salesman, self.cashier):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    rpc(
                        self.env,
                        user,
                        "res.partner",
                        "action_retail_anonymize",
                        [self.customer.id],
                    )
                with self.assertRaises(AccessError):
                    self.customer.with_user(user)._retail_anonymize("Asked")
                with self.assertRaises(AccessError):
                    rpc(
                        self.env,
                        user,
                        "retail.gdpr.anonymize",
                        "create",
                        {
                            "partner_ids": [Command.set(self.customer.ids)],
                            "reason": "x",
                        },
                    )
        self.assertEqual(self.customer.email, "marta@example.com")
        self.assertTrue(self.customer.active)

    def test_anonymise_erases_personal_data_and_keeps_totals(self):
        before = self._totals()
        action = self.customer.with_user(self.manager).action_retail_anonymize()
        self.assertEqual(action["res_model"], "retail.gdpr.anonymize")
        wizard = Form(
            self.env["retail.gdpr.anonymize"]
            .with_user(self.manager)
            .with_context(**action["context"])
        )
        wizard.reason = "Customer's request by email of 2026-03-01"
        wizard.save().action_confirm()

        customer = self.customer.with_context(active_test=False)
        self.assertRecordValues(
            customer,
            [
                {
                    "name": f"Anonymised customer {customer.customer_number}",
                    "active": False,
                    "email": False,
                    "phone": False,
                    "mobile": False,
                    "street": False,
                    "comment": False,
                    "card_number": False,
                    "national_id": False,
                    "retail_phone_sanitized": False,
                    "retail_mobile_sanitized": False,
                    "phone_sanitized": False,
                    "email_normalized": False,
                    "retail_consent_email": False,
                    "retail_consent_sms": False,
                    "retail_consent_email_source": "erasure",
                    # kept for statistics, not identifying
                    "zip": "28004",
                    "city": "Madrid",
                    "state_id": self.madrid.id,
                    "retail_channel_id": self.channel_store.id,
                    "retail_segment_ids": self.segment.ids,
                }
            ],
        )
        self.assertTrue(customer.retail_anonymized_date)
        self.assertRecordValues(
            self.address.with_context(active_test=False),
            [{"active": False, "street": False, "phone": False}],
        )
        self.assertNotIn("Marta", self.address.with_context(active_test=False).name)
        # nothing personal left in the chatter
        messages = self.env["mail.message"].search(
            [("model", "=", "res.partner"), ("res_id", "=", customer.id)]
        )
        self.assertFalse(messages)
        # orders stay linked, totals unchanged
        self.assertEqual(self.order.partner_id, customer)
        self.assertEqual(self._totals(), before)
        # the request is recorded: who, when, why
        request = self.env["retail.gdpr.request"].search(
            [("partner_id", "=", customer.id)]
        )
        self.assertRecordValues(
            request,
            [
                {
                    "request_type": "anonymize",
                    "user_id": self.manager.id,
                    "reason": "Customer's request by email of 2026-03-01",
                }
            ],
        )
        self.assertTrue(request.create_date)
        # and the erased customer is no longer found by its old identifiers
        for query in ("marta@example.com", "TARJ-GDPR-1", dni(16180339), "655000001"):
            with self.subTest(query=query):
                self.assertFalse(
                    self.env["res.partner"]
                    .with_context(active_test=False)
                    .retail_find_customers(query)
                )

    def test_anonymise_refuses_users_companies_and_no_reason(self):
        company_partner = self._customer("Borrable SL", is_company=True)
        for partner in (
            self.salesman.partner_id,
            company_partner,
            self.env.company.partner_id,
        ):
            with self.subTest(partner=partner.name), self.assertRaises(UserError):
                partner.with_user(self.manager)._retail_anonymize("Asked")
        for reason in ("", "   ", None, 42):
            with self.subTest(reason=reason), self.assertRaises(ValidationError):
                self.customer.with_user(self.manager)._retail_anonymize(reason)
        self.assertEqual(
            self.salesman.partner_id.name,
            "gdpr_salesman (sales_team.group_sale_salesman)",
        )
        self.assertTrue(self.customer.active)
        self.assertFalse(self.env["retail.gdpr.request"].search([]))

    def test_requests_not_forged_nor_seen_by_others(self):
        self.customer.with_user(self.manager)._retail_anonymize("Asked")
        with self.assertRaises(AccessError):
            rpc(
                self.env,
                self.manager,
                "retail.gdpr.request",
                "create",
                {
                    "partner_id": self.customer.id,
                    "request_type": "export",
                    "user_id": self.manager.id,
                    "company_id": self.env.company.id,
                },
            )
        with self.assertRaises(AccessError):
            rpc(self.env, self.salesman, "retail.gdpr.request", "search_read", [])
        self.assertEqual(
            len(rpc(self.env, self.manager, "retail.gdpr.request", "search_read", [])),
            1,
        )

    def test_requests_of_another_company_hidden(self):
        self.customer.with_user(self.manager)._retail_anonymize("Asked")
        franchise = self._create_company(name="GDPR franchise")
        manager_b = new_test_user(
            self.env,
            login="gdpr_manager_b",
            groups="sales_team.group_sale_manager",
            company_id=franchise.id,
            company_ids=[franchise.id],
        )
        Request = self.env["retail.gdpr.request"]
        self.assertFalse(Request.with_user(manager_b).search([]))
        self.assertEqual(len(Request.with_user(self.manager).search([])), 1)


@tagged("post_install", "-at_install", "retail_security")
class TestPersonalDataExport(RetailGdprCommon):
    def test_export_in_one_file(self):
        action = rpc(
            self.env,
            self.manager,
            "res.partner",
            "action_retail_export_personal_data",
            [self.customer.id],
        )
        self.assertEqual(action["type"], "ir.actions.act_url")
        attachment_id = int(action["url"].split("/web/content/")[1].split("?")[0])
        attachment = self.env["ir.attachment"].browse(attachment_id)
        data = json.loads(attachment.raw)
        self.assertEqual(data["customer"]["email"], "marta@example.com")
        self.assertEqual(data["customer"]["national_id"], dni(16180339))
        self.assertEqual(data["consents"]["email"]["given"], True)
        self.assertEqual(data["consents"]["email"]["source"], "backoffice")
        self.assertTrue(data["consents"]["sms"]["date"])
        self.assertEqual(data["segments"], ["GDPR segment"])
        self.assertEqual(
            [(o["name"], o["amount_total"]) for o in data["sale_orders"]],
            [(self.order.name, 120.0)],
        )
        self.assertEqual(data["pos_orders"], [])
        self.assertEqual(data["contacts"][0]["name"], "Marta Borrable (home)")
        if "retail.customer.report" in self.env:
            self.assertEqual(data["purchases"]["total_spent"], 120.0)
        # only its creator may download it, not a salesman who reads the customer
        with self.assertRaises(AccessError):
            attachment.with_user(self.salesman).read(["raw"])
        self.assertEqual(
            self.env["retail.gdpr.request"]
            .search([("partner_id", "=", self.customer.id)])
            .request_type,
            "export",
        )

    def test_export_refused_to_others(self):
        for user in (self.salesman, self.cashier):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                rpc(
                    self.env,
                    user,
                    "res.partner",
                    "action_retail_export_personal_data",
                    [self.customer.id],
                )
        self.assertFalse(
            self.env["ir.attachment"].search([("name", "like", "personal_data_")])
        )

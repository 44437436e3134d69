# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
import json

import openpyxl

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.service.model import call_kw
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.point_of_sale.tests.common import TestPoSCommon

from .common import RetailCustomerCommon, dni


def rpc(env, user, model, method, *args, **kwargs):
    """Call a model method the way the web client and the till do."""
    return call_kw(env[model].with_user(user), method, list(args), kwargs)


@tagged("post_install", "-at_install", "retail_security")
class TestNationalIdVisibility(TestPoSCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.country_id = cls.env.ref("base.es")
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Lucía Documento",
                "country_id": cls.env.ref("base.es").id,
                "national_id": dni(27182818),
            }
        )
        company = {"company_id": cls.company.id, "company_ids": [cls.company.id]}
        cls.cashier = new_test_user(
            cls.env,
            login="nid_cashier",
            groups="base.group_user,point_of_sale.group_pos_user",
            **company,
        )
        cls.salesman = new_test_user(
            cls.env,
            login="nid_salesman",
            groups="sales_team.group_sale_salesman",
            **company,
        )
        cls.pos_manager = new_test_user(
            cls.env,
            login="nid_pos_manager",
            groups="point_of_sale.group_pos_manager",
            **company,
        )
        cls.sale_manager = new_test_user(
            cls.env,
            login="nid_sale_manager",
            groups="sales_team.group_sale_manager",
            **company,
        )

    def test_cashier_cannot_read_nor_write_national_id(self):
        for user in (self.cashier, self.salesman):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    rpc(
                        self.env,
                        user,
                        "res.partner",
                        "read",
                        [self.customer.id],
                        ["national_id"],
                    )
                with self.assertRaises(AccessError):
                    rpc(
                        self.env,
                        user,
                        "res.partner",
                        "search",
                        [("national_id", "=", dni(27182818))],
                    )
                with self.assertRaises(AccessError):
                    rpc(
                        self.env,
                        user,
                        "res.partner",
                        "write",
                        [self.customer.id],
                        {"national_id": dni(11111111)},
                    )
                self.assertNotIn(
                    "national_id",
                    rpc(self.env, user, "res.partner", "fields_get", ["national_id"]),
                )
        self.assertEqual(self.customer.national_id, dni(27182818))

    def test_managers_read_national_id(self):
        for user in (self.pos_manager, self.sale_manager):
            with self.subTest(user=user.login):
                self.assertTrue(
                    user.has_group("retail_customer.group_retail_national_id")
                )
                self.assertEqual(
                    rpc(
                        self.env,
                        user,
                        "res.partner",
                        "read",
                        [self.customer.id],
                        ["national_id"],
                    )[0]["national_id"],
                    dni(27182818),
                )

    def test_cashier_finds_by_national_id_without_seeing_it(self):
        typed = "27.182.818-" + dni(27182818)[-1].lower()
        result = rpc(
            self.env,
            self.cashier,
            "res.partner",
            "retail_pos_search",
            self.basic_config.id,
            typed,
        )
        self.assertEqual([p["id"] for p in result["res.partner"]], [self.customer.id])
        self.assertNotIn("national_id", result["res.partner"][0])
        self.assertNotIn(dni(27182818), repr(result))
        # the name search of any many2one finds the customer too
        found = rpc(self.env, self.cashier, "res.partner", "name_search", typed)
        self.assertEqual([row[0] for row in found], [self.customer.id])
        # the till's data never carries the number for a cashier
        fields_cashier = (
            self.env["res.partner"]
            .with_user(self.cashier)
            ._load_pos_data_fields(self.basic_config)
        )
        self.assertNotIn("national_id", fields_cashier)
        self.assertIn(
            "national_id",
            self.env["res.partner"]
            .with_user(self.pos_manager)
            ._load_pos_data_fields(self.basic_config),
        )
        # a wrong number finds nobody
        result = (
            self.env["res.partner"]
            .with_user(self.cashier)
            .retail_pos_search(self.basic_config.id, dni(27182819))
        )
        self.assertEqual(result["res.partner"], [])

    def test_export_leaves_national_id_to_its_group(self):
        def headers(user):
            wizard = (
                self.env["retail.customer.export"]
                .with_user(user)
                .create({"partner_ids": [Command.set(self.customer.ids)]})
            )
            wizard.action_export()
            sheet = openpyxl.load_workbook(
                io.BytesIO(base64.b64decode(wizard.file))
            ).active
            return [cell.value for cell in sheet[1]], [cell.value for cell in sheet[2]]

        header, row = headers(self.salesman)
        self.assertNotIn("National ID", header)
        self.assertNotIn(dni(27182818), row)
        header, row = headers(self.sale_manager)
        self.assertIn("National ID", header)
        self.assertIn(dni(27182818), row)


@tagged("post_install", "-at_install", "retail_security")
class TestConsent(RetailCustomerCommon):
    def test_every_path_dates_and_sources_consent(self):
        back_office = self._customer("Consent Office", retail_consent_email=True)
        self.assertRecordValues(
            back_office,
            [
                {
                    "retail_consent_email_source": "backoffice",
                    "retail_consent_sms_source": False,
                    "retail_consent_sms_date": False,
                }
            ],
        )
        self.assertTrue(back_office.retail_consent_email_date)
        # the till (its partner form sends retail_consent_source="store")
        till = self._customer(
            "Consent Till", retail_consent_sms=True, mobile="+34 611 222 333"
        )
        till.with_context(retail_consent_source="store").retail_consent_email = True
        self.assertEqual(till.retail_consent_email_source, "store")
        self.assertTrue(till.retail_consent_email_date)
        # an explicit source wins; an unknown one in the context is ignored
        form = self._customer(
            "Consent Form",
            retail_consent_email=True,
            retail_consent_email_source="form",
        )
        self.assertEqual(form.retail_consent_email_source, "form")
        bogus = self.Partner.with_context(retail_consent_source="'; DROP").create(
            {"name": "Consent Bogus", "retail_consent_sms": True}
        )
        self.assertEqual(bogus.retail_consent_sms_source, "backoffice")
        # a file import (base_import calls load() with import_file)
        result = self.Partner.with_context(import_file=True).load(
            ["name", "retail_consent_email", "email"],
            [["Consent Imported", "1", "imported@example.com"]],
        )
        self.assertFalse(result["messages"], result["messages"])
        imported = self.Partner.browse(result["ids"])
        self.assertRecordValues(
            imported,
            [{"retail_consent_email": True, "retail_consent_email_source": "import"}],
        )
        self.assertTrue(imported.retail_consent_email_date)
        # a withdrawal is dated and sourced too
        back_office.with_context(retail_consent_source="online").write(
            {"retail_consent_email": False}
        )
        self.assertRecordValues(
            back_office,
            [{"retail_consent_email": False, "retail_consent_email_source": "online"}],
        )
        self.assertTrue(back_office.retail_consent_email_date)

    def test_can_contact_honours_consent(self):
        yes = self._customer(
            "Contact Yes",
            email="yes@example.com",
            mobile="+34 622 000 111",
            retail_consent_email=True,
            retail_consent_sms=True,
        )
        no = self._customer(
            "Contact No", email="no@example.com", mobile="+34 622 000 222"
        )
        no_address = self._customer(
            "Contact Nowhere", retail_consent_email=True, retail_consent_sms=True
        )
        blacklisted = self._customer(
            "Contact Blacklisted",
            email="black@example.com",
            mobile="+34 622 000 333",
            retail_consent_email=True,
            retail_consent_sms=True,
        )
        self.env["mail.blacklist"].sudo()._add("black@example.com")
        self.env["phone.blacklist"].sudo()._add(["+34622000333"])
        archived = self._customer(
            "Contact Archived", email="gone@example.com", retail_consent_email=True
        )
        archived.active = False
        everyone = yes | no | no_address | blacklisted | archived
        self.assertEqual(everyone._retail_can_contact("email"), yes)
        self.assertEqual(everyone._retail_can_contact("sms"), yes)
        self.assertTrue(yes._retail_can_contact("email"))
        self.assertFalse(no._retail_can_contact("sms"))
        # the marketing export applies the same rule
        wizard = (
            self.env["retail.customer.export"]
            .with_context(active_model="res.partner", active_ids=everyone.ids)
            .create({"only_consenting": "email"})
        )
        self.assertEqual(wizard.partner_count, 1)
        self.assertEqual(self.Partner._retail_can_contact("email"), self.Partner)
        for channel in ("post", None, "EMAIL"):
            with self.subTest(channel=channel), self.assertRaises(ValidationError):
                yes._retail_can_contact(channel)


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
        orders = self.env["sale.order"]._read_group(
            [("partner_id", "=", self.customer.id)], [], ["amount_total:sum"]
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

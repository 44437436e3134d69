# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io

import openpyxl

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.service.model import call_kw
from odoo.tests import new_test_user, tagged

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

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import RetailCustomerCommon, dni


@tagged("post_install", "-at_install")
class TestIdentification(RetailCustomerCommon):
    def test_customer_number_from_sequence_and_unique(self):
        a = self._customer("Ana Pérez")
        b = self._customer("Bea López")
        self.assertTrue(a.customer_number and b.customer_number)
        self.assertNotEqual(a.customer_number, b.customer_number)
        self.assertTrue(a.customer_number.startswith("C"))
        # a child address is not a customer of its own
        child = self.Partner.create({"name": "Invoice address", "parent_id": a.id})
        self.assertFalse(child.customer_number)
        with self.assertRaisesRegex(ValidationError, "Ana Pérez"):
            b.write({"customer_number": a.customer_number})

    def test_batch_numbers_are_distinct(self):
        partners = self.Partner.create(
            [{"name": f"Batch {i}", "country_id": self.spain.id} for i in range(50)]
        )
        numbers = partners.mapped("customer_number")
        self.assertEqual(len(set(numbers)), 50)
        self.assertNotIn(False, numbers)

    def test_national_id_spain_normalised(self):
        partner = self._customer("Carlos Ruiz", national_id="12.345.678-z")
        self.assertEqual(partner.national_id, "12345678Z")
        nie = self._customer("Nadia Benali", national_id="x1234567l")
        self.assertEqual(nie.national_id, "X1234567L")
        company = self._customer(
            "Tiendas Sol SL", is_company=True, national_id="B12345674"
        )
        self.assertEqual(company.national_id, "B12345674")

    def test_national_id_invalid_refused(self):
        with self.assertRaisesRegex(ValidationError, "not a valid national ID"):
            self._customer("Wrong Letter", national_id="12345678A")
        with self.assertRaisesRegex(ValidationError, "not a valid national ID"):
            self._customer("Garbage", national_id="hello")
        partner = self._customer("Good One", national_id=dni(1))
        with self.assertRaisesRegex(ValidationError, "not a valid national ID"):
            partner.write({"national_id": "00000001X"})
        self.assertEqual(partner.national_id, dni(1))

    def test_national_id_other_country(self):
        french = self._customer(
            "Marie Dubois", country_id=self.france.id, national_id="FR 40 303 265 045"
        )
        self.assertEqual(french.national_id, "FR40303265045")
        with self.assertRaisesRegex(ValidationError, "France"):
            self._customer(
                "Faux", country_id=self.france.id, national_id="FR00000000001"
            )

    def test_national_id_holds_a_digit(self):
        """A country without a known format takes any 4 to 20 letters and
        digits, never letters alone: a name typed at the till is never
        searched as a national ID."""
        angola = self.env.ref("base.ao")
        partner = self._customer(
            "Ana Neto", country_id=angola.id, national_id="ab-123 456"
        )
        self.assertEqual(partner.national_id, "AB123456")
        with self.assertRaisesRegex(ValidationError, "Angola"):
            self._customer("Rui Costa", country_id=angola.id, national_id="NETOANA")
        self.assertFalse(
            self.Partner.search([("name", "=", "Rui Costa")]), "nothing written"
        )

    def test_national_id_duplicate_names_existing(self):
        first = self._customer("Diego Torres", national_id=dni(42))
        with self.assertRaisesRegex(ValidationError, "Diego Torres"):
            self._customer("Someone Else", national_id=dni(42))
        # archived customers still hold their national ID
        first.action_archive()
        with self.assertRaisesRegex(ValidationError, first.customer_number):
            self._customer("Again", national_id=f"{dni(42)[:8]}-{dni(42)[8]}")
        # two new ones in the same batch
        with self.assertRaisesRegex(ValidationError, "already given"):
            self.Partner.create(
                [
                    {
                        "name": "Twin 1",
                        "country_id": self.spain.id,
                        "national_id": dni(7),
                    },
                    {
                        "name": "Twin 2",
                        "country_id": self.spain.id,
                        "national_id": dni(7),
                    },
                ]
            )

    def test_card_number_duplicate(self):
        self._customer("Card Owner", card_number=" rc-0001 ")
        owner = self.Partner.search([("card_number", "=", "RC-0001")])
        self.assertEqual(owner.name, "Card Owner")
        with self.assertRaisesRegex(ValidationError, "Card Owner"):
            self._customer("Card Thief", card_number="RC-0001")

    def test_phones_normalised_e164(self):
        partner = self._customer(
            "Elena Gil", phone="612 345 678", mobile="+34 (622) 11-12-13"
        )
        self.assertEqual(partner.retail_phone_sanitized, "+34612345678")
        self.assertEqual(partner.retail_mobile_sanitized, "+34622111213")
        french = self._customer(
            "Luc", country_id=self.france.id, mobile="06 12 34 56 78"
        )
        self.assertEqual(french.retail_mobile_sanitized, "+33612345678")

    def test_unparseable_phone_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot be read as a phone"):
            self._customer("Bad Phone", phone="call me maybe")
        with self.assertRaisesRegex(ValidationError, "cannot be read as a phone"):
            self._customer("Short", mobile="12")
        # a contact outside any channel keeps Odoo's tolerance
        contact = self.Partner.create({"name": "Supplier contact", "phone": "ext. 12"})
        self.assertEqual(contact.phone, "ext. 12")

    def test_same_phone_warns(self):
        self._customer("Phone Owner", phone="+34 633 000 111")
        form = Form(self.Partner)
        form.name = "Newcomer"
        form.country_id = self.spain
        with self.assertLogs("odoo.tests.form.onchange", level="WARNING") as logs:
            form.phone = "633000111"
        self.assertIn("Phone Owner", "\n".join(logs.output))

    def test_name_search_by_identifiers(self):
        partner = self._customer(
            "Fernando Alba",
            national_id=dni(99),
            phone="+34 644 555 666",
            card_number="CARD77",
        )
        for query in (
            dni(99),
            "644 555 666",
            "CARD77",
            partner.customer_number,
            "Alba",
        ):
            found = self.Partner.name_search(query)
            self.assertIn(partner.id, [pid for pid, _name in found], query)

    def test_channel_required_fields(self):
        self.channel_online.required_field_ids = self.env["ir.model.fields"].search(
            [("model", "=", "res.partner"), ("name", "in", ["email", "national_id"])]
        )
        with self.assertRaisesRegex(ValidationError, "Online"):
            self._customer("No Email", retail_channel_id=self.channel_online.id)
        ok = self._customer(
            "Full",
            retail_channel_id=self.channel_online.id,
            email="full@example.com",
            national_id=dni(5),
        )
        self.assertEqual(ok.retail_channel_id, self.channel_online)
        with self.assertRaisesRegex(ValidationError, "Email"):
            ok.email = False

    def test_consent_dated(self):
        partner = self._customer("Consent", retail_consent_email=True)
        self.assertTrue(partner.retail_consent_email_date)
        self.assertFalse(partner.retail_consent_sms_date)
        partner.retail_consent_sms = True
        self.assertTrue(partner.retail_consent_sms_date)

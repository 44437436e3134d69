# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import RetailCustomerCommon, dni


@tagged("post_install", "-at_install", "retail_security")
class TestCustomerFile(RetailCustomerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hq = cls.env.company
        cls.franchise_a = cls._create_company(
            name="Franchise A", country_id=cls.spain.id
        )
        cls.franchise_b = cls._create_company(
            name="Franchise B", country_id=cls.spain.id
        )
        (cls.franchise_a | cls.franchise_b).retail_customer_file = "own"
        cls.user_a = new_test_user(
            cls.env,
            login="franchise_a_user",
            groups="base.group_user,base.group_partner_manager,"
            "retail_customer.group_retail_national_id",
            company_id=cls.franchise_a.id,
            company_ids=[cls.franchise_a.id],
        )
        cls.user_b = new_test_user(
            cls.env,
            login="franchise_b_user",
            groups="base.group_user,base.group_partner_manager,"
            "retail_customer.group_retail_national_id",
            company_id=cls.franchise_b.id,
            company_ids=[cls.franchise_b.id],
        )

    def _create_as(self, user, name, **vals):
        return (
            self.env["res.partner"]
            .with_user(user)
            .with_company(user.company_id)
            .create({"name": name, "country_id": self.spain.id, **vals})
        )

    def test_own_file_customers_belong_to_company(self):
        customer = self._create_as(self.user_a, "Franchise A customer")
        self.assertEqual(customer.company_id, self.franchise_a)
        self.assertTrue(customer.customer_number.startswith(f"C{self.franchise_a.id}-"))
        shared = self._customer("Shared customer")
        self.assertFalse(shared.company_id, "the head office shares its file")

    def test_other_franchise_cannot_see_or_read(self):
        customer = self._create_as(self.user_a, "Secret customer", national_id=dni(11))
        Partner_b = self.env["res.partner"].with_user(self.user_b)
        self.assertFalse(Partner_b.search([("name", "=", "Secret customer")]))
        self.assertFalse(Partner_b.search([("national_id", "=", dni(11))]))
        self.assertFalse(Partner_b.name_search(dni(11)))
        with self.assertRaises(AccessError):
            Partner_b.browse(customer.id).read(["name"])
        with self.assertRaises(AccessError):
            Partner_b.browse(customer.id).write({"name": "Stolen"})
        # the owner sees it, and so does everybody for the shared file
        self.assertTrue(
            self.env["res.partner"]
            .with_user(self.user_a)
            .search([("id", "=", customer.id)])
        )
        shared = self._customer("Shared one")
        self.assertTrue(Partner_b.search([("id", "=", shared.id)]))

    def test_same_identifiers_allowed_in_another_file(self):
        self._create_as(
            self.user_a, "Same DNI in A", national_id=dni(12), card_number="K1"
        )
        other = self._create_as(
            self.user_b, "Same DNI in B", national_id=dni(12), card_number="K1"
        )
        self.assertEqual(other.national_id, dni(12))

    def test_switching_mode_loses_nothing(self):
        kept = self._create_as(self.user_a, "Kept apart")
        Partner = self.env["res.partner"].with_context(active_test=False)
        before = Partner.search_count([])
        self.franchise_a.retail_customer_file = "shared"
        self.assertEqual(Partner.search_count([]), before)
        self.assertEqual(kept.company_id, self.franchise_a, "switching moves nobody")
        new = self._create_as(self.user_a, "Created after switch")
        self.assertFalse(new.company_id)
        self.franchise_a.action_retail_share_customers()
        self.assertFalse(kept.company_id)
        self.assertTrue(kept.customer_number, "its number is kept")
        self.assertTrue(
            self.env["res.partner"]
            .with_user(self.user_b)
            .search([("id", "=", kept.id)])
        )
        self.franchise_a.retail_customer_file = "own"
        self.assertEqual(
            self.env["ir.sequence"].search_count(
                [
                    ("code", "=", "retail.customer.number"),
                    ("company_id", "=", self.franchise_a.id),
                ]
            ),
            1,
            "switching back reuses the company's sequence",
        )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.service.model import call_kw
from odoo.tests import tagged

from .common import RetailCustomerCommon, company_user, dni


@tagged("post_install", "-at_install", "retail_security")
class TestNationalIdSearch(RetailCustomerCommon):
    """Finding a customer by national ID tells a user only about
    customers they may read; an ID they may not know answers as a name that
    matches nobody."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.franchise_a = cls._create_company(
            name="NID Franchise A", country_id=cls.spain.id
        )
        cls.franchise_b = cls._create_company(
            name="NID Franchise B", country_id=cls.spain.id
        )
        (cls.franchise_a | cls.franchise_b).retail_customer_file = "own"
        groups = "base.group_user,point_of_sale.group_pos_user"
        cls.cashier_a = company_user(cls.env, "nid_cashier_a", groups, cls.franchise_a)
        cls.cashier_b = company_user(cls.env, "nid_cashier_b", groups, cls.franchise_b)
        cls.secret = cls._customer(
            "Kept Apart Customer",
            company_id=cls.franchise_a.id,
            national_id=dni(4242),
        )
        cls.shared = cls._customer("Shared Customer", national_id=dni(4343))

    def _answers(self, user, query):
        """What each search entry point answers ``user`` for ``query``, as the
        web client and the till call them."""
        Partner = self.env["res.partner"].with_user(user).with_company(user.company_id)
        return {
            "name_search": [
                row[0] for row in call_kw(Partner, "name_search", [query], {})
            ],
            "display_name": call_kw(
                Partner, "search", [[("display_name", "ilike", query)]], {}
            ),
            "find": Partner.retail_find_customers(query).ids,
            "many2one": call_kw(
                Partner,
                "search_count",
                [[("commercial_partner_id", "ilike", query)]],
                {},
            ),
        }

    def test_foreign_national_id_answers_as_an_unknown_name(self):
        nobody = self._answers(self.cashier_b, "Nobody Named Like This")
        self.assertEqual(
            nobody, {"name_search": [], "display_name": [], "find": [], "many2one": 0}
        )
        # attack: franchise B's cashier (no right to national IDs) probes the ID
        # of franchise A's kept-apart customer, and an ID nobody holds
        self.assertEqual(self._answers(self.cashier_b, dni(4242)), nobody)
        self.assertEqual(self._answers(self.cashier_b, dni(4444)), nobody)
        # normal: the cashier of franchise A finds its own customer by ID
        found = self._answers(self.cashier_a, dni(4242))
        self.assertEqual(found["name_search"], self.secret.ids)
        self.assertEqual(found["display_name"], self.secret.ids)
        self.assertEqual(found["find"], self.secret.ids)
        self.assertEqual(found["many2one"], 1)
        # and every cashier finds a customer of the shared file
        self.assertEqual(
            self._answers(self.cashier_b, dni(4343))["find"], self.shared.ids
        )

    def test_national_id_domain_yields_only_readable_customers(self):
        # fields that bypass the comodel's access rules (res.users.partner_id,
        # the operator any!) run the domain of a name search without the record
        # rules of res.partner: what it yields must already be readable
        found = {}
        for user in (self.cashier_a, self.cashier_b):
            domain = (
                self.env["res.partner"]
                .with_user(user)
                .with_company(user.company_id)
                ._retail_national_id_domain(dni(4242))
            )
            found[user] = self.env["res.partner"].sudo().search(domain)
            # the same domain filters records in memory alike
            both = (self.secret | self.shared).sudo()
            self.assertEqual(both.filtered_domain(domain), found[user])
        self.assertEqual(found[self.cashier_a], self.secret)
        self.assertFalse(found[self.cashier_b])

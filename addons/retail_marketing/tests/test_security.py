# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.retail_customer.tests.common import company_user

from .common import RetailMarketingCommon


@tagged("post_install", "-at_install", "retail_marketing", "retail_security")
class TestHoldoutCompanies(RetailMarketingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls._create_company(name="Franchise B")
        cls.franchise_customer = cls._customer(
            "Franchise Customer", company_id=cls.company_b.id
        )
        mailing = cls._mailing(cls.customers)
        cls.shared_holdout, cls.franchise_holdout = cls.env[
            "retail.marketing.holdout"
        ].create(
            [
                {"mailing_id": mailing.id, "partner_id": cls.ana.id},
                {"mailing_id": mailing.id, "partner_id": cls.franchise_customer.id},
            ]
        )
        cls.marketer = company_user(
            cls.env,
            "marketer_a",
            "base.group_user,mass_mailing.group_mass_mailing_user",
            cls.company_a,
        )

    def test_holdout_of_another_customer_file_is_hidden(self):
        Holdout = self.env["retail.marketing.holdout"].with_user(self.marketer)
        found = Holdout.search(
            [("id", "in", (self.shared_holdout | self.franchise_holdout).ids)]
        )
        self.assertEqual(found, self.shared_holdout)
        with self.assertRaises(AccessError):
            Holdout.browse(self.franchise_holdout.id).read(["partner_id"])

    def test_marketer_cannot_rewrite_the_holdout_group(self):
        with self.assertRaises(AccessError):
            self.shared_holdout.with_user(self.marketer).write(
                {"partner_id": self.bruno.id}
            )
        with self.assertRaises(AccessError):
            self.shared_holdout.with_user(self.marketer).unlink()

    def test_recurring_mailing_receipts_of_another_customer_file_are_hidden(self):
        mailing = self._mailing(self.customers, retail_occasion="birthday")
        Sent = self.env["retail.marketing.occasion.sent"]
        shared, franchise = Sent.create(
            [
                {
                    "mailing_id": mailing.id,
                    "run_mailing_id": mailing.id,
                    "partner_id": partner.id,
                    "occasion_key": "2026",
                    "company_id": partner.company_id.id,
                }
                for partner in (self.ana, self.franchise_customer)
            ]
        )
        found = Sent.with_user(self.marketer).search(
            [("id", "in", (shared | franchise).ids)]
        )
        self.assertEqual(found, shared)
        with self.assertRaises(AccessError):
            shared.with_user(self.marketer).write({"occasion_key": "2027"})
        with self.assertRaises(AccessError):
            shared.with_user(self.marketer).unlink()

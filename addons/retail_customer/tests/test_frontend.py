# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user, tagged

from .pos_tour import RetailPosTourCase

# Customers loaded by the till when its session starts (the most frequent buyers,
# then by name); the customers to find are kept out of them.
LOADED_CUSTOMERS = 5


@tagged("post_install", "-at_install")
class TestRetailCustomerPosUi(RetailPosTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        spain = cls.env.ref("base.es")
        # A Spanish store: the till reads phones typed without prefix as Spanish.
        cls.main_pos_config.company_id.country_id = spain
        cls.store_channel = cls.env.ref("retail_customer.retail_channel_store")
        cls.main_pos_config.retail_channel_id = cls.store_channel
        cls.env["ir.config_parameter"].sudo().set_param(
            "point_of_sale.limited_customer_count", LOADED_CUSTOMERS
        )
        # Enough customers sorted before the ones to find to fill the till.
        cls.env["res.partner"].create(
            [{"name": f"AAA Loaded Customer {i}"} for i in range(LOADED_CUSTOMERS + 1)]
        )
        Partner = cls.env["res.partner"]
        cls.phone_customer = Partner.create(
            {
                "name": "Zoe Phonesearch",
                "phone": "+34 612 345 678",
                "country_id": spain.id,
                "customer_number": "RTLPHONE1",
                "retail_channel_id": cls.store_channel.id,
            }
        )
        cls.national_id_customer = Partner.create(
            {
                "name": "Zack Nationalsearch",
                "national_id": "12345678Z",
                "country_id": spain.id,
                "customer_number": "RTLNID1",
                "retail_channel_id": cls.store_channel.id,
            }
        )

    def _assert_not_loaded_at_start(self, partner):
        loaded = {row[0] for row in self.main_pos_config.get_limited_partners_loading()}
        self.assertNotIn(partner.id, loaded)

    def _assert_paid_order(self, partner):
        orders = self.env["pos.order"].search([("partner_id", "=", partner.id)])
        self.assertEqual(len(orders), 1)
        self.assertIn(orders.state, ("paid", "done"))
        self.assertEqual(orders.lines.product_id, self.desk_pad.product_variant_id)
        self.assertEqual(orders.retail_channel_id, self.store_channel)
        self.assertEqual(partner.pos_order_count, 1)

    def test_find_customer_by_phone(self):
        self.assertEqual(self.phone_customer.phone_sanitized, "+34612345678")
        self._assert_not_loaded_at_start(self.phone_customer)
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailCustomerFindByPhoneTour")
        self._assert_paid_order(self.phone_customer)

    def test_find_customer_by_phone_in_spanish(self):
        """The cashier works in Spanish: the till's texts, the customer's channel
        and the receipt's amounts are in Spanish."""
        self._retail_till_in_spanish()
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailCustomerFindByPhoneTourEs")
        self._assert_paid_order(self.phone_customer)

    def test_find_customer_by_national_id(self):
        self.assertEqual(self.national_id_customer.national_id, "12345678Z")
        self._assert_not_loaded_at_start(self.national_id_customer)
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailCustomerFindByNationalIdTour")
        self._assert_paid_order(self.national_id_customer)

    def test_till_creates_customer_in_own_file(self):
        """A store of a company that keeps its file apart: the customer the
        cashier creates with the till's form belongs to that company, and
        another company's user cannot find it."""
        company = self.main_pos_config.company_id
        company.retail_customer_file = "own"
        # cashiers who may create customers (Contact Creation)
        self.pos_user.group_ids |= self.env.ref("base.group_partner_manager")
        other = self.env["res.company"].create({"name": "Other franchise"})
        outsider = new_test_user(
            self.env,
            login="till_file_outsider",
            groups="base.group_user,base.group_partner_manager",
            company_id=other.id,
            company_ids=[other.id],
        )
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailCustomerCreateInOwnFileTour")
        customer = self.env["res.partner"].search(
            [("name", "=", "Franchise Till Customer")]
        )
        self.assertEqual(len(customer), 1)
        self.assertEqual(customer.company_id, company)
        self.assertTrue(customer.customer_number.startswith(f"C{company.id}-"))
        self.assertFalse(
            self.env["res.partner"]
            .with_user(outsider)
            .search([("name", "=", "Franchise Till Customer")])
        )
        order = self.env["pos.order"].search([("partner_id", "=", customer.id)])
        self.assertIn(order.state, ("paid", "done"))

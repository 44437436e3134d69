# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import new_test_user, tagged

from odoo.addons.point_of_sale.tests.common import TestPoSCommon

from .common import dni


@tagged("post_install", "-at_install")
class TestPosSearch(TestPoSCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        spain = cls.env.ref("base.es")
        # a Spanish store: numbers typed without prefix are read as Spanish
        cls.company.country_id = spain
        cls.config = cls.basic_config
        store = cls.env.ref("retail_customer.retail_channel_store")
        cls.Partner = cls.env["res.partner"]
        cls.target = cls.Partner.create(
            {
                "name": "Rosa Jiménez Prieto",
                "country_id": spain.id,
                "phone": "+34 655 443 322",
                "mobile": "+34 699 887 766",
                "national_id": dni(31415926),
                "card_number": "TARJ-0099",
                "retail_channel_id": store.id,
            }
        )
        cls.namesakes = cls.Partner.create(
            [{"name": f"Rosa Jiménez {i}", "country_id": spain.id} for i in range(3)]
        )

    def _search(self, query, offset=0):
        result = self.Partner.retail_pos_search(self.config.id, query, offset)
        return [p["id"] for p in result["res.partner"]], result

    def test_find_by_every_identifier(self):
        for query in (
            "655 443 322",
            "+34655443322",
            "(699) 88-77-66",
            dni(31415926).lower(),
            f"{dni(31415926)[:8]}-{dni(31415926)[8]}",
            self.target.customer_number,
            "tarj-0099",
        ):
            ids, _result = self._search(query)
            self.assertEqual(ids, [self.target.id], query)

    def test_card_number_without_digits_found_before_namesakes(self):
        """A card number of letters only is an identifier too: the customer
        holding it, not the customers whose names contain it."""
        holder = self.Partner.create({"name": "Ana Ros", "card_number": "rosa"})
        self.assertEqual(self._search("ROSA")[0], holder.ids)
        self.assertEqual(self._search(self.target.name)[0], self.target.ids)
        holder.card_number = False
        self.assertNotIn(holder.id, self._search("rosa")[0])
        self.assertIn(self.target.id, self._search("rosa")[0])

    def test_find_by_name_contains(self):
        ids, result = self._search("jiménez")
        self.assertEqual(set(ids), set((self.target | self.namesakes).ids))
        loaded = {p["id"]: p for p in result["res.partner"]}[self.target.id]
        # the till gets our identifiers and the channel with the partner
        self.assertEqual(loaded["customer_number"], self.target.customer_number)
        self.assertEqual(loaded["national_id"], self.target.national_id)
        self.assertEqual(loaded["retail_channel_id"], self.target.retail_channel_id.id)
        self.assertIn("account.fiscal.position", result)

    def test_unknown_and_empty_queries(self):
        self.assertEqual(self._search("zzzz-nobody-zzzz")[0], [])
        self.assertEqual(self._search("   ")[0], [])
        self.assertEqual(self._search("'; DROP TABLE res_partner; --")[0], [])

    def test_paging(self):
        first, _r = self._search("Rosa Jiménez")
        second, _r = self._search("Rosa Jiménez", offset=2)
        self.assertEqual(len(first), 4)
        self.assertEqual(second, first[2:])

    def test_session_loads_no_more_partners_with_a_bigger_file(self):
        self.config.open_ui()
        session = self.config.current_session_id
        before = len(session.load_data(["pos.order", "res.partner"])["res.partner"])
        self.Partner.create([{"name": f"Bulk {i}"} for i in range(300)])
        after = len(session.load_data(["pos.order", "res.partner"])["res.partner"])
        limit = self.config._get_limited_partner_count()
        self.assertLessEqual(before, limit + 1)
        self.assertLessEqual(
            after, limit + 1, "the file grew, what the till loads did not"
        )

    def test_national_number_found_from_a_store_abroad(self):
        french = self.Partner.create(
            {
                "name": "Chloé Martin",
                "country_id": self.env.ref("base.fr").id,
                "mobile": "+33 6 11 22 33 44",
            }
        )
        self.assertEqual(french.retail_mobile_national, "611223344")
        # a store in another country: the number typed without prefix still finds
        # the customer through its national number
        self.company.country_id = self.env.ref("base.us")
        self.assertEqual(self._search("655 443 322")[0], [self.target.id])
        self.assertEqual(self._search("06 11 22 33 44")[0], [french.id])
        # with an international prefix, only the exact E.164 number matches
        self.assertEqual(self._search("+1 611 223 344")[0], [])

    def test_till_reads_what_a_plain_read_gives_in_few_queries(self):
        # several customers found by name, one found by number: the cashier's
        # till gets exactly the fields and values of the POS read of those
        # partners, the search reading their columns with its own query
        self.target.child_ids = [
            Command.create({"name": "Invoices", "type": "invoice", "email": "f@x.es"})
        ]
        self.target.retail_segment_ids = [Command.create({"name": "VIP"})]
        cashier = new_test_user(
            self.env,
            login="search_cashier",
            groups="base.group_user,point_of_sale.group_pos_user",
            company_id=self.company.id,
            company_ids=[self.company.id],
        )
        Partner = self.Partner.with_user(cashier)
        for query in ("Rosa Jiménez", self.target.customer_number):
            self.env.invalidate_all()
            result = Partner.retail_pos_search(self.config.id, query, 0)
            self.env.invalidate_all()
            partners = Partner.browse([p["id"] for p in result["res.partner"]])
            self.assertEqual(
                result["res.partner"],
                Partner._load_pos_data_read(partners, self.config),
                query,
            )
            self.assertEqual(
                result["account.fiscal.position"],
                self.env["account.fiscal.position"]
                .with_user(cashier)
                ._load_pos_data_read(partners.fiscal_position_id, self.config),
            )
        loaded = {p["id"]: p for p in result["res.partner"]}[self.target.id]
        self.assertEqual(loaded["invoice_emails"], "f@x.es")
        self.assertEqual(loaded["retail_segment_names"], "VIP")
        self.env.invalidate_all()
        with self.assertQueryCount(21):
            Partner.retail_pos_search(self.config.id, self.target.customer_number, 0)

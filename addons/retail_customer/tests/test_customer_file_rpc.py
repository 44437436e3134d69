# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer files driven as the web client and an integrator's client drive
them: the customer form's ``onchange`` then ``web_save`` over JSON-RPC (the
form sends ``company_id = False``), then searches, reads and name searches over
JSON-RPC as the users of each company."""

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

SPEC = {"name": {}, "company_id": {"fields": {}}, "customer_number": {}}


@tagged("post_install", "-at_install", "retail_security")
class TestCustomerFileRpc(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hq = cls.env.company
        Company = cls.env["res.company"]
        # created kept apart: the company gets its own customer numbers at once
        cls.franchise_a = Company.create(
            {"name": "Franchise RPC A", "retail_customer_file": "own"}
        )
        cls.franchise_b = Company.create(
            {"name": "Franchise RPC B", "retail_customer_file": "own"}
        )
        groups = "base.group_user,base.group_partner_manager"
        cls.user_a = new_test_user(
            cls.env,
            login="rpc_franchise_a",
            password="rpc_franchise_a",
            groups=groups,
            company_id=cls.franchise_a.id,
            company_ids=[cls.franchise_a.id],
        )
        cls.user_b = new_test_user(
            cls.env,
            login="rpc_franchise_b",
            password="rpc_franchise_b",
            groups=groups,
            company_id=cls.franchise_b.id,
            company_ids=[cls.franchise_b.id],
        )
        cls.user_hq = new_test_user(
            cls.env,
            login="rpc_head_office",
            password="rpc_head_office",
            groups=groups,
            company_id=cls.hq.id,
            company_ids=[cls.hq.id, cls.franchise_a.id],
        )

    def _call(self, user, model, method, args, kwargs=None):
        self.authenticate(user.login, user.login)
        kwargs = dict(kwargs or {})
        kwargs.setdefault("context", {"allowed_company_ids": [user.company_id.id]})
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs},
        )

    def _form_create(self, user, name):
        """What the customer form does: onchange for the defaults, then
        web_save of every field of the view, company_id = False included."""
        defaults = self._call(user, "res.partner", "onchange", [[], {}, [], SPEC])
        values = {**defaults.get("value", {}), "name": name, "company_id": False}
        [record] = self._call(
            user, "res.partner", "web_save", [[], values], {"specification": SPEC}
        )
        return self.env["res.partner"].browse(record["id"])

    def test_company_created_kept_apart_numbers_its_customers(self):
        sequence = self.env["ir.sequence"].search(
            [
                ("code", "=", "retail.customer.number"),
                ("company_id", "=", self.franchise_a.id),
            ]
        )
        self.assertTrue(sequence, "a company created kept apart has its sequence")
        customer = self._form_create(self.user_a, "Numbered RPC customer")
        self.assertTrue(
            customer.customer_number.startswith(f"C{self.franchise_a.id}-"),
            customer.customer_number,
        )

    def test_form_customer_of_franchise_stays_in_its_file(self):
        customer = self._form_create(self.user_a, "Secret RPC customer")
        self.assertEqual(customer.company_id, self.franchise_a)
        # the other franchise neither finds nor reads it, over JSON-RPC
        domain = [["name", "=", "Secret RPC customer"]]
        self.assertEqual(
            self._call(self.user_b, "res.partner", "search_count", [domain]), 0
        )
        self.assertEqual(
            self._call(
                self.user_b, "res.partner", "name_search", [], {"name": "Secret RPC"}
            ),
            [],
        )
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self._call(self.user_b, "res.partner", "read", [customer.ids, ["name"]])
        # its own company finds it
        self.assertEqual(
            self._call(self.user_a, "res.partner", "search", [domain]), customer.ids
        )

    def test_only_head_office_adds_to_the_shared_file(self):
        shared = self._form_create(self.user_hq, "Shared RPC customer")
        self.assertFalse(shared.company_id, "the head office shares its file")
        self.assertEqual(
            self._call(
                self.user_b,
                "res.partner",
                "search",
                [[["name", "=", "Shared RPC customer"]]],
            ),
            shared.ids,
        )
        # a franchisee cannot move its customer to the shared file by a write
        customer = self._form_create(self.user_a, "Kept RPC customer")
        with self.assertRaisesRegex(JsonRpcException, "UserError"):
            self._call(
                self.user_a,
                "res.partner",
                "web_save",
                [customer.ids, {"company_id": False}],
                {"specification": SPEC},
            )
        self.assertEqual(customer.company_id, self.franchise_a)

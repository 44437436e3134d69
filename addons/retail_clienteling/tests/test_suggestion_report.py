# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .receipt_common import ReceiptCommon


@tagged("post_install", "-at_install")
class TestSuggestionReport(ReceiptCommon):
    """Three till orders whose suggestion results are counted by hand:

    1. Lola: boot, 2 socks (suggested)   shown: sock, scarf
    2. Pepe: boot, scarf (suggested)     shown: sock, scarf
    3. Lola: boot                        shown: sock

    Sock: shown 3, accepted 1, revenue 10, rate 33.33 %
    Scarf: shown 2, accepted 1, revenue 20, rate 50 %
    """

    def _suggested(self, product, quantity):
        return {
            "product": product,
            "quantity": quantity,
            "retail_suggested": True,
            "retail_suggestion_source": "pair",
        }

    def setUp(self):
        super().setUp()
        shown = [self.sock.id, self.scarf.id]
        self.first, _result = self._sync(
            [(self.boot, 1), self._suggested(self.sock, 2)],
            self.lola,
            retail_suggestions_shown=shown,
        )
        self._sync(
            [(self.boot, 1), self._suggested(self.scarf, 1)],
            self.pepe,
            retail_suggestions_shown=shown,
        )
        self._sync([(self.boot, 1)], self.lola, retail_suggestions_shown=[shown[0]])
        self.env.flush_all()

    def _results(self, groupby, domain=()):
        return self.env["retail.suggestion.report"]._read_group(
            list(domain),
            groupby,
            [
                "shown_count:sum",
                "accepted_count:sum",
                "revenue:sum",
                "acceptance_rate:avg",
            ],
        )

    def test_shown_accepted_revenue_and_rate_per_product(self):
        rows = {
            product.name: values for product, *values in self._results(["product_id"])
        }
        self.assertEqual(
            rows, {"Sock": [3, 1, 10.0, 33.33], "Scarf": [2, 1, 20.0, 50.0]}
        )

    def test_per_store_cashier_and_day(self):
        rows = self._results(
            ["config_id", "cashier_id", "date:day"],
            [("config_id", "=", self.config.id)],
        )
        self.assertEqual(len(rows), 1)
        config, cashier, _day, *values = rows[0]
        self.assertEqual((config, cashier), (self.config, self.first.user_id))
        self.assertEqual(values, [5, 2, 30.0, 40.0])

    def test_another_company_does_not_see_the_results(self):
        other = self.env["res.company"].create({"name": "Franchise"})
        manager = self.env["res.users"].create(
            {
                "name": "Franchise manager",
                "login": "franchise_suggestion_manager",
                "company_id": other.id,
                "company_ids": [(6, 0, other.ids)],
                "group_ids": [
                    (6, 0, self.env.ref("point_of_sale.group_pos_manager").ids)
                ],
            }
        )
        report = self.env["retail.suggestion.report"].with_user(manager)
        self.assertFalse(report.search([]))

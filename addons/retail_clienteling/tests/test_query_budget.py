# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged
from odoo.tests.common import warmup

from .common import ClientelingCommon

# Every query of the till's calls as a cashier, warm caches (a till's second
# call), with every retail module installed: the loyalty bridge reads the
# customer's cards and tier, the promotions bridge the till's promotions, and
# the panel has +2: the incidents bridge's one query of the customer's open
# incidents and the gift registry bridge's one query of their open gift lists
# (each with its type and store joined, whatever the number of rows).
PANEL_BUDGET = 9
SUGGESTIONS_BUDGET = 6


@tagged("post_install", "-at_install", "retail_perf")
class TestClientelingQueryBudget(ClientelingCommon):
    def setUp(self):
        super().setUp()
        for companion in (self.polish, self.laces, self.socks):
            self._sync([self.shoes, companion], customer=self.buyer)
        self._sync([self.laces, self.polish])
        self._rebuild()
        self.basket = [self.shoes.id, self.laces.id]

    @warmup
    def test_panel_is_one_call_within_its_budget(self):
        config = self.config.with_user(self.cashier)
        self.env.invalidate_all()
        with self.assertQueryCount(PANEL_BUDGET):
            panel = config.retail_clienteling_panel(self.buyer.id, self.basket)
        self.assertEqual(len(panel["history"]), 6)

    @warmup
    def test_suggestions_within_their_budget(self):
        config = self.config.with_user(self.cashier)
        self.env.invalidate_all()
        with self.assertQueryCount(SUGGESTIONS_BUDGET):
            suggestions = config.retail_clienteling_suggestions(False, self.basket, 6)
        self.assertEqual(
            {row["product_id"] for row in suggestions}, {self.polish.id, self.socks.id}
        )

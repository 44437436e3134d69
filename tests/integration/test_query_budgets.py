# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Query budgets of the till's server calls with every retail module installed,
called as a cashier: the number of queries is fixed, and an order of twenty
lines costs the same queries as an order of one (set-based, never per line)."""

import contextlib
import threading
import traceback
from collections import Counter

from odoo import Command
from odoo.tests import new_test_user, tagged
from odoo.tests.common import warmup

from odoo.addons.retail_giftcard.tests.common import GiftcardPosCommon

# Queries the retail modules' own code issues (see ``count_queries``), measured
# with every retail module installed, warm caches (a till's second call). The
# order sync has one budget whatever the number of lines (the loyalty programs'
# "when reaching" emails are read by the consent check before Odoo reads them;
# the receipt message rules of retail_clienteling read, once per order with a
# customer, the customer's last purchase, birth date and loyalty tiers, and the
# rules). Raise a budget only with the reason in the commit.
SYNC_BUDGET = 29
SYNC_CARD_BUDGET = 46
# Whole calls of the retail modules' own till endpoints (every query).
CALL_BUDGETS = {
    "customer_search": 10,
    "giftcard_check": 12,
    "gift_card_status": 5,
    "discount_card_scan": 10,
    "employee_allowance": 3,
    "log_incident": 20,
    "gift_list_search": 6,
}


def _query_owner(stack):
    """ "retail" when the innermost module frame of ``stack`` is a retail
    module's code (its own queries and those of the ORM calls it makes),
    "native" otherwise (Odoo's modules, including what they do when a retail
    override calls ``super()``)."""
    for frame in reversed(stack):
        name = frame.filename
        if "/addons/" in name and "/tests/" not in name:
            return "retail" if "/addons/retail_" in name else "native"
    return "native"


@contextlib.contextmanager
def count_queries():
    """Count the queries of the block by owner: {"retail": n, "native": n}
    and, under "retail_sites", the retail lines that issued them."""
    counts = Counter()
    sites = Counter()

    def hook(cr, query, params, start, delay):
        stack = traceback.extract_stack()
        owner = _query_owner(stack)
        counts[owner] += 1
        if owner == "retail":
            frame = next(
                frame
                for frame in reversed(stack)
                if "/addons/retail_" in frame.filename
            )
            sites[f"{frame.filename.split('/addons/')[1]}:{frame.lineno}"] += 1

    thread = threading.current_thread()
    hooks = thread.__dict__.setdefault("query_hooks", [])
    hooks.append(hook)
    try:
        yield counts, sites
    finally:
        hooks.remove(hook)


@tagged("post_install", "-at_install", "retail_perf")
class TestTillQueryBudgets(GiftcardPosCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cashier = new_test_user(
            cls.env,
            login="budget_cashier",
            groups="base.group_user,point_of_sale.group_pos_user,"
            "retail_card.group_card_cashier",
            company_id=cls.company.id,
            company_ids=cls.company.ids,
        )
        cls.program = cls.env["loyalty.program"].create(
            {
                "name": "Budget points",
                "program_type": "loyalty",
                "applies_on": "both",
                "trigger": "auto",
                "retail_ledger": True,
                "pos_ok": True,
                "pos_config_ids": [Command.link(cls.config.id)],
                "rule_ids": [
                    Command.create(
                        {
                            "reward_point_mode": "money",
                            "reward_point_amount": 1,
                            "minimum_amount": 0,
                        }
                    )
                ],
            }
        )
        cls.buyer = cls.env["res.partner"].create(
            {"name": "Budget Buyer", "phone": "+34 612 345 679"}
        )
        cls.products = [
            cls.create_product(f"Item {index}", cls.categ_basic, 10.0 + index)
            for index in range(20)
        ]
        cls.env["loyalty.card"]._retail_giftcard_load(
            [{"card": cls.cards[0], "amount": 200}]
        )

    def setUp(self):
        super().setUp()
        self.Order = self.env["pos.order"]

    def _sync(self, data, budget):
        """Sync ``data``; the retail queries within ``budget``."""
        with count_queries() as (counts, sites):
            self.Order.sync_from_ui([data])
        if self.warm:
            self.assertLessEqual(
                counts["retail"],
                budget,
                f"retail queries of the sync ({counts['native']} native): "
                f"{sites.most_common()}",
            )
        order = self.Order.search([("uuid", "=", data["uuid"])])
        self.assertEqual(order.state, "paid")
        return order, counts

    def _lines(self, count):
        return [(product, 1) for product in self.products[:count]]

    @warmup
    def test_sync_cost_does_not_grow_with_lines(self):
        # the customer's first order opens their card
        self._sync(
            self.create_ui_order_data(self._lines(1), customer=self.buyer),
            SYNC_BUDGET,
        )
        one, counts_one = self._sync(
            self.create_ui_order_data(self._lines(1), customer=self.buyer),
            SYNC_BUDGET,
        )
        twenty, counts_twenty = self._sync(
            self.create_ui_order_data(self._lines(20), customer=self.buyer),
            SYNC_BUDGET,
        )
        self.assertEqual(len(twenty.lines), 20)
        if self.warm:
            self.assertEqual(counts_twenty["retail"], counts_one["retail"])
        card = self.env["loyalty.card"].search(
            [("partner_id", "=", self.buyer.id), ("program_id", "=", self.program.id)]
        )
        self.assertTrue(card.points > 0, "the points were earned")

    @warmup
    def test_sync_paid_by_gift_card_cost_does_not_grow_with_lines(self):
        card = self.cards[0]
        counts = []
        for count in (1, 1, 20):
            total = sum(product.lst_price for product in self.products[:count])
            amount = min(total, 5.0)
            data = self._order_data(
                self._lines(count),
                [self._card_payment(card, amount), (self.cash_pm1, total - amount, {})],
                partner_id=self.buyer.id,
            )
            __, queries = self._sync(data, SYNC_CARD_BUDGET)
            counts.append(queries["retail"])
        if self.warm:
            self.assertEqual(counts[1], counts[2])

    def _call(self, budget, model, method, *args):
        Model = self.env[model].with_user(self.cashier)
        with self.assertQueryCount(CALL_BUDGETS[budget]):
            return getattr(Model, method)(*args)

    @warmup
    def test_customer_search(self):
        result = self._call(
            "customer_search",
            "res.partner",
            "retail_pos_search",
            self.config.id,
            "612345679",
        )
        self.assertIn(self.buyer.id, [row["id"] for row in result["res.partner"]])

    @warmup
    def test_giftcard_check(self):
        result = self._call(
            "giftcard_check",
            "loyalty.card",
            "retail_giftcard_check",
            self.cards[0].code,
            self.config.id,
        )
        self.assertTrue(result)

    @warmup
    def test_gift_card_status(self):
        result = self._call(
            "gift_card_status",
            "loyalty.card",
            "get_gift_card_status",
            "budget-new-card",
            self.config.id,
        )
        self.assertTrue(result["status"])

    @warmup
    def test_discount_card_scan(self):
        result = self._call(
            "discount_card_scan",
            "loyalty.card",
            "retail_discount_card_scan",
            "BUDGET-NO-CARD",
            self.config.id,
        )
        self.assertFalse(result)

    @warmup
    def test_employee_allowance(self):
        result = self._call(
            "employee_allowance",
            "loyalty.program",
            "retail_employee_allowance",
            self.buyer.id,
            [self.program.id],
        )
        self.assertEqual(result, {})

    @warmup
    def test_log_incident(self):
        result = self._call(
            "log_incident",
            "retail.incident",
            "retail_pos_log_incident",
            self.config.id,
            self.buyer.id,
            self.env.ref("retail_incidents.retail_incident_category_product").id,
            "Zip broken",
        )
        self.assertTrue(result["name"])

    @warmup
    def test_gift_list_search(self):
        result = self._call(
            "gift_list_search",
            "retail.gift.registry",
            "retail_pos_search_related",
            self.config.id,
            "no such list",
        )
        self.assertEqual(result["retail.gift.registry"], [])

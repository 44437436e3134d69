# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import new_test_user, tagged

from .common import ClientelingCommon


@tagged("post_install", "-at_install")
class TestProductPairs(ClientelingCommon):
    def _fixture(self):
        """Five baskets: {A, B}, {A, B, C}, {A, C} at the till, {A, B} as a
        sale order, {D} at the till; and what is not a purchase: an order older
        than the period, a cancelled sale order."""
        a, b, c, d = self.shoes, self.polish, self.laces, self.socks
        self._sync([a, b])
        self._sync([a, b, c])
        self._sync([a, c])
        self._sale([a, b])
        self._sync([d])
        old = self._sync([c, d])
        old.sudo().date_order = fields.Datetime.now() - timedelta(days=400)
        cancelled = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [
                    Command.create({"product_id": b.id}),
                    Command.create({"product_id": d.id}),
                ],
            }
        )
        cancelled.action_cancel()

    def test_pair_statistics_of_a_hand_computed_fixture(self):
        self._fixture()
        self._rebuild()
        a, b, c = self.shoes, self.polish, self.laces
        pairs = self._pairs()
        # 5 baskets; A in 4, B in 3, C in 2, D in 1
        expected = {
            # (P, Q): (together, support, confidence P->Q, lift)
            (a, b): (3, 3 / 5, 3 / 4, 3 * 5 / (4 * 3)),
            (b, a): (3, 3 / 5, 3 / 3, 3 * 5 / (4 * 3)),
            (a, c): (2, 2 / 5, 2 / 4, 2 * 5 / (4 * 2)),
            (c, a): (2, 2 / 5, 2 / 2, 2 * 5 / (4 * 2)),
            (b, c): (1, 1 / 5, 1 / 3, 1 * 5 / (3 * 2)),
            (c, b): (1, 1 / 5, 1 / 2, 1 * 5 / (3 * 2)),
        }
        self.assertEqual(set(pairs), set(expected), "D was never bought with another")
        for key, (together, support, confidence, lift) in expected.items():
            pair = pairs[key]
            with self.subTest(pair=(pair.product_id.name, pair.other_product_id.name)):
                self.assertEqual(pair.pair_count, together)
                self.assertAlmostEqual(pair.support, support, places=6)
                self.assertAlmostEqual(pair.confidence, confidence, places=6)
                self.assertAlmostEqual(pair.lift, lift, places=4)
        # A's companions by lift (1.25 both), then baskets together
        self.assertEqual((pairs[(a, b)].rank, pairs[(a, c)].rank), (1, 2))
        self.assertEqual((pairs[(c, a)].rank, pairs[(c, b)].rank), (1, 2))

    def test_top_k_and_minimum_baskets(self):
        self._fixture()
        self._settings(retail_pair_min_count=2, retail_pair_top_k=1)
        self._rebuild()
        a, b, c = self.shoes, self.polish, self.laces
        self.assertEqual(set(self._pairs()), {(a, b), (b, a), (c, a)})

    def test_rebuild_replaces_the_pairs(self):
        self._fixture()
        self._rebuild()
        self._rebuild()
        self.assertEqual(len(self._pairs()), 6)
        self._settings(retail_pair_days=1)
        self.env["pos.order"].search([]).sudo().write(
            {"date_order": fields.Datetime.now() - timedelta(days=3)}
        )
        self.env["sale.order"].search([]).sudo().write(
            {"date_order": fields.Datetime.now() - timedelta(days=3)}
        )
        self._rebuild()
        self.assertFalse(self._pairs(), "nothing bought within the period")

    def test_franchise_history_and_pairs_stay_its_own(self):
        franchise = self.setup_other_company(name="Franchise clienteling")["company"]
        franchise.write({"retail_customer_file": "own", "retail_pair_min_count": 1})
        Product = self.env["product.product"]
        hat, gloves = Product.create(
            [
                {"name": "Hat", "available_in_pos": True, "list_price": 20.0},
                {"name": "Gloves", "available_in_pos": True, "list_price": 15.0},
            ]
        )
        own_customer = (
            self.env["res.partner"]
            .with_company(franchise)
            .create({"name": "Franchise customer"})
        )
        self.assertEqual(own_customer.company_id, franchise)
        self._sale([hat, gloves], customer=own_customer, company=franchise)
        self._sale([hat], customer=self.buyer, company=franchise)
        self._sync([self.shoes, self.polish], customer=self.buyer)
        self._rebuild()
        self.assertNotIn((hat, gloves), self._pairs(), "not in the chain's pairs")
        self.assertIn((self.shoes, self.polish), self._pairs())
        own_pairs = self._pairs(franchise)
        self.assertEqual(set(own_pairs), {(hat, gloves), (gloves, hat)})
        self.assertAlmostEqual(own_pairs[(hat, gloves)].support, 0.5)
        # the chain's users do not read the franchise's pairs
        Pair = self.env["retail.product.pair"].with_user(self.cashier)
        self.assertFalse(Pair.search([("product_id", "=", hat.id)]))
        with self.assertRaises(AccessError):
            Pair.browse(own_pairs[(hat, gloves)].id).read(["lift"])
        # the franchise's till reads its own pairs and its own history
        till = (
            self.env["pos.config"]
            .with_company(franchise)
            .create({"name": "Franchise till"})
        )
        franchise_cashier = new_test_user(
            self.env,
            login="franchise_clienteling_cashier",
            groups="base.group_user,point_of_sale.group_pos_user",
            company_id=franchise.id,
            company_ids=franchise.ids,
        )
        suggested = self._suggest([hat], user=franchise_cashier, config=till)
        self.assertEqual([row["product_id"] for row in suggested], [gloves.id])
        self.assertFalse(
            self._suggest([self.shoes], user=franchise_cashier, config=till)
        )
        panel = till.with_user(franchise_cashier).retail_clienteling_panel(
            self.buyer.id, []
        )
        self.assertEqual([row["product_id"] for row in panel["history"]], [hat.id])
        chain_panel = self.config.with_user(self.cashier).retail_clienteling_panel(
            self.buyer.id, []
        )
        self.assertNotIn(hat.id, [row["product_id"] for row in chain_panel["history"]])
        # the chain's cashier does not find the franchise's customer
        with self.assertRaises(UserError):
            self.config.with_user(self.cashier).retail_clienteling_panel(
                own_customer.id, []
            )

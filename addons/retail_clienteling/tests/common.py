# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.fields import Command
from odoo.tests import new_test_user

from odoo.addons.point_of_sale.tests.common import TestPoSCommon


class ClientelingCommon(TestPoSCommon):
    """A till, a cashier, a customer and products of three categories; orders
    synced as the till syncs them, sale orders confirmed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.config = cls.basic_config
        cls.env.user.group_ids |= cls.env.ref("sales_team.group_sale_manager")
        # the chain's pairs follow the settings of its first company
        cls.env["res.company"].search([]).write(
            {
                "retail_pair_min_count": 1,
                "retail_pair_top_k": 10,
                "retail_suggest_recent_days": 90,
            }
        )
        Category = cls.env["product.category"]
        cls.categ_shoes = Category.create({"name": "Shoes"})
        cls.categ_care = Category.create({"name": "Shoe care"})
        cls.shoes = cls._product("Leather shoes", cls.categ_shoes, 60.0)
        cls.polish = cls._product("Shoe polish", cls.categ_care, 8.0)
        cls.laces = cls._product("Laces", cls.categ_care, 3.0)
        cls.socks = cls._product("Socks", cls.categ_basic, 5.0)
        cls.buyer = cls.env["res.partner"].create({"name": "Clara Clienteling"})
        cls.cashier = new_test_user(
            cls.env,
            login="clienteling_cashier",
            groups="base.group_user,point_of_sale.group_pos_user",
            company_id=cls.company.id,
            company_ids=cls.company.ids,
        )

    def _settings(self, **values):
        """Settings of every company (the chain's pairs follow its first)."""
        self.env["res.company"].search([]).write(values)

    @classmethod
    def _product(cls, name, category, price, storable=False, **values):
        product = cls.create_product(name, category, price)
        product.write({"is_storable": storable, **values})
        return product

    def setUp(self):
        super().setUp()
        self.open_new_session()

    def _sync(self, products, customer=False, line_values=None, **order_values):
        """A till's paid order of one unit of each product."""
        data = self.create_ui_order_data(
            [(product, 1) for product in products], customer=customer
        )
        for command in data["lines"]:
            command[2].update(line_values or {})
        data.update(order_values)
        self.env["pos.order"].with_user(self.cashier).sync_from_ui([data])
        return self.env["pos.order"].search([("uuid", "=", data["uuid"])])

    def _sale(self, products, customer=None, company=None):
        """A confirmed sale order of one unit of each product."""
        order = (
            self.env["sale.order"]
            .with_company(company or self.company)
            .create(
                {
                    "partner_id": (customer or self.customer).id,
                    "order_line": [
                        Command.create({"product_id": product.id, "product_uom_qty": 1})
                        for product in products
                    ],
                }
            )
        )
        order.action_confirm()
        return order

    def _rebuild(self):
        Pair = self.env["retail.product.pair"]
        for scope, companies in Pair._retail_scopes():
            Pair._retail_rebuild(scope, companies)

    def _pairs(self, company=None):
        pairs = self.env["retail.product.pair"].search(
            [("company_id", "=", company.id if company else False)]
        )
        return {(pair.product_id, pair.other_product_id): pair for pair in pairs}

    def _suggest(self, basket, customer=None, limit=10, user=None, config=None):
        config = (config or self.config).with_user(user or self.cashier)
        return config.retail_clienteling_suggestions(
            customer.id if customer else False,
            [product.id for product in basket],
            limit,
        )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command

from odoo.addons.point_of_sale.tests.common import TestPoSCommon
from odoo.addons.retail_customer.tests.common import company_user


class GiftRegistryCommon(TestPoSCommon):
    """A company with a chart of accounts, a warehouse and a till; an open
    wedding list of two owners with three items; a salesperson, a cashier and a
    gift list manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.group_ids |= cls.env.ref("sales_team.group_sale_manager")
        cls.env.user.group_ids |= cls.env.ref("stock.group_stock_manager")
        cls.company = cls.env.company
        cls.config = cls.basic_config
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        categ = cls.env["product.category"].create({"name": "Home"})
        cls.vase = cls.create_product("Vase", categ, 40.0, tax_ids=[])
        cls.plates = cls.create_product("Plates", categ, 10.0, tax_ids=[])
        cls.toaster = cls.create_product("Toaster", categ, 60.0, tax_ids=[])
        cls.other_product = cls.create_product("Umbrella", categ, 15.0, tax_ids=[])
        for product in (cls.vase, cls.plates, cls.toaster, cls.other_product):
            product.is_storable = True
            cls.env["stock.quant"]._update_available_quantity(
                product, cls.warehouse.lot_stock_id, 100
            )
        cls.contribution = cls.env.ref(
            "retail_gift_registry.product_gift_registry_contribution"
        )
        cls.contribution.write({"company_id": False, "taxes_id": [Command.clear()]})
        cls.ana = cls.env["res.partner"].create(
            {"name": "Ana Registrytest", "phone": "+34 612 000 111"}
        )
        cls.luis = cls.env["res.partner"].create({"name": "Luis Registrytest"})
        cls.guest = cls.env["res.partner"].create({"name": "Guest Buyer"})
        cls.wedding_type = cls.env.ref(
            "retail_gift_registry.retail_gift_registry_type_wedding"
        )
        cls.salesman = company_user(
            cls.env,
            "registry_salesman",
            "sales_team.group_sale_salesman_all_leads,stock.group_stock_user",
            cls.company,
        )
        cls.manager = company_user(
            cls.env,
            "registry_manager",
            "sales_team.group_sale_manager,stock.group_stock_user",
            cls.company,
        )
        cls.cashier = company_user(
            cls.env,
            "registry_cashier",
            "base.group_user,point_of_sale.group_pos_user",
            cls.company,
        )
        cls.gift_list = cls._create_registry()
        cls.gift_list.action_open()
        cls.item_vase, cls.item_plates, cls.item_toaster = cls.gift_list.item_ids

    @classmethod
    def _create_registry(cls, **values):
        return cls.env["retail.gift.registry"].create(
            {
                "title": "Wedding of Ana and Luis",
                "type_id": cls.wedding_type.id,
                "owner_id": cls.ana.id,
                "co_owner_id": cls.luis.id,
                "event_date": "2026-06-20",
                "pos_config_id": cls.config.id,
                "item_ids": [
                    Command.create({"product_id": cls.vase.id, "qty_wanted": 1}),
                    Command.create({"product_id": cls.plates.id, "qty_wanted": 12}),
                    Command.create({"product_id": cls.toaster.id, "qty_wanted": 1}),
                ],
                **values,
            }
        )

    def _sale_order(self, lines, registry=None, confirm=True, **values):
        """lines: (product, qty) or (product, qty, price) tuples."""
        registry = self.gift_list if registry is None else registry
        order = self.env["sale.order"].create(
            {
                "partner_id": self.guest.id,
                "warehouse_id": self.warehouse.id,
                "retail_gift_registry_id": registry.id,
                "retail_gift_registry_guest": "The Garcia family",
                "retail_gift_registry_message": "All our love",
                "order_line": [
                    Command.create(
                        {
                            "product_id": line[0].id,
                            "product_uom_qty": line[1],
                            **({"price_unit": line[2]} if len(line) > 2 else {}),
                        }
                    )
                    for line in lines
                ],
                **values,
            }
        )
        if confirm:
            order.action_confirm()
        return order

    @classmethod
    def _settle_on_ewallet(cls, **company_values):
        """Settlements of the company go onto a native eWallet program, with
        ``company_values`` (bonus, discount...) as its gift list settings."""
        cls.program = cls.env["loyalty.program"].create(
            {"name": "Gift list credit", "program_type": "ewallet"}
        )
        cls.company.write(
            {"retail_gift_registry_program_id": cls.program.id, **company_values}
        )

    def _pos_line(self, product, qty, item=None, registry=None, **values):
        registry = self.gift_list if registry is None else registry
        return {
            "product": product,
            "quantity": qty,
            "retail_gift_registry_id": registry.id,
            "retail_gift_registry_item_id": item.id if item else False,
            "retail_gift_registry_guest": "Aunt Sophie",
            "retail_gift_registry_message": "Be happy!",
            **values,
        }

    def _pos_sync(self, lines, uuid=None):
        data = self.create_ui_order_data(lines, uuid=uuid)
        self.env["pos.order"].sync_from_ui([data])
        return self.env["pos.order"].search([("uuid", "=", data["uuid"])])

    def _open_session(self):
        self.config = self.basic_config
        return self.open_new_session()

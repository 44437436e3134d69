# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import GiftRegistryCommon


@tagged("post_install", "-at_install", "retail_gift_registry")
class TestGiftRegistryPos(GiftRegistryCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Registry = cls.env["retail.gift.registry"].with_user(cls.cashier)

    def _contribution_line(self, amount, item=None):
        return self._pos_line(
            self.contribution,
            1,
            item=item,
            price_unit=amount,
            price_subtotal=amount,
            price_subtotal_incl=amount,
        )

    def test_till_sale_counts_items_and_contribution(self):
        self._open_session()
        order = self._pos_sync(
            [
                self._pos_line(self.vase, 1, self.item_vase),
                self._pos_line(self.plates, 6, self.item_plates),
                self._contribution_line(50.0),
            ]
        )
        self.assertEqual(order.state, "paid")
        self.env.invalidate_all()
        self.assertEqual(self.item_vase.qty_bought, 1)
        self.assertEqual(self.item_plates.qty_remaining, 6)
        self.assertEqual(self.gift_list.amount_contributions, 50)
        self.assertEqual(self.gift_list.amount_gifts, 40 + 60)
        purchases = self.gift_list.purchase_ids
        self.assertEqual(len(purchases), 3)
        self.assertEqual(set(purchases.mapped("message")), {"Be happy!"})
        self.assertEqual(set(purchases.mapped("source")), {"pos"})

    def test_same_order_synced_twice_counts_once(self):
        self._open_session()
        lines = [self._pos_line(self.plates, 3, self.item_plates)]
        first = self._pos_sync(lines, uuid="gift-list-same-uuid")
        second = self._pos_sync(lines, uuid="gift-list-same-uuid")
        self.assertEqual(first, second)
        self.env.invalidate_all()
        self.assertEqual(self.item_plates.qty_bought, 3)

    def test_refund_reduces_bought(self):
        self._open_session()
        order = self._pos_sync(
            [
                self._pos_line(self.vase, 1, self.item_vase),
                self._pos_line(self.plates, 4, self.item_plates),
            ]
        )
        plates_line = order.lines.filtered(lambda line: line.product_id == self.plates)
        # the till sends only the refunded line: the link follows it
        refund = self._pos_sync(
            [
                {
                    "product": self.plates,
                    "quantity": -1,
                    "refunded_orderline_id": plates_line.id,
                }
            ]
        )
        self.assertEqual(refund.lines.retail_gift_registry_item_id, self.item_plates)
        self.env.invalidate_all()
        self.assertEqual(self.item_plates.qty_bought, 3)
        self.assertEqual(self.item_vase.qty_bought, 1)
        self.assertEqual(self.gift_list.amount_gifts, 40 + 30)

    def test_overbuy_at_the_till_records_surplus(self):
        self._open_session()
        self._pos_sync([self._pos_line(self.vase, 1, self.item_vase)])
        order = self._pos_sync([self._pos_line(self.vase, 2, self.item_vase)])
        self.assertEqual(order.lines.retail_gift_registry_surplus_qty, 2)
        self.env.invalidate_all()
        self.assertEqual(self.item_vase.qty_bought, 3)
        self.assertEqual(self.item_vase.qty_surplus, 2)

    def test_closed_list_refused_at_sync(self):
        self._open_session()
        self.gift_list.action_close()
        with self.assertRaisesRegex(UserError, "is closed: nothing more can be sold"):
            self._pos_sync([self._pos_line(self.vase, 1, self.item_vase)])

    def test_line_not_matching_the_item_refused(self):
        self._open_session()
        with self.assertRaisesRegex(UserError, "does not match item"):
            self._pos_sync([self._pos_line(self.toaster, 1, self.item_vase)])
        with self.assertRaisesRegex(UserError, "neither an item"):
            self._pos_sync([self._pos_line(self.other_product, 1)])

    def test_search_by_number_owner_name_and_phone(self):
        config = self.config.id
        by_number = self.Registry.retail_pos_search(config, self.gift_list.name.lower())
        self.assertEqual([r["id"] for r in by_number], [self.gift_list.id])
        by_name = self.Registry.retail_pos_search(config, "Luis Registrytest")
        self.assertEqual([r["id"] for r in by_name], [self.gift_list.id])
        self.assertEqual(by_name[0]["owners"], "Ana Registrytest & Luis Registrytest")
        by_phone = self.Registry.retail_pos_search(config, "612 000 111")
        self.assertEqual([r["id"] for r in by_phone], [self.gift_list.id])
        self.assertEqual(self.Registry.retail_pos_search(config, "GL999999"), [])
        self.assertEqual(self.Registry.retail_pos_search(config, "  "), [])
        draft = self._create_registry(title="Draft list")
        self.assertEqual(self.Registry.retail_pos_search(config, draft.name), [])

    def test_items_for_the_till(self):
        self._sale_order([(self.plates, 5)])
        data = self.Registry.retail_pos_items(self.config.id, self.gift_list.id)
        self.assertEqual(data["name"], self.gift_list.name)
        remaining = {
            item["product_id"]: item["qty_remaining"] for item in data["items"]
        }
        self.assertEqual(
            remaining, {self.vase.id: 1, self.plates.id: 7, self.toaster.id: 1}
        )
        self.gift_list.action_close()
        with self.assertRaisesRegex(UserError, "is closed"):
            self.Registry.retail_pos_items(self.config.id, self.gift_list.id)

    def test_bad_search_arguments(self):
        for bad in ("abc", 0, -1, 2**40, None, 1.5):
            with self.assertRaisesRegex(ValidationError, "id of a till"):
                self.Registry.retail_pos_search(bad, "Ana")
        with self.assertRaisesRegex(ValidationError, "This till does not exist"):
            self.Registry.retail_pos_search(2**31 - 1, "Ana")
        for bad in (None, 12, ["Ana"], "x" * 300):
            with self.assertRaisesRegex(ValidationError, "Search gift lists"):
                self.Registry.retail_pos_search(self.config.id, bad)
        for bad in ("1", 0, 2**40, None):
            with self.assertRaisesRegex(ValidationError, "does not exist"):
                self.Registry.retail_pos_items(self.config.id, bad)

    def test_order_lines_load_the_link_fields(self):
        fields = self.env["pos.order.line"]._load_pos_data_fields(self.config)
        self.assertIn("retail_gift_registry_item_id", fields)
        self.assertIn("retail_gift_registry_message", fields)

    def test_session_loads_no_list_but_knows_the_models(self):
        session = self._open_session()
        data = session.with_user(self.cashier).load_data([])
        self.assertEqual(data["retail.gift.registry"], [])
        self.assertEqual(data["retail.gift.registry.item"], [])
        params = session.with_user(self.cashier).load_data_params()
        self.assertIn(
            "retail_gift_registry_item_id", params["pos.order.line"]["fields"]
        )
        self.assertIn("owner_names", params["retail.gift.registry"]["fields"])
        found = self.Registry.retail_pos_search_related(self.config.id, "Ana")
        self.assertEqual(
            [row["id"] for row in found["retail.gift.registry"]], self.gift_list.ids
        )
        related = self.Registry.retail_pos_items_related(
            self.config.id, self.gift_list.id
        )
        self.assertEqual(len(related["retail.gift.registry.item"]), 3)

    def test_analysis_by_type_store_and_consultant(self):
        self._open_session()
        self._pos_sync([self._pos_line(self.vase, 1, self.item_vase)])
        self._sale_order([(self.plates, 2)])
        rows = self.env["retail.gift.registry.purchase"]._read_group(
            [("registry_id", "=", self.gift_list.id)],
            ["type_id", "store_id", "consultant_id"],
            ["amount:sum", "qty:sum", "registry_id:count_distinct"],
        )
        self.assertEqual(
            rows,
            [
                (
                    self.wedding_type,
                    self.config,
                    self.gift_list.user_id,
                    60.0,
                    3.0,
                    1,
                )
            ],
        )

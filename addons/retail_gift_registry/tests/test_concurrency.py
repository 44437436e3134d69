# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL, mute_logger

from odoo.addons.retail_card.tests.concurrency import TwoTillsMixin


@tagged("post_install", "-at_install", "retail_money")
class TestGiftRegistryConcurrency(TwoTillsMixin, TransactionCase):
    """Two tills buy the last unit of an item at the same moment, each in its own
    connection and transaction, through the confirmation of their orders. The
    committed data is removed at the end by ``_drop``."""

    def _committed_item(self, wanted):
        with self.registry.cursor() as cr:  # commits when the block ends
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            product = env["product.product"].create(
                {"name": "Concurrent gift", "type": "service", "list_price": 25.0}
            )
            owner = env["res.partner"].create({"name": "Concurrent owner"})
            registry = env["retail.gift.registry"].create(
                {
                    "title": "Concurrent list",
                    "type_id": env.ref(
                        "retail_gift_registry.retail_gift_registry_type_wedding"
                    ).id,
                    "owner_id": owner.id,
                    "event_date": "2026-09-01",
                    "item_ids": [
                        Command.create({"product_id": product.id, "qty_wanted": wanted})
                    ],
                }
            )
            registry.action_open()
            ids = (registry.id, registry.item_ids.id, product.id, owner.id)
        self.addCleanup(self._drop, *ids)
        return ids

    def _drop(self, registry_id, item_id, product_id, owner_id):
        with self.registry.cursor() as cr:
            for query in (
                "DELETE FROM sale_order WHERE id IN (SELECT order_id FROM "
                "sale_order_line WHERE retail_gift_registry_id = %s)",
                "DELETE FROM retail_gift_registry WHERE id = %s",
            ):
                cr.execute(SQL(query, registry_id))
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            env["product.product"].browse(product_id).product_tmpl_id.unlink()
            env["res.partner"].browse(owner_id).unlink()

    def _redeem(self, env, item_id, qty, key):
        """A till's order for the list, confirmed (locks the item, counts)."""
        item = env["retail.gift.registry.item"].browse(item_id)
        order = env["sale.order"].create(
            {
                "partner_id": item.registry_id.owner_id.id,
                "client_order_ref": key,
                "retail_gift_registry_id": item.registry_id.id,
                "order_line": [
                    Command.create(
                        {"product_id": item.product_id.id, "product_uom_qty": qty}
                    )
                ],
            }
        )
        order.action_confirm()
        return order.order_line.retail_gift_registry_surplus_qty

    def _committed_item_state(self, item_id):
        with self.registry.cursor() as cr:
            item = api.Environment(cr, api.SUPERUSER_ID, {})[
                "retail.gift.registry.item"
            ].browse(item_id)
            cr.execute(
                SQL(
                    "SELECT o.client_order_ref, "
                    "COALESCE(l.retail_gift_registry_surplus_qty, 0) "
                    "FROM sale_order_line l JOIN sale_order o ON o.id = l.order_id "
                    "WHERE l.retail_gift_registry_item_id = %s "
                    "ORDER BY o.client_order_ref",
                    item_id,
                )
            )
            lines = cr.fetchall()
            return item.qty_bought, item.qty_surplus, lines

    def test_two_tills_buying_the_last_unit_record_the_surplus(self):
        _registry_id, item_id, _product_id, _owner_id = self._committed_item(1)
        with mute_logger("odoo.sql_db"):  # the serialization failure, retried
            outcome = self._two_tills(item_id, 1, 1)
        self.assertEqual(outcome.get("result"), 1.0, outcome)
        self.assertEqual(
            self._committed_item_state(item_id),
            (2.0, 1.0, [("till-1", 0.0), ("till-2", 1.0)]),
        )

    def test_two_tills_within_the_wanted_quantity(self):
        _registry_id, item_id, _product_id, _owner_id = self._committed_item(3)
        with mute_logger("odoo.sql_db"):
            outcome = self._two_tills(item_id, 1, 2)
        self.assertEqual(outcome.get("result"), 0.0, outcome)
        self.assertEqual(
            self._committed_item_state(item_id),
            (3.0, 0.0, [("till-1", 0.0), ("till-2", 0.0)]),
        )

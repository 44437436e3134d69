# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import GiftRegistryCommon


@tagged("post_install", "-at_install", "retail_gift_registry")
class TestGiftRegistry(GiftRegistryCommon):
    def test_number_sequence_and_types(self):
        other = self._create_registry(title="Second list")
        self.assertTrue(self.gift_list.name.startswith("GL"))
        self.assertNotEqual(self.gift_list.name, other.name)
        self.assertEqual(other.state, "draft")
        names = set(self.env["retail.gift.registry.type"].search([]).mapped("name"))
        self.assertTrue({"Wedding", "Birth", "Birthday", "Communion", "Other"} <= names)
        self.assertEqual(self.gift_list.date_open, self.gift_list.date_open)
        self.assertTrue(self.gift_list.date_open)

    def test_state_flow_and_wrong_transitions(self):
        registry = self._create_registry(title="Flow")
        with self.assertRaisesRegex(UserError, "Only open lists can be closed"):
            registry.action_close()
        registry.action_open()
        self.assertEqual(registry.state, "open")
        with self.assertRaisesRegex(UserError, "Only draft lists can be opened"):
            registry.action_open()
        with self.assertRaisesRegex(UserError, "closed or delivered lists"):
            registry.action_settle()
        registry.action_close()
        self.assertEqual(registry.state, "closed")
        self.assertTrue(registry.date_close)
        registry.action_mark_delivered()
        self.assertEqual(registry.state, "delivered")

    def test_bad_lists_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "second owner"):
            self._create_registry(co_owner_id=self.ana.id)
        with self.assertRaisesRegex(ValidationError, "cannot close before"):
            self._create_registry(date_open="2026-05-01", date_close="2026-04-01")
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.gift_list.write(
                    {
                        "item_ids": [
                            Command.create(
                                {"product_id": self.vase.id, "qty_wanted": 1}
                            )
                        ]
                    }
                )
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.item_vase.qty_wanted = 0

    def test_delete_only_unused_drafts(self):
        draft = self._create_registry(title="To delete")
        draft.unlink()
        self.assertFalse(draft.exists())
        with self.assertRaisesRegex(UserError, "Only draft lists"):
            self.gift_list.unlink()

    def test_not_taken_cannot_exceed_bought(self):
        with self.assertRaisesRegex(ValidationError, "only 0 were bought"):
            self.item_vase.qty_not_taken = 1
        self._sale_order([(self.vase, 1)])
        self.item_vase.qty_not_taken = 1
        self.assertEqual(self.item_vase.qty_not_taken, 1)

    def test_back_office_search_by_owner_and_number(self):
        Registry = self.env["retail.gift.registry"]
        self.assertEqual(
            Registry.search([("owner_id", "child_of", "Registrytest")]), self.gift_list
        )
        self.assertEqual(
            Registry.name_search(self.gift_list.name)[0][0], self.gift_list.id
        )
        self.assertEqual(
            Registry.search([("display_name", "ilike", "Ana Registrytest")]),
            self.gift_list,
        )

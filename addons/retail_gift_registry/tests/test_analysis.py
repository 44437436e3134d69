# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import tagged

from .common import GiftRegistryCommon


@tagged("post_install", "-at_install", "retail_gift_registry")
class TestGiftRegistryAnalysis(GiftRegistryCommon):
    """The analysis per list, with figures known from real orders."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.birth_type = cls.env.ref(
            "retail_gift_registry.retail_gift_registry_type_birth"
        )
        cls.birth_list = cls.env["retail.gift.registry"].create(
            {
                "title": "Birth of Leo",
                "type_id": cls.birth_type.id,
                "owner_id": cls.luis.id,
                "event_date": "2026-09-01",
                "user_id": cls.salesman.id,
                "item_ids": [
                    Command.create({"product_id": cls.toaster.id, "qty_wanted": 2})
                ],
            }
        )
        cls.birth_list.action_open()
        cls.Report = cls.env["retail.gift.registry.report"]

    def test_figures_per_list_from_real_orders(self):
        # Garcia: vase 1 (40) + plates 2 (20); Aunt: plates 14 (surplus 4 = 140)
        self._sale_order([(self.vase, 1), (self.plates, 2)])
        self._sale_order(
            [(self.plates, 14)],
            retail_gift_registry_guest="Aunt Carmen",
            retail_gift_registry_message="Many plates",
        )
        # a till guest gives 50 and buys a toaster for the birth list
        self._open_session()
        self._pos_sync(
            [
                self._pos_line(
                    self.toaster,
                    1,
                    self.birth_list.item_ids,
                    registry=self.birth_list,
                )
            ]
        )
        self.env.flush_all()
        wedding = self.Report.search([("registry_id", "=", self.gift_list.id)])
        self.assertEqual(wedding.list_count, 1)
        self.assertEqual(wedding.type_id, self.wedding_type)
        self.assertEqual(wedding.store_id, self.config)
        self.assertEqual(wedding.qty_wanted, 14)
        # vase 1 + plates 12 (capped at the wanted 12); the toaster nobody bought
        self.assertEqual(wedding.qty_converted, 13)
        self.assertAlmostEqual(wedding.conversion, 100 * 13 / 14)
        self.assertEqual(wedding.amount_total, 40 + 20 + 140)
        self.assertEqual(wedding.guest_count, 2)
        self.assertEqual(wedding.amount_per_guest, 100)
        birth = self.Report.search([("registry_id", "=", self.birth_list.id)])
        self.assertEqual(birth.consultant_id, self.salesman)
        self.assertEqual((birth.qty_wanted, birth.qty_converted), (2, 1))
        self.assertEqual(birth.conversion, 50)
        self.assertEqual(birth.amount_total, 60)
        self.assertEqual(birth.amount_per_guest, 60)
        # grouped by type, as the pivot reads it
        by_type = {
            list_type: (count, total)
            for list_type, count, total in self.Report._read_group(
                [("registry_id", "in", (self.gift_list | self.birth_list).ids)],
                ["type_id"],
                ["list_count:sum", "amount_total:sum"],
            )
        }
        self.assertEqual(by_type[self.wedding_type], (1, 200))
        self.assertEqual(by_type[self.birth_type], (1, 60))

    def test_refund_and_bonus_in_the_analysis(self):
        self.company.write(
            {
                "retail_gift_registry_bonus_percent": 10,
                "retail_gift_registry_program_id": self.env["loyalty.program"]
                .create({"name": "Owners credit", "program_type": "ewallet"})
                .id,
            }
        )
        (self.vase | self.plates).invoice_policy = "order"
        order = self._sale_order([(self.vase, 1), (self.plates, 2)])
        # one plate comes back on a credit note
        order._create_invoices().action_post()
        reversal = (
            self.env["account.move.reversal"]
            .with_context(active_model="account.move", active_ids=order.invoice_ids.ids)
            .create({"journal_id": order.invoice_ids.journal_id.id})
        )
        credit_note = self.env["account.move"].browse(reversal.refund_moves()["res_id"])
        credit_note.invoice_line_ids.filtered(
            lambda line: line.product_id != self.plates
        ).unlink()
        credit_note.invoice_line_ids.quantity = 1
        credit_note.action_post()
        self.gift_list.action_close()
        self.gift_list.action_settle()
        self.env.flush_all()
        row = self.Report.search([("registry_id", "=", self.gift_list.id)])
        self.assertEqual(row.qty_converted, 2)
        self.assertEqual(row.amount_total, 50)
        self.assertEqual(row.bonus_amount, 5)
        self.assertEqual(row.state, "settled")

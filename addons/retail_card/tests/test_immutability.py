# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import new_test_user, tagged

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

from ..trusted import trusted_flow
from .common import RetailCardCommon


@tagged("post_install", "-at_install", "retail_money")
class TestLedgerImmutability(RetailCardCommon):
    def test_ledger_rows_cannot_be_edited(self):
        self._post(self.gift_card, 30, "load")
        row = self._ledger(self.gift_card)
        for vals in (
            {"issued": 3000},
            {"used": 10},
            {"description": "Other"},
            {"card_id": self.points_card.id},
            {"retail_kind": "adjust"},
            {"retail_balance_after": 1},
            {"retail_reason": "Why not"},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                row.write(vals)
        self.assertRecordValues(row, [{"issued": 30, "description": "Money loaded"}])
        self.assertBalanceInvariant(self.gift_card)

    def test_ledger_rows_cannot_be_deleted(self):
        self._post(self.gift_card, 30, "load")
        row = self._ledger(self.gift_card)
        with self.assertRaisesRegex(UserError, "reverse it"):
            row.unlink()
        with self.assertRaisesRegex(UserError, "archive it"):
            self.gift_card.unlink()
        self.assertTrue(row.exists())
        # uninstalling the module still can remove what it guards
        self.gift_card.with_context(**{MODULE_UNINSTALL_FLAG: True}).unlink()
        self.assertFalse(row.exists())

    def test_native_rows_keep_native_behaviour(self):
        card = self._card(self.points_program, points=5)
        native = self.History.create(
            {"card_id": card.id, "description": "Native", "issued": 5}
        )
        native.write({"issued": 6, "description": "Native, corrected"})
        self.assertEqual(native.issued, 6)
        with self.assertRaises(UserError):
            native.write({"retail_kind": "earn"})  # no back door into the ledger
        native.unlink()
        self.assertFalse(native.exists())
        card.unlink()  # no ledger row: deleted as natively
        self.assertFalse(card.exists())

    def test_ledger_rows_cannot_be_forged_over_rpc(self):
        group = self.env["res.groups"].create(
            {
                "name": "History writers",
                "model_access": [
                    Command.create(
                        {
                            "name": "history create",
                            "model_id": self.env.ref(
                                "loyalty.model_loyalty_history"
                            ).id,
                            "perm_read": True,
                            "perm_create": True,
                        }
                    )
                ],
            }
        )
        user = new_test_user(
            self.env,
            login="history_writer",
            groups="retail_card.group_card_cashier",
            group_ids=(group | self.env.ref("retail_card.group_card_cashier")).ids,
        )
        History = self.History.with_user(user)
        # a native row is created by Odoo's own order flows only (trusted flows,
        # see test_native_paths), never directly
        with self.assertRaisesRegex(AccessError, "order flows only"):
            History.create({"card_id": self.gift_card.id, "description": "ok"})
        with trusted_flow("test"):
            History.create({"card_id": self.gift_card.id, "description": "ok"})
            # ledger rows not even there
            with self.assertRaisesRegex(AccessError, "card ledger only"):
                History.create(
                    {
                        "card_id": self.gift_card.id,
                        "description": "Free money",
                        "issued": 1000,
                        "retail_kind": "load",
                    }
                )
        self.assertFalse(self._ledger(self.gift_card))

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.fields import Domain

from odoo.addons.base.tests.common import BaseCommon


class LedgerAssertions:
    """Assertions on the card ledger, for the test classes of every module that
    moves balances (mixed in before the Odoo test class)."""

    def _ledger(self, cards):
        """The ledger rows of ``cards``, oldest first."""
        return self.env["loyalty.history"].search(
            Domain("card_id", "in", cards.ids) & Domain("retail_kind", "!=", False),
            order="id",
        )

    def _kinds(self, card):
        """[(kind, amount)] of the card's ledger rows, oldest first."""
        return [(row.retail_kind, row.issued - row.used) for row in self._ledger(card)]

    def assertBalanceInvariant(self, cards):
        self.assertEqual(
            cards._retail_check_balance_invariant(),
            {},
            "card balance must equal the sum of its history rows",
        )


class RetailCardCommon(LedgerAssertions, BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Card = cls.env["loyalty.card"]
        cls.History = cls.env["loyalty.history"]
        cls.points_program = cls.env["loyalty.program"].create(
            {"name": "Retail points", "program_type": "loyalty"}
        )
        cls.gift_program = cls.env["loyalty.program"].create(
            {"name": "Retail gift cards", "program_type": "gift_card"}
        )
        cls.customer = cls.env["res.partner"].create({"name": "Card holder"})
        cls.points_card = cls._card(cls.points_program, partner_id=cls.customer.id)
        cls.gift_card = cls._card(cls.gift_program)
        cls.store = cls.env["pos.config"].create({"name": "Store Gran Via"})

    @classmethod
    def _card(cls, program, **vals):
        return cls.env["loyalty.card"].create({"program_id": program.id, **vals})

    def _post(self, card, amount, kind, **values):
        return self.Card._retail_post_movements(
            [{"card": card, "amount": amount, "kind": kind, **values}]
        )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.fields import Domain

from odoo.addons.base.tests.common import BaseCommon


class RetailGiftcardCommon(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Card = cls.env["loyalty.card"]
        cls.History = cls.env["loyalty.history"]
        cls.Series = cls.env["retail.giftcard.series"]
        cls.series = cls.Series.create(
            {
                "name": "Store cards",
                "prefix": "7701",
                "number_length": 12,
                "min_load": 5,
                "max_load": 300,
                "max_balance": 500,
                "validity_months": 12,
            }
        )
        cls.store = cls.env["pos.config"].create({"name": "Store Gran Via"})

    @classmethod
    def _new_cards(cls, quantity=1, series=None, **kwargs):
        series = series or cls.series
        return cls.Card.browse(series._generate_cards(quantity, **kwargs))

    @classmethod
    def _sold_card(cls, amount=100):
        card = cls._new_cards()
        cls.Card._retail_giftcard_load([{"card": card, "amount": amount}])
        return card

    def _ledger(self, cards):
        return self.History.search(
            Domain("card_id", "in", cards.ids) & Domain("retail_kind", "!=", False),
            order="id",
        )

    def assertBalanceInvariant(self, cards):
        self.assertEqual(
            cards._retail_check_balance_invariant(),
            {},
            "card balance must equal the sum of its history rows",
        )

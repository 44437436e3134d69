# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.fields import Domain

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
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


class GiftcardAccountingCommon(AccountTestInvoicingCommon):
    """A sold gift card of 100 with a PIN, a taxed service product invoiced on
    order, and helpers to read the posted accounts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.group_ids |= cls.env.ref("retail_card.group_card_head_office")
        cls.series = cls.env["retail.giftcard.series"].create(
            {"name": "Order cards", "prefix": "4402", "number_length": 12}
        )
        cls.liability = cls.env.company._retail_giftcard_liability_account()
        cls.receivable = cls.company_data["default_account_receivable"]
        cls.card, cls.pin = cls._loaded_card(100)
        cls.tax = cls.company_data["default_tax_sale"]
        cls.service = cls._create_product(
            name="Tailoring",
            type="service",
            invoice_policy="order",
            lst_price=80.0,
            taxes_id=cls.tax,
        )

    @classmethod
    def _loaded_card(cls, amount):
        card = cls.env["loyalty.card"].browse(cls.series._generate_cards(1))
        cls.env["retail.giftcard.load"].create(
            {
                "series_id": cls.series.id,
                "source": "cards",
                "card_ids": card.ids,
                "amount": amount,
                "counterpart_account_id": cls.company_data[
                    "default_account_receivable"
                ].id,
            }
        ).action_load()
        return card, card._retail_set_secret()[card.id]

    def _order(self, price=80.0, confirm=True):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.partner_a.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.service.id,
                            "product_uom_qty": 1,
                            "price_unit": price,
                            "tax_ids": [Command.set(self.tax.ids)],
                        }
                    )
                ],
            }
        )
        if confirm:
            order.action_confirm()
        return order

    def _balance(self, account, partner=None):
        domain = Domain("account_id", "=", account.id) & Domain(
            "parent_state", "=", "posted"
        )
        if partner:
            domain &= Domain("partner_id", "=", partner.id)
        lines = self.env["account.move.line"].search(domain)
        return sum(lines.mapped("balance"))

    def _invoice(self, order):
        invoice = order._create_invoices()
        invoice.action_post()
        return invoice

    def _kinds(self, card):
        return (
            card.history_ids.filtered("retail_kind")
            .sorted("id")
            .mapped(lambda row: (row.retail_kind, row.issued - row.used))
        )

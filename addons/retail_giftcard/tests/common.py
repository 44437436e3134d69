# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import UserError
from odoo.fields import Domain

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.point_of_sale.tests.common import TestPoSCommon
from odoo.addons.retail_card.tests.common import LedgerAssertions


class RetailGiftcardCommon(LedgerAssertions, BaseCommon):
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


class GiftcardAccountingCommon(LedgerAssertions, AccountTestInvoicingCommon):
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


class GiftcardPosCommon(LedgerAssertions, TestPoSCommon):
    """A gift card series, its payment method and goods at an open till, with
    helpers to sync orders and read the posted accounts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.config = cls.basic_config
        cls.env.user.group_ids |= cls.env.ref("retail_card.group_card_head_office")
        cls.series = cls.env["retail.giftcard.series"].create(
            {
                "name": "Till cards",
                "prefix": "6601",
                "number_length": 12,
                "max_load": 500,
            }
        )
        cls.card_product = cls.series.product_id
        cls.liability = cls.company.retail_giftcard_liability_account_id
        cls.gift_pm = cls.company._retail_giftcard_payment_method()
        cls.goods = cls.create_product(
            "Jacket",
            cls.categ_basic,
            100.0,
            tax_ids=cls.taxes["tax7"].ids,
            sale_account=cls.sales_account,
        )
        cls.cards = cls.env["loyalty.card"].browse(cls.series._generate_cards(3))

    def setUp(self):
        super().setUp()
        self.config.write(
            {"payment_method_ids": [(6, 0, self._till_payment_methods().ids)]}
        )
        self.open_new_session()

    def _till_payment_methods(self):
        return self.cash_pm1 | self.gift_pm

    # helpers ------------------------------------------------------------

    def _sale_line(self, card, amount, quantity=1, **values):
        return {
            "product": self.card_product,
            "quantity": quantity,
            "price_unit": amount,
            "price_subtotal": amount * quantity,
            "price_subtotal_incl": amount * quantity,
            "retail_giftcard_code": card.code if card else False,
            **values,
        }

    def _order_data(self, lines, payments, **order_values):
        data = self.create_ui_order_data(
            lines,
            payments=[(method, amount) for method, amount, _extra in payments],
            pos_order_ui_args=order_values,
        )
        for command, (_method, _amount, extra) in zip(
            data["payment_ids"], payments, strict=True
        ):
            extra = dict(extra)
            card = extra.pop("_spend_token_of", None)
            if card:
                # the PIN check the till made for this order
                extra["retail_giftcard_token"] = card._retail_spend_token(
                    self.config, data["uuid"]
                )
            command[2].update(extra)
        return data

    def _sync(self, data):
        self.env["pos.order"].sync_from_ui([data])
        return self.env["pos.order"].search([("uuid", "=", data["uuid"])])

    def _refused_sync(self, data, message):
        """Sync an order the server must refuse; the request's transaction is
        rolled back, as the RPC layer does."""
        with self.assertRaisesRegex(UserError, message), self.env.cr.savepoint():
            self._sync(data)

    def _card_payment(self, card, amount, token=True):
        extra = {"retail_giftcard_code": card.code}
        if token:
            extra["_spend_token_of"] = card
        return (self.gift_pm, amount, extra)

    def _sell(self, card, amount):
        return self._sync(
            self._order_data(
                [self._sale_line(card, amount)], [(self.cash_pm1, amount, {})]
            )
        )

    def _balance(self, account, moves=None):
        domain = Domain("account_id", "=", account.id) & Domain(
            "parent_state", "=", "posted"
        )
        lines = self.env["account.move.line"].search(domain)
        return sum(lines.mapped("balance"))

    def _close_session(self):
        session = self.pos_session
        cash = sum(
            session.order_ids.payment_ids.filtered(
                lambda payment: payment.payment_method_id == self.cash_pm1
            ).mapped("amount")
        )
        session.post_closing_cash_details(cash)
        session.close_session_from_ui()
        self.assertEqual(session.state, "closed")
        return session

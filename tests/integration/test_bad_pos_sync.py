# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Orders synced from the till (``pos.order.sync_from_ui``, as the till calls
it) with malformed gift card payments: each is refused with a UserError and,
once the request's transaction is rolled back, nothing is written (no order, no
ledger row, no balance or entry changed)."""

import logging
import math

from odoo.exceptions import UserError
from odoo.service.model import call_kw
from odoo.tests import tagged
from odoo.tools import SQL

from odoo.addons.point_of_sale.tests.common import TestPoSCommon

from .bad_input import SNAPSHOT_TABLES, luhn

_logger = logging.getLogger(__name__)


class _Rollback(Exception):
    """Rolls a case's savepoint back once its outcome is known."""


@tagged("post_install", "-at_install", "retail_security")
class TestBadPosSync(TestPoSCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.config = cls.basic_config
        cls.env.user.group_ids |= cls.env.ref("retail_card.group_card_head_office")
        cls.series = cls.env["retail.giftcard.series"].create(
            {"name": "Bad sync cards", "prefix": "6609", "number_length": 12}
        )
        cls.gift_pm = cls.company._retail_giftcard_payment_method()
        cls.goods = cls.create_product("Jacket", cls.categ_basic, 100.0)
        Card = cls.env["loyalty.card"]
        cls.card, cls.blocked, cls.unsold = Card.browse(cls.series._generate_cards(3))
        Card._retail_giftcard_load(
            [{"card": cls.card, "amount": 30}, {"card": cls.blocked, "amount": 30}]
        )
        cls.blocked.action_retail_block("Lost")

    def setUp(self):
        super().setUp()
        self.config.write(
            {"payment_method_ids": [(6, 0, (self.cash_pm1 | self.gift_pm).ids)]}
        )
        self.open_new_session()

    def _order(self, amount, extra, cash=None):
        """An order of one jacket paid ``amount`` by gift card (``extra``: the
        payment's gift card fields) and the rest in cash."""
        cash = 100 - amount if cash is None else cash
        payments = [(self.gift_pm, amount)] + ([(self.cash_pm1, cash)] if cash else [])
        data = self.create_ui_order_data([(self.goods, 1)], payments=payments)
        extra = dict(extra)
        card = extra.pop("_spend_token_of", None)
        if card:
            # the PIN check the till made for this order
            extra["retail_giftcard_token"] = card._retail_spend_token(
                self.config, data["uuid"]
            )
        data["payment_ids"][0][2].update(extra)
        return data

    def _paid_by(self, card, amount, token=True, cash=None, **extra):
        values = {"retail_giftcard_code": card.code}
        if token is True:
            values["_spend_token_of"] = card
        elif token:
            values["retail_giftcard_token"] = token
        return self._order(amount, {**values, **extra}, cash=cash)

    def _snapshot(self):
        self.env.flush_all()
        return {
            table: self.env.execute_query(
                SQL(
                    "SELECT count(*), md5(string_agg(t::text, '|' ORDER BY t::text)) "
                    "FROM %s t",
                    SQL.identifier(table),
                )
            )[0]
            for table in SNAPSHOT_TABLES
        }

    def _cases(self):
        card, forged = self.card, self.card._retail_spend_token(self.config, "x")[:-4]
        return [
            (
                "unknown card",
                self._order(10, {"retail_giftcard_code": luhn("66099999999")}),
            ),
            (
                "wrong check digit",
                self._order(10, {"retail_giftcard_code": "660900000019"}),
            ),
            (
                "number with quotes",
                self._order(10, {"retail_giftcard_code": "' OR 1=1 --"}),
            ),
            (
                "number of 10,000 digits",
                self._order(10, {"retail_giftcard_code": "6" * 10_000}),
            ),
            ("no number", self._order(10, {})),
            ("negative amount on a sale", self._paid_by(card, -10, cash=110)),
            ("amount over the balance", self._paid_by(card, 31)),
            ("huge amount", self._paid_by(card, 10**9, cash=100 - 10**9)),
            ("forged token", self._paid_by(card, 10, token=forged + "AAAA")),
            (
                "token of another card",
                self._paid_by(
                    card, 10, token=self.blocked._retail_spend_token(self.config)
                ),
            ),
            (
                "token of another till",
                self._paid_by(card, 10, token=card._retail_spend_token()),
            ),
            ("token as a number", self._paid_by(card, 10, token=12345)),
            ("no token", self._paid_by(card, 10, token=False)),
            ("blocked card", self._paid_by(self.blocked, 10)),
            ("unsold card", self._paid_by(self.unsold, 10)),
            (
                "offline, above the cap",
                self._paid_by(card, 30, token=False, retail_giftcard_offline=True),
            ),
        ]

    def test_malformed_giftcard_payments_refused(self):
        cases = self._cases()
        before = self._snapshot()
        balance = self.card.points
        for label, data in cases:
            with self.subTest(case=label):
                error = None
                try:
                    # the request's transaction, rolled back whatever the outcome
                    # (an accepted order must not change the next cases)
                    with self.env.cr.savepoint():
                        try:
                            call_kw(self.env["pos.order"], "sync_from_ui", [[data]], {})
                        except UserError as exc:
                            error = exc
                        raise _Rollback
                except _Rollback:
                    pass
                except Exception as exc:  # a traceback: the case fails, loop goes on
                    self.fail(f"{label}: {type(exc).__name__}: {exc}")
                finally:
                    self.env.invalidate_all()
                self.assertIsInstance(error, UserError, f"{label}: order accepted")
                self.assertTrue(str(error.args[0]).strip(), label)
                changed = [t for t, v in self._snapshot().items() if before[t] != v]
                self.assertFalse(changed, f"{label}: tables changed: {changed}")
                self.assertFalse(
                    self.env["pos.order"].search_count([("uuid", "=", data["uuid"])])
                )
        self.assertEqual(self.card.points, balance)
        self.assertTrue(math.isclose(balance, 30))
        _logger.info(
            "Bad input: %s orders synced with bad gift card payments", len(cases)
        )

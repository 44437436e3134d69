# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import Command
from odoo.service.model import call_kw
from odoo.tests import tagged

from .receipt_common import ReceiptCommon


@tagged("post_install", "-at_install")
class TestClientelingAnalyses(ReceiptCommon):
    """Four till orders whose figures are counted by hand:

    1. Lola: boot, 2 socks, scarf (last)   -> receipt coupon
    2. Pepe: sock, boot (last)             -> receipt coupon
    3. Lola: 2 boots (one line)            -> no message (once per customer)
    4. Lola: scarf + Lola's coupon (reward line, left out of the sales)
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team = cls.env["crm.team"].create({"name": "North stores"})
        cls.config.crm_team_id = cls.team
        cls.segment = cls.env["retail.segment"].create(
            {"name": "VIP", "partner_ids": [Command.link(cls.lola.id)]}
        )
        cls.rule = cls._rule(
            "Coupon", "Your coupon {coupon}", coupon_program_id=cls.program.id
        )

    def setUp(self):
        super().setUp()
        self._sync([(self.boot, 1), (self.sock, 2), (self.scarf, 1)], self.lola)
        self._sync([(self.sock, 1), (self.boot, 1)], self.pepe)
        self._sync([(self.boot, 2)], self.lola)
        card = self.env["loyalty.card"].search(
            [("partner_id", "=", self.lola.id), ("program_id", "=", self.program.id)]
        )
        reward = self.program.reward_ids
        self._sync(
            [
                (self.scarf, 1),
                {
                    "product": reward.discount_line_product_id,
                    "quantity": 1,
                    "price_unit": -2.0,
                    "price_subtotal": -2.0,
                    "price_subtotal_incl": -2.0,
                    "is_reward_line": True,
                    "reward_id": reward.id,
                    "coupon_id": card.id,
                    "points_cost": 1,
                    "reward_identifier_code": "analysis-coupon",
                },
            ],
            self.lola,
        )
        self.env.flush_all()

    def _by_product(self, model, aggregates, domain=()):
        return {
            product.name: list(values)
            for product, *values in self.env[model]._read_group(
                list(domain), ["product_id"], aggregates
            )
        }

    def test_best_sellers_per_store_group_and_segment(self):
        self.assertEqual(
            self._by_product(
                "retail.best.seller.report",
                ["quantity:sum", "revenue:sum"],
                [("crm_team_id", "=", self.team.id)],
            ),
            {"Boot": [4.0, 320.0], "Sock": [3.0, 15.0], "Scarf": [2.0, 40.0]},
        )
        self.assertEqual(
            self._by_product(
                "retail.best.seller.segment.report",
                ["quantity:sum"],
                [("segment_id", "=", self.segment.id)],
            ),
            {"Boot": [3.0], "Sock": [2.0], "Scarf": [2.0]},
        )

    def test_impulse_products(self):
        self.assertEqual(
            self._by_product(
                "retail.impulse.report",
                [
                    "basket_count:sum",
                    "last_line_count:sum",
                    "single_extra_count:sum",
                    "last_line_rate:avg",
                ],
            ),
            {
                "Boot": [2, 1, 1, 50.0],
                "Sock": [2, 0, 0, 0.0],
                "Scarf": [1, 1, 1, 100.0],
            },
        )

    def test_receipt_messages_and_coupons_redeemed(self):
        rows = self.env["retail.receipt.message.report"]._read_group(
            [],
            ["rule_id", "config_id"],
            [
                "printed_count:sum",
                "coupon_count:sum",
                "redeemed_count:sum",
                "invitation_count:sum",
            ],
        )
        self.assertEqual(rows, [(self.rule, self.config, 2, 2, 1, 0)])

    def test_xlsx_export(self):
        wizard = call_kw(
            self.env["retail.clienteling.analysis.export"],
            "create",
            [{"config_ids": [Command.set(self.config.ids)]}],
            {},
        )
        wizard = self.env["retail.clienteling.analysis.export"].browse(wizard)
        action = wizard.action_export()
        self.assertIn("clienteling_analysis.xlsx", action["url"])
        self.assertTrue(base64.b64decode(wizard.file).startswith(b"PK"))
        sheets = [name for name, _headers, _rows in wizard._retail_sheets()]
        self.assertEqual(
            sheets,
            [
                "Receipt messages",
                "Best sellers",
                "Impulse products",
                "Suggestion results",
            ],
        )

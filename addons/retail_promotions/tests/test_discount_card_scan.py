# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .test_pos_sync import RetailPromotionPosCommon

CARD_CODE = "RETAIL-FRIENDS-0001"


class RetailDiscountCardScanCommon(RetailPromotionPosCommon):
    """A 20 % discount card on shirts in the store of RetailPromotionPosCommon, and
    a card of it issued to its holder."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.card_program = cls.env["loyalty.program"].create(
            {
                "name": "Friends card -20 % on shirts",
                "retail_promotion_type": "discount_card",
                "retail_product_ids": [Command.set(cls.shirt.ids)],
                "retail_discount": 20,
                "pos_ok": True,
            }
        )
        cls.holder = cls.env["res.partner"].create({"name": "Card Holder"})
        cls.stranger = cls.env["res.partner"].create({"name": "No Card Customer"})
        cls.card = cls.env["loyalty.card"].create(
            {
                "program_id": cls.card_program.id,
                "partner_id": cls.holder.id,
                "code": CARD_CODE,
            }
        )

    def _card_basket(self):
        """One shirt (20) and the discount card's -20 %: -4."""
        reward = self.card_program.reward_ids
        return [
            (self.shirt, 1),
            {
                "product": reward.discount_line_product_id,
                "quantity": 1,
                "price_unit": -4.0,
                "price_subtotal": -4.0,
                "price_subtotal_incl": -4.0,
                "is_reward_line": True,
                "reward_id": reward.id,
                "reward_identifier_code": "retail-card-test",
            },
        ]


@tagged("post_install", "-at_install", "retail_money")
class TestRetailDiscountCardScan(RetailDiscountCardScanCommon):
    """The till asks the server for the card of a typed or scanned code; at
    synchronisation the server checks the discount again against the customer's
    card or the scanned one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cashier = new_test_user(
            cls.env,
            login="retail_card_cashier",
            groups="point_of_sale.group_pos_user",
            company_id=cls.company.id,
            company_ids=cls.company.ids,
        )

    def scan(self, code, config=None):
        """What the till gets, asking as a cashier."""
        return (
            self.env["loyalty.card"]
            .with_user(self.cashier)
            .retail_discount_card_scan(code, (config or self.config).id)
        )

    def test_scan_gives_the_program_and_the_holder(self):
        self.assertEqual(
            self.scan(f" {CARD_CODE} "),
            {
                "program_id": self.card_program.id,
                "partner_id": self.holder.id,
                "code": CARD_CODE,
            },
        )

    def test_scan_of_other_codes_is_left_to_the_native_flow(self):
        self.assertFalse(self.scan("NO-SUCH-CODE"))
        self.assertFalse(self.scan(""))
        other_store = self.config.copy({"name": "Other Store"})
        self.card_program.pos_config_ids = other_store
        self.assertFalse(self.scan(CARD_CODE), "not a promotion of this store")
        self.card_program.pos_config_ids = False
        self.card.expiration_date = "2020-01-01"
        self.assertFalse(self.scan(CARD_CODE), "expired")

    def test_order_with_the_scanned_card_is_accepted(self):
        order = self._sync(
            self._order_data(
                self._card_basket(),
                partner_id=self.stranger.id,
                retail_discount_card_code=CARD_CODE,
            )
        )
        self.assertEqual(order.amount_total, 16.0)
        self.assertEqual(order.retail_discount_card_code, CARD_CODE)
        self.assertFalse(order.retail_promotion_flagged)

    def test_order_of_the_holder_needs_no_scan(self):
        order = self._sync(
            self._order_data(self._card_basket(), partner_id=self.holder.id)
        )
        self.assertFalse(order.retail_promotion_flagged)

    def test_paid_order_without_a_card_is_flagged(self):
        order = self._sync(
            self._order_data(self._card_basket(), partner_id=self.stranger.id)
        )
        self.assertEqual(order.state, "paid")
        self.assertTrue(order.retail_promotion_flagged)
        self.assertIn(
            "Friends card -20 % on shirts: the customer holds no discount card",
            order.retail_promotion_issue,
        )

    def test_draft_order_with_an_expired_card_is_refused(self):
        self.card.expiration_date = "2020-01-01"
        data = self._order_data(
            self._card_basket(),
            partner_id=self.stranger.id,
            retail_discount_card_code=CARD_CODE,
            state="draft",
        )
        with (
            self.assertRaisesRegex(UserError, f"discount card {CARD_CODE} is not"),
            self.env.cr.savepoint(),
        ):
            self._sync(data)
        self.assertFalse(self.env["pos.order"].search([("uuid", "=", data["uuid"])]))

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.retail_customer.tests.pos_tour import RetailPosTourCase


@tagged("post_install", "-at_install")
class TestRetailGiftcardPosUi(RetailPosTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.main_pos_config.company_id
        cls.env.user.group_ids |= cls.env.ref("retail_card.group_card_head_office")
        cls.series = (
            cls.env["retail.giftcard.series"]
            .with_company(company)
            .create({"name": "Till cards", "prefix": "7701", "number_length": 12})
        )
        cls.card = cls.env["loyalty.card"].browse(cls.series._generate_cards(1))
        cls._set_code(cls.card, "770100000015")
        cls.gift_pm = company._retail_giftcard_payment_method()
        cls.main_pos_config.write({"payment_method_ids": [(4, cls.gift_pm.id)]})
        for user in (cls.pos_user, cls.pos_admin):
            user.group_ids |= cls.env.ref("retail_card.group_card_cashier")

    @classmethod
    def _set_code(cls, card, code):
        """The number the tours type (numbers are drawn at random)."""
        cls.env.cr.execute(
            "UPDATE loyalty_card SET code = %s WHERE id = %s", (code, card.id)
        )
        card.invalidate_recordset(["code"])

    def setUp(self):
        super().setUp()
        self.assertEqual(self.card.code, "770100000015", "the number the tours type")
        self.assertEqual(
            self.main_pos_config.currency_id.symbol, "$", "the currency the tours read"
        )

    def _ledger(self):
        return self.card.history_ids.filtered("retail_kind").sorted("id")

    def _assert_sold_and_reloaded(self):
        self.assertEqual(self.card.retail_state, "active")
        self.assertEqual(self.card.points, 75)
        self.assertEqual(self._ledger().mapped("retail_kind"), ["load", "load"])
        self.assertEqual(self._ledger().mapped("retail_balance_after"), [50, 75])
        self.assertEqual(self.card._retail_check_balance_invariant(), {})

    def test_sell_and_reload(self):
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailGiftcardSellReloadTour")
        self._assert_sold_and_reloaded()

    def test_sell_and_reload_in_spanish(self):
        """The cashier works in Spanish: the card's product (named in Spanish as
        the series names it for a Spanish head office), the prompts, the amounts
        and the receipt lines are in Spanish."""
        self._retail_till_in_spanish()
        product = self.series.product_id
        spanish = self.series.with_context(lang="es_ES")._product_vals()["name"]
        self.assertEqual(spanish, "Tarjeta regalo Till cards")
        product.with_context(lang="es_ES").name = spanish
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailGiftcardSellReloadTourEs")
        self._assert_sold_and_reloaded()

    def test_pay_part_check_balance_refund(self):
        self.env["loyalty.card"]._retail_giftcard_load(
            [{"card": self.card, "amount": 1.0}]
        )
        self.card.sudo().retail_secret_hash = self.card._retail_hash_secret("123456")
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailGiftcardPayPartTour")
        orders = self.env["pos.order"].search(
            [("config_id", "=", self.main_pos_config.id)], order="id"
        )
        sale, refund = orders
        self.assertEqual(
            sorted(sale.payment_ids.mapped("amount")), [0.98, 1.0], "card and cash"
        )
        self.assertEqual(refund.amount_total, -1.98)
        self.assertEqual(
            self._ledger().mapped("retail_kind"), ["load", "redeem", "refund"]
        )
        self.assertEqual(self.card.points, 1.98, "the refund went back on the card")
        self.assertEqual(self.card._retail_check_balance_invariant(), {})

    def test_pay_part_in_spanish(self):
        """The cashier works in Spanish: the card's prompts, its payment method
        (named in Spanish as the company's set-up names it for a Spanish user),
        the amounts and the receipt's payment line are in Spanish."""
        self.env["loyalty.card"]._retail_giftcard_load(
            [{"card": self.card, "amount": 1.0}]
        )
        self.card.sudo().retail_secret_hash = self.card._retail_hash_secret("123456")
        self._retail_till_in_spanish()
        spanish = self.env(context=dict(self.env.context, lang="es_ES"))._("Gift Card")
        self.assertEqual(spanish, "Tarjeta regalo")
        self.gift_pm.with_context(lang="es_ES").name = spanish
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailGiftcardPayPartTourEs")
        sale = self.env["pos.order"].search(
            [("config_id", "=", self.main_pos_config.id)]
        )
        self.assertEqual(
            sorted(sale.payment_ids.mapped("amount")), [0.98, 1.0], "card and cash"
        )
        self.assertEqual(self._ledger().mapped("retail_kind"), ["load", "redeem"])
        self.assertEqual(self.card.points, 0)
        self.assertEqual(self.card._retail_check_balance_invariant(), {})

    def test_single_purpose_voucher_refused_then_pays_its_vat(self):
        company = self.main_pos_config.company_id
        tax21 = self.env["account.tax"].create(
            {
                "name": "VAT 21% (voucher test)",
                "amount": 21,
                "type_tax_use": "sale",
                "price_include_override": "tax_included",
                "company_id": company.id,
            }
        )
        self.letter_tray.taxes_id = tax21
        series = (
            self.env["retail.giftcard.series"]
            .with_company(company)
            .create(
                {
                    "name": "Vouchers 21",
                    "prefix": "7702",
                    "number_length": 12,
                    "voucher_type": "single",
                    "tax_id": tax21.id,
                }
            )
        )
        voucher = self.env["loyalty.card"].browse(series._generate_cards(1))
        self._set_code(voucher, "770200000014")
        self.assertEqual(voucher.code, "770200000014", "the number the tour types")
        self.env["loyalty.card"]._retail_giftcard_load(
            [{"card": voucher, "amount": 10}]
        )
        voucher.sudo().retail_secret_hash = voucher._retail_hash_secret("654321")
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailGiftcardVoucherTour")
        order = self.env["pos.order"].search(
            [("config_id", "=", self.main_pos_config.id)], order="id desc", limit=1
        )
        self.assertEqual(
            order.lines.product_id,
            self.desk_pad.product_variant_id | self.letter_tray.product_variant_id,
        )
        self.assertAlmostEqual(order.amount_total, 6.78)
        paid = {p.payment_method_id.name: p.amount for p in order.payment_ids}
        self.assertEqual(paid.get("Gift Card"), 4.8, "the voucher paid the 21 % goods")
        self.assertEqual(voucher.points, 5.2)
        ledger = voucher.history_ids.filtered("retail_kind").sorted("id")
        self.assertEqual(ledger.mapped("retail_kind"), ["load", "redeem"])
        self.assertEqual(voucher._retail_check_balance_invariant(), {})

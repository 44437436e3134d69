# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.retail_customer.tests.pos_tour import RetailPosTourCase


@tagged("post_install", "-at_install")
class TestStoreCreditPosUi(RetailPosTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.main_pos_config.company_id
        cls.env.user.group_ids |= cls.env.ref("retail_card.group_card_head_office")
        cls.series = (
            cls.env["retail.giftcard.series"]
            .with_company(company)
            .create({"name": "Store credit", "prefix": "7702", "number_length": 12})
        )
        cls.gift_pm = company._retail_giftcard_payment_method()
        cls.main_pos_config.write(
            {
                "payment_method_ids": [(4, cls.gift_pm.id)],
                "retail_credit_series_id": cls.series.id,
            }
        )
        for user in (cls.pos_user, cls.pos_admin):
            user.group_ids |= cls.env.ref("retail_card.group_card_cashier")

    def test_refund_paid_out_on_a_new_gift_card(self):
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailAftersalesStoreCreditTour")
        refund = self.env["pos.order"].search(
            [("config_id", "=", self.main_pos_config.id), ("amount_total", "<", 0)]
        )
        self.assertEqual(refund.amount_total, -1.98)
        card = refund.payment_ids.retail_giftcard_id
        self.assertEqual(card.retail_series_id, self.series)
        self.assertEqual(card.code[:4], "7702")
        self.assertEqual((card.retail_state, card.points), ("active", 1.98))
        ledger = card.history_ids.filtered("retail_kind")
        self.assertEqual(ledger.mapped("retail_kind"), ["refund"])
        self.assertEqual(ledger.order_id, refund.id)
        self.assertEqual(card._retail_check_balance_invariant(), {})

    def test_refund_paid_out_on_the_customers_ewallet(self):
        company = self.main_pos_config.company_id
        program = self.env["loyalty.program"].create(
            {
                "name": "Customer eWallet",
                "program_type": "ewallet",
                "company_id": company.id,
            }
        )
        liability = (
            self.env["account.account"]
            .sudo()
            .create(
                {
                    "name": "eWallets outstanding",
                    "code": "419302",
                    "account_type": "liability_current",
                }
            )
        )
        journal = self.env["account.journal"].create(
            {"name": "Store credit", "code": "SCRE", "type": "bank"}
        )
        method = self.env["pos.payment.method"].create(
            {
                "name": "Store credit eWallet",
                "journal_id": journal.id,
                "outstanding_account_id": liability.id,
                "retail_credit_ewallet_program_id": program.id,
            }
        )
        self.main_pos_config.payment_method_ids = [(4, method.id)]
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailAftersalesEwalletCreditTour")
        refund = self.env["pos.order"].search(
            [("config_id", "=", self.main_pos_config.id), ("amount_total", "<", 0)]
        )
        self.assertEqual(refund.partner_id, self.partner_test_1)
        card = self.env["loyalty.card"].search([("program_id", "=", program.id)])
        self.assertEqual(refund.payment_ids.retail_giftcard_id, card)
        self.assertRecordValues(
            card, [{"partner_id": self.partner_test_1.id, "points": 1.98}]
        )
        ledger = card.history_ids.filtered("retail_kind")
        self.assertEqual(ledger.mapped("retail_kind"), ["refund"])
        self.assertEqual(ledger.order_id, refund.id)
        self.assertEqual(card._retail_check_balance_invariant(), {})

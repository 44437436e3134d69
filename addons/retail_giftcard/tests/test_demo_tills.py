# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.point_of_sale.tests.common import TestPoSCommon

from ..hooks import add_giftcard_method_to_tills


@tagged("post_install", "-at_install")
class TestGiftcardDemoTills(TestPoSCommon):
    """The demo data's Gift Card payment method on the company's tills."""

    def test_demo_tills_take_gift_cards_but_not_an_open_till(self):
        self.config = self.basic_config
        self.open_new_session()
        closed_till = self.env["pos.config"].create({"name": "Demo second till"})
        open_methods = self.basic_config.payment_method_ids

        add_giftcard_method_to_tills(self.company)

        gift_method = self.company._retail_giftcard_payment_method()
        self.assertTrue(gift_method.retail_giftcard)
        self.assertIn(gift_method, closed_till.payment_method_ids)
        self.assertEqual(self.basic_config.payment_method_ids, open_methods)
        # a second call adds nothing: one gift card method per company
        add_giftcard_method_to_tills(self.company)
        self.assertEqual(
            self.env["pos.payment.method"].search_count(
                [("company_id", "=", self.company.id), ("retail_giftcard", "=", True)]
            ),
            1,
        )

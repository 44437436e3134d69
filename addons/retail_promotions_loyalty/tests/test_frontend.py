# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.retail_customer.tests.pos_tour import RetailPosTourCase

from .common import RetailExtraPointsCaseMixin, load_extra_points_case


@tagged("post_install", "-at_install", "retail_money")
class TestRetailExtraPointsPosUi(RetailExtraPointsCaseMixin, RetailPosTourCase):
    """The shared basket case in the till (Chromium): the till shows the points
    with the extra points, and the server settles the same figure on the card's
    ledger."""

    def test_extra_points_case(self):
        self.env["loyalty.program"].search([]).write({"active": False})
        case = load_extra_points_case()
        _products, loyalty, _promotion, customer = self._retail_setup_points_case(
            case, self.main_pos_config
        )
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailPromotionsLoyaltyExtraPointsTour", timeout=300)
        order = self.env["pos.order"].search(
            [("config_id", "=", self.main_pos_config.id), ("state", "=", "paid")]
        )
        self.assertEqual(len(order), 1)
        self.assertAlmostEqual(order.amount_total, case["expected"]["total"])
        card = self.env["loyalty.card"].search(
            [("partner_id", "=", customer.id), ("program_id", "=", loyalty.id)]
        )
        expected = case["expected"]["points"]
        self.assertEqual(card.points, expected)
        self.assertRecordValues(
            self.env["retail.loyalty.order.points"]._retail_rows_of(order),
            [{"points_earned": expected, "points_browser": expected}],
        )
        self.assertEqual(card.history_ids.mapped("issued"), [expected])

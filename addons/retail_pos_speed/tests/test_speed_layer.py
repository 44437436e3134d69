# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo.tests import tagged

from odoo.addons.retail_customer.tests.pos_tour import RetailPosTourCase
from odoo.addons.retail_promotions.tests.common import (
    RetailPromotionCaseMixin,
    load_basket_cases,
)

from ..models import pos_config as speed_config


@tagged("post_install", "-at_install")
class TestRetailPosSpeed(RetailPromotionCaseMixin, RetailPosTourCase):
    """The till's speed layer in Chromium: the faster functions are used while
    Odoo's are the code they were written for, the till falls back to Odoo's own
    function when one differs, the promotions are those pos_loyalty computes in
    every case, quick scans wait for one recomputation, and payment waits for the
    settled promotions."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._retail_archive_other_programs()

    def setUp(self):
        super().setUp()
        case = load_basket_cases()["n_for_m_cheapest_free"]
        self._retail_setup_case(case, self.main_pos_config)

    def _sell(self, tour):
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour(tour, timeout=300)
        order = self.env["pos.order"].search(
            [("config_id", "=", self.main_pos_config.id), ("state", "=", "paid")]
        )
        self.assertEqual(len(order), 1)
        return order

    def _assert_promotion_given(self, order):
        # the case's basket: 3 for 2 on the socks, the cheapest free
        self.assertAlmostEqual(order.amount_total, 36.0, places=2)
        self.assertTrue(order.lines.filtered("reward_id"))

    def test_the_faster_functions_are_used(self):
        """Every native function of the list is the Odoo 19.0 code its faster
        version was written for (a fingerprint to update otherwise)."""
        order = self._sell("RetailPosSpeedTour")
        self._assert_promotion_given(order)

    def test_a_changed_native_function_runs_natively(self):
        """A native function whose fingerprint differs (as after an Odoo update)
        runs natively; the others stay fast; the promotions are the same."""
        altered = dict(
            speed_config.NATIVE_FINGERPRINTS,
            **{"PosOrder.pointsForPrograms": "0badf00d"},
        )
        with patch.object(speed_config, "NATIVE_FINGERPRINTS", altered):
            order = self._sell("RetailPosSpeedFallbackTour")
        self._assert_promotion_given(order)

    def test_switched_off_on_the_till_configuration(self):
        self.main_pos_config.retail_pos_speed = False
        order = self._sell("RetailPosSpeedOffTour")
        self._assert_promotion_given(order)

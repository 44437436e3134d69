# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

# The native functions of the till that the faster computation takes the place of,
# each with the fingerprint of the Odoo 19.0 code it was written for (FNV-1a of the
# function's source without comments and white space: the same in the production
# and the debug assets). The till compares each with the running function before
# using its faster version (static/src/natives/retail_pos_speed.esm.js): when an
# Odoo update changed the function, the till runs the native code for it, and says
# so once in the browser's console. When Odoo changes one of them, check the faster
# version against the new code, then update its fingerprint here (the tours list
# the fingerprints that differ).
NATIVE_FINGERPRINTS = {
    # pos_loyalty/static/src/app/models/pos_order.js
    "PosOrder.pointsForPrograms": "79445de2",
    "PosOrder.getOrderlines": "2098f53f",
    "PosOrder._getRealCouponPoints": "35531a96",
    "PosOrder._getSpecificDiscountableLines": "0faf0bdb",
    "PosOrder._updateRewardLines": "1cb2a2f4",
    "PosOrder._applyReward": "8d593f32",
    "PosOrder.applyRewardLine": "5c3955eb",
    # point_of_sale/static/src/app/models/accounting/pos_order_accounting.js
    "PosOrder.triggerRecomputeAllPrices": "be9d149a",
    "PosOrder._computeAllPrices": "fee6ba34",
    "PosOrder._constructPriceData": "98da9616",
    # pos_loyalty/static/src/app/services/pos_store.js
    "PosStore.updateRewards": "bc88a5cd",
    "PosStore._updatePrograms": "d219060b",
    # point_of_sale/static/src/app/pos_app.js
    "Chrome.sendOrderToCustomerDisplay": "c6487a35",
    # pos_loyalty/static/src/app/screens/product_screen/control_buttons/
    # control_buttons.js
    "ControlButtons.getPotentialRewards": "4ddb2ffc",
}


class PosConfig(models.Model):
    _inherit = "pos.config"

    retail_pos_speed = fields.Boolean(
        string="Faster Promotions",
        default=True,
        help="The till recomputes its promotions with the faster versions of "
        "point_of_sale's and pos_loyalty's functions, with the same results; off, it "
        "runs the native functions.",
    )
    retail_pos_speed_natives = fields.Json(
        string="Native Fingerprints",
        compute="_compute_retail_pos_speed_natives",
        help="The native functions the faster computation replaces, with the "
        "fingerprint of the Odoo code it was written for.",
    )

    def _compute_retail_pos_speed_natives(self):
        for config in self:
            config.retail_pos_speed_natives = dict(NATIVE_FINGERPRINTS)

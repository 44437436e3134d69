# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The combination of the promotions a basket satisfies: exclusivity and the
order they apply in; mirrored in the till (pos_order.esm.js) and checked against
static/tests/vectors/retail_promotions.json."""

from odoo import models


class LoyaltyProgram(models.Model):
    _inherit = "loyalty.program"

    def _retail_combine(self):
        """The promotions of `self` (all satisfied by one basket) that apply: all of
        them when none is exclusive, else only the exclusive one of highest
        priority, the oldest on equal priority. Mirrored in the POS by
        retailCombinePromotions (static/src/app/models/pos_order.esm.js)."""
        exclusive = self.filtered("retail_exclusive")
        if not exclusive:
            return self
        return exclusive._retail_application_order()[:1]

    def _retail_application_order(self):
        """The promotions of `self` in the order they apply to a basket: the
        highest priority first, the oldest on equal priority. Cumulative
        promotions on the same lines apply in that order, each on what the
        earlier ones left. Mirrored in the POS by retailApplicationOrder
        (static/src/app/models/pos_order.esm.js)."""
        return self.sorted(lambda p: (-p.retail_priority, p.id))

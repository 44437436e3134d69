# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.fields import Domain

from .loyalty_program import EXTRA_POINTS


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _get_program_domain(self):
        # Extra point promotions are not applied to sale orders by themselves:
        # their points come with the loyalty program they feed.
        domain = super()._get_program_domain()
        ours = [("retail_promotion_type", "!=", EXTRA_POINTS)]
        if isinstance(domain, list):
            # website_sale_loyalty edits the list returned by super(): keep a list
            return domain + ours
        return Domain.AND([domain, ours])

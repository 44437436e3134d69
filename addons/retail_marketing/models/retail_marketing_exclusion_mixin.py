# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RetailMarketingExclusionMixin(models.AbstractModel):
    """The customers left out of a mailing (or of a campaign's mailings) by the
    consent rule, in all and by reason. The model computes them in
    ``_compute_retail_exclusions``."""

    _name = "retail.marketing.exclusion.mixin"
    _description = "Customers Left Out by the Consent Rule"

    retail_excluded_count = fields.Integer(
        compute="_compute_retail_exclusions", string="Excluded"
    )
    retail_excluded_no_consent_count = fields.Integer(
        compute="_compute_retail_exclusions", string="Excluded: No Consent"
    )
    retail_excluded_no_address_count = fields.Integer(
        compute="_compute_retail_exclusions", string="Excluded: No Address or Number"
    )
    retail_excluded_blacklisted_count = fields.Integer(
        compute="_compute_retail_exclusions", string="Excluded: Blacklisted"
    )
    retail_excluded_archived_count = fields.Integer(
        compute="_compute_retail_exclusions", string="Excluded: Archived"
    )
    retail_excluded_anonymized_count = fields.Integer(
        compute="_compute_retail_exclusions", string="Excluded: Anonymised"
    )

    def _compute_retail_exclusions(self):
        raise NotImplementedError()

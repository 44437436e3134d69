# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class RetailBlacklistConsentMixin(models.AbstractModel):
    """A blacklist entry (the unsubscribe link of a mailing or an SMS, the
    blacklist itself) withdraws the consent of its channel from the customers
    it names, dated, with its source. The blacklist says which channel
    (``_retail_consent_channel``), which field holds the address
    (``_retail_consent_field``) and which customers hold it
    (``_retail_consent_domain``)."""

    _name = "retail.blacklist.consent.mixin"
    _description = "Blacklist withdrawing marketing consent"

    _retail_consent_channel = None
    _retail_consent_field = None

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._retail_withdraw_consent()
        return records

    def write(self, vals):
        res = super().write(vals)
        if vals.get("active") or vals.get(self._retail_consent_field):
            self._retail_withdraw_consent()
        return res

    def _retail_withdraw_consent(self):
        values = self.filtered("active").mapped(self._retail_consent_field)
        if values:
            self.env["res.partner"]._retail_withdraw_consent(
                self._retail_consent_channel, self._retail_consent_domain(values)
            )

    def _retail_consent_domain(self, values):
        """Domain of the customers holding one of the blacklisted ``values``."""
        raise NotImplementedError()

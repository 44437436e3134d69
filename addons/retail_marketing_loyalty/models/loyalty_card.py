# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class LoyaltyCard(models.Model):
    _inherit = "loyalty.card"

    def _retail_send_notices(self):
        """A batch of notices sent for a campaign (the ``retail_campaign_id``
        key of the context, e.g. of the expiry notices' scheduled action) is
        logged on it: the cards notified, by email and by SMS."""
        Action = self.env["retail.marketing.action"]
        campaign = Action._retail_context_campaign()
        result = super()._retail_send_notices()
        if campaign:
            self._retail_log_notices_on(campaign, result)
        return result

    def _retail_log_notices_on(self, campaign, result):
        # sudo: the programs and holders of the cards just notified (the
        # notices themselves read them so)
        cards = self.sudo()
        reached = len(cards.filtered("partner_id")) - result["skipped"]
        programs = cards.program_id
        criteria = self.env._(
            "Loyalty notices of %(programs)s: %(cards)s cards, %(email)s by email, "
            "%(sms)s by SMS, %(skipped)s not reachable",
            programs=", ".join(programs.mapped("name")),
            cards=len(self),
            email=result["email"],
            sms=result["sms"],
            skipped=result["skipped"],
        )
        return self.env["retail.marketing.action"]._retail_log(
            campaign,
            "notice",
            reached,
            domain=[("id", "in", self.ids)],
            domain_model="loyalty.card",
            criteria=criteria,
        )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

COUPON_EXPRESSION = "object.retail_campaign_coupon_code"


class ResPartner(models.Model):
    _inherit = "res.partner"

    retail_campaign_coupon_code = fields.Char(
        string="Campaign Coupon Code",
        compute="_compute_retail_campaign_coupon_code",
        groups="mass_mailing.group_mass_mailing_user",
        help="In a campaign's message: the personal coupon code the mailing being "
        "sent issued to this customer.",
    )

    @api.model
    def mail_allowed_qweb_expressions(self):
        # the coupon code placeholder is usable by marketers who are not mail
        # template editors, like the name
        return (*super().mail_allowed_qweb_expressions(), COUPON_EXPRESSION)

    @api.depends_context("retail_mailing_id")
    def _compute_retail_campaign_coupon_code(self):
        mailing_id = self.env.context.get("retail_mailing_id")
        codes = {}
        if isinstance(mailing_id, int) and self.ids:
            # sudo: the coupon codes of the mailing being sent, read for its own
            # recipients while rendering their messages (field restricted to
            # Email Marketing users, who send the mailing).
            cards = (
                self.env["loyalty.card"]
                .sudo()
                .search_fetch(
                    [
                        ("retail_mailing_id", "=", mailing_id),
                        ("partner_id", "in", self.ids),
                    ],
                    ["partner_id", "code"],
                )
            )
            codes = {card.partner_id.id: card.code for card in cards}
        for partner in self:
            partner.retail_campaign_coupon_code = codes.get(partner.id, False)

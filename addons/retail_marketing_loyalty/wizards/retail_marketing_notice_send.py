# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

MAX_ID = 2**31 - 1


class RetailMarketingNoticeSend(models.TransientModel):
    """Send the loyalty notice of the selected cards for a campaign: the
    notices of ``retail_loyalty``, logged on the campaign."""

    _name = "retail.marketing.notice.send"
    _description = "Send Loyalty Notices for a Campaign"

    campaign_id = fields.Many2one("utm.campaign", required=True)
    card_ids = fields.Many2many("loyalty.card", string="Cards")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        active_ids = self.env.context.get("active_ids")
        if (
            self.env.context.get("active_model") == "loyalty.card"
            and "card_ids" in fields_list
            and isinstance(active_ids, list | tuple)
        ):
            ids = [rid for rid in active_ids if type(rid) is int and 0 < rid <= MAX_ID]
            values["card_ids"] = [fields.Command.set(ids)]
        return values

    def action_send(self):
        """Send the notices (store managers of the cards' companies) and log
        the batch on the campaign; tell how many went out."""
        self.ensure_one()
        if not self.card_ids:
            raise UserError(self.env._("Select the cards to send the notice to."))
        result = self.card_ids.with_context(
            retail_campaign_id=self.campaign_id.id
        ).action_retail_send_notice()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "Notices sent for %(campaign)s: %(email)s by email, %(sms)s by "
                    "SMS, %(skipped)s cards not reachable.",
                    campaign=self.campaign_id.title,
                    **result,
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

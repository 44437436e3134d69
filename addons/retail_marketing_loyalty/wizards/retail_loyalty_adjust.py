# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class RetailLoyaltyAdjust(models.TransientModel):
    """A load (or deduction) of points made for a campaign is logged on it;
    the points move through the ledger as any other adjustment, the log is a
    separate row."""

    _inherit = "retail.loyalty.adjust"

    retail_campaign_id = fields.Many2one(
        "utm.campaign",
        string="Campaign",
        help="Log this load on the campaign, with the cards and customers it reached.",
    )

    def action_apply(self):
        balances = super().action_apply()
        if self.retail_campaign_id:
            self._retail_log_on_campaign(balances)
        return balances

    def _retail_log_on_campaign(self, balances):
        self.ensure_one()
        cards = self.env["loyalty.card"].browse(list(balances))
        cards.flush_model(["partner_id"])
        [[customers]] = self.env.execute_query(
            SQL(
                "SELECT count(DISTINCT partner_id) FROM loyalty_card "
                "WHERE id = ANY(%s)",
                cards._retail_sql_array(cards.ids, "int"),
            )
        )
        operation = dict(
            self._fields["operation"]._description_selection(self.env)
        ).get(self.operation)
        selection = [
            self.env._("%(count)s cards", count=len(self.card_ids))
            if self.card_ids
            else "",
            self.env._("%(count)s customers", count=len(self.partner_ids))
            if self.partner_ids
            else "",
            self.env._("segment %(name)s", name=self.segment_id.name)
            if self.segment_id
            else "",
        ]
        criteria = self.env._(
            "%(operation)s: %(points)s on %(program)s (%(reason)s), %(selection)s; "
            "%(cards)s cards of %(customers)s customers",
            operation=operation,
            points=self.points,
            program=self.program_id.name,
            reason=self.reason_id.name,
            selection=", ".join(part for part in selection if part),
            cards=len(cards),
            customers=customers,
        )
        return self.env["retail.marketing.action"]._retail_log(
            self.retail_campaign_id,
            "points",
            len(cards),
            domain=[("id", "in", cards.ids)],
            domain_model="loyalty.card",
            criteria=criteria,
        )

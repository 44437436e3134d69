# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from .mailing_mailing import DEFAULT_ATTRIBUTION_DAYS

# Counts of the mailings summed on their campaign.
MAILING_TOTALS = {
    "retail_excluded_count": "retail_excluded_count",
    "retail_excluded_no_consent_count": "retail_excluded_no_consent_count",
    "retail_excluded_no_address_count": "retail_excluded_no_address_count",
    "retail_excluded_blacklisted_count": "retail_excluded_blacklisted_count",
    "retail_excluded_archived_count": "retail_excluded_archived_count",
    "retail_excluded_anonymized_count": "retail_excluded_anonymized_count",
    "retail_sent_count": "sent",
    "retail_delivered_count": "delivered",
    "retail_opened_count": "opened",
    "retail_clicked_count": "clicked",
    "retail_bounced_count": "bounced",
}


class UtmCampaign(models.Model):
    _name = "utm.campaign"
    _inherit = [
        "utm.campaign",
        "retail.marketing.result.mixin",
        "retail.marketing.exclusion.mixin",
    ]

    retail_attribution_days = fields.Integer(
        string="Attribution Window (days)",
        default=DEFAULT_ATTRIBUTION_DAYS,
        help="A recipient's purchase counts for the campaign when made within "
        "this many days after the send.",
    )
    retail_mailing_ids = fields.One2many(
        "mailing.mailing", "campaign_id", string="Email and SMS Mailings"
    )
    retail_action_ids = fields.One2many(
        "retail.marketing.action", "campaign_id", string="Actions"
    )
    retail_sent_count = fields.Integer(
        compute="_compute_retail_exclusions", string="Sent"
    )
    retail_delivered_count = fields.Integer(
        compute="_compute_retail_exclusions", string="Delivered"
    )
    retail_opened_count = fields.Integer(
        compute="_compute_retail_exclusions", string="Opened"
    )
    retail_clicked_count = fields.Integer(
        compute="_compute_retail_exclusions", string="Clicked"
    )
    retail_bounced_count = fields.Integer(
        compute="_compute_retail_exclusions", string="Bounced"
    )

    @api.constrains("retail_attribution_days")
    def _check_retail_attribution_days(self):
        for campaign in self:
            if not 1 <= campaign.retail_attribution_days <= 365:
                raise ValidationError(
                    self.env._(
                        "The attribution window of %(campaign)s must be from 1 to "
                        "365 days (%(days)s given).",
                        campaign=campaign.title,
                        days=campaign.retail_attribution_days,
                    )
                )

    def _compute_retail_exclusions(self):
        for campaign in self:
            # the mailings sent (their audience kept as sent); a draft's counts
            # are a preview of an action not taken
            mailings = campaign.retail_mailing_ids.filtered("retail_audience_snapshot")
            for fname, mailing_fname in MAILING_TOTALS.items():
                campaign[fname] = sum(mailings.mapped(mailing_fname))

    def _retail_results_rows(self):
        mailings = self.env["mailing.mailing"].search(
            [("campaign_id", "in", self._origin.ids)]
        )
        return self.env["mailing.mailing"]._retail_results_query(
            SQL("m.campaign_id"), mailings.ids
        )

    def action_retail_export_results(self):
        """Download the campaign's results as an XLSX file."""
        self.ensure_one()
        wizard = self.env["retail.marketing.results.export"].create(
            {"campaign_id": self.id}
        )
        return wizard.action_export()

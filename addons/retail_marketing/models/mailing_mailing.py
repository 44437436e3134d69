# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import random

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL, split_every

# Consent channel of retail_customer for each mailing type.
CONTACT_CHANNELS = {"mail": "email", "sms": "sms"}
# Why a customer the mailing's domain selects is left out, in the order the
# reasons are checked: a customer counts under the first reason only.
EXCLUSION_REASONS = ("anonymized", "archived", "no_address", "blacklisted")
# Attribution window of a mailing without campaign (days).
DEFAULT_ATTRIBUTION_DAYS = 14
# Recipients per SMS composer: Odoo's composer keeps their ids as text, read
# back by a literal_eval limited to 100 KiB (about 14,000 ids).
SMS_COMPOSER_SIZE = 10000


class MailingMailing(models.Model):
    _name = "mailing.mailing"
    _inherit = [
        "mailing.mailing",
        "retail.marketing.result.mixin",
        "retail.marketing.exclusion.mixin",
    ]

    retail_holdout_percent = fields.Float(
        string="Holdout (%)",
        default=10.0,
        help="Share of the audience kept out of the send at random, to measure "
        "the campaign against customers who got nothing. Drawn once, when the "
        "mailing is sent; not used by A/B tests.",
    )
    retail_holdout_ids = fields.One2many(
        "retail.marketing.holdout", "mailing_id", string="Holdout Customers"
    )
    retail_audience_snapshot = fields.Json(
        readonly=True,
        copy=False,
        help="The audience and its exclusions counted when the send started.",
    )
    retail_is_customer_mailing = fields.Boolean(
        compute="_compute_retail_exclusions", string="Customer Mailing"
    )
    retail_audience_count = fields.Integer(
        compute="_compute_retail_exclusions",
        string="Audience",
        help="Customers of the filter whom marketing may contact on this channel.",
    )
    retail_preview_partner_id = fields.Many2one(
        "res.partner",
        string="Preview For",
        help="The customer the preview is rendered for; the first customer of the "
        "audience when empty.",
    )
    retail_preview_subject = fields.Char(
        compute="_compute_retail_preview", string="Preview Subject"
    )
    retail_preview_body = fields.Html(
        compute="_compute_retail_preview", string="Rendered Preview"
    )

    @api.depends(
        "mailing_domain", "mailing_type", "mailing_model_id", "retail_audience_snapshot"
    )
    def _compute_retail_exclusions(self):
        for mailing in self:
            channel = mailing._retail_contact_channel()
            mailing.retail_is_customer_mailing = bool(channel)
            counts = (
                mailing.retail_audience_snapshot
                or (channel and mailing._retail_audience_counts())
                or {}
            )
            mailing.retail_audience_count = counts.get("audience", 0)
            excluded = 0
            for reason in (*EXCLUSION_REASONS, "no_consent"):
                mailing[f"retail_excluded_{reason}_count"] = counts.get(reason, 0)
                excluded += counts.get(reason, 0)
            mailing.retail_excluded_count = excluded

    @api.depends(
        "retail_preview_partner_id",
        "mailing_domain",
        "mailing_type",
        "subject",
        "body_html",
        "body_plaintext",
    )
    def _compute_retail_preview(self):
        for mailing in self:
            mailing.retail_preview_subject = False
            mailing.retail_preview_body = False
            if not mailing._retail_contact_channel():
                continue
            partner = mailing.retail_preview_partner_id or self.env[
                "res.partner"
            ].search(mailing._get_recipients_domain(), limit=1)
            if not partner:
                continue
            try:
                subject, body = mailing._retail_render_for(partner)
            except UserError as error:
                # the preview tells what is wrong instead of failing the form
                subject, body = False, Markup("<p>%s</p>") % error.args[0]
            mailing.retail_preview_subject = subject
            mailing.retail_preview_body = body

    @api.constrains("retail_holdout_percent")
    def _check_retail_holdout_percent(self):
        for mailing in self:
            if not 0 <= mailing.retail_holdout_percent <= 50:
                raise ValidationError(
                    self.env._(
                        "The holdout of %(mailing)s must be between 0 %% and 50 %% "
                        "of the audience (%(value)s %% given).",
                        mailing=mailing.subject,
                        value=mailing.retail_holdout_percent,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        mailings = super().create(vals_list)
        mailings._retail_ensure_campaign()
        return mailings

    # ------------------------------------------------------------------
    # Recipients: the consent rule and the holdout group
    # ------------------------------------------------------------------
    def _retail_contact_channel(self):
        """The consent channel ("email" or "sms") of a mailing to customers,
        False for mailings to other models (mailing lists, orders...)."""
        self.ensure_one()
        if self.mailing_model_real != "res.partner":
            return False
        return CONTACT_CHANNELS.get(self.mailing_type, False)

    def _get_recipients_domain(self):
        """Whatever the domain written on the mailing, a customer receives it
        only if marketing may contact them on its channel (retail_customer's
        rule: consent, an address or number, not blacklisted, neither archived
        nor anonymised). The audience count, the send and its retries all read
        this domain."""
        domain = super()._get_recipients_domain()
        channel = self._retail_contact_channel()
        if channel:
            domain &= self.env["res.partner"]._retail_contact_domain(channel)
        return domain

    def _get_recipients(self):
        res_ids = super()._get_recipients()
        if not self._retail_contact_channel():
            return res_ids
        if not self.retail_audience_snapshot:
            self._retail_start_send(res_ids)
        held = {
            holdout.partner_id.id
            for holdout in self.env["retail.marketing.holdout"].search_fetch(
                [("mailing_id", "=", self.id)], ["partner_id"]
            )
        }
        return [res_id for res_id in res_ids if res_id not in held]

    def action_send_sms(self, res_ids=None):
        """An SMS mailing to customers is sent by Odoo's SMS composer in
        chunks of recipients: one composer for more recipients than its text
        field of ids holds fails."""
        for mailing in self:
            if not mailing._retail_contact_channel():
                super(MailingMailing, mailing).action_send_sms(res_ids=res_ids)
                continue
            for chunk in split_every(
                SMS_COMPOSER_SIZE, res_ids or mailing._get_remaining_recipients()
            ):
                super(MailingMailing, mailing).action_send_sms(res_ids=list(chunk))
        return True

    def _retail_start_send(self, res_ids):
        """Once per mailing, when its send starts: link it to a campaign, keep
        a random share of the audience out of the send (the holdout group,
        recorded) and record the audience and its exclusions as they are."""
        self.ensure_one()
        self._retail_ensure_campaign()
        held = []
        if not self.ab_testing_enabled and self.retail_holdout_percent:
            size = int(len(res_ids) * self.retail_holdout_percent / 100 + 0.5)
            held = random.sample(sorted(res_ids), size)
        self.env["retail.marketing.holdout"].create(
            [{"mailing_id": self.id, "partner_id": res_id} for res_id in held]
        )
        self.retail_audience_snapshot = dict(
            self._retail_audience_counts(), holdout=len(held)
        )
        self._retail_log_send(self.retail_audience_snapshot["audience"])

    def _retail_log_send(self, audience, criteria=None, domain=None):
        """Log the send of this mailing on its campaign: by its responsible
        (the user Odoo sends it as), its filter (or ``domain``) and
        ``audience`` customers."""
        self.ensure_one()
        user = self.user_id or self.write_uid or self.env.user
        company = self.env.company if user == self.env.user else user.company_id
        Action = self.env["retail.marketing.action"]
        values = {"mailing_id": self.id, "user_id": user.id, "company_id": company.id}
        if criteria:
            values["criteria"] = criteria
        return Action._retail_log(
            self.campaign_id,
            "sms" if self.mailing_type == "sms" else "mailing",
            audience,
            domain=self._parse_mailing_domain() if domain is None else domain,
            **values,
        )

    def _retail_audience_counts(self, extra=None):
        """The audience of the mailing and, for the customers its domain
        selects that the consent rule leaves out, how many for each reason;
        within the customers of the ``extra`` domain when given (a recurring
        mailing: those due today)."""
        self.ensure_one()
        extra = Domain(extra) if extra is not None else Domain.TRUE
        channel = self._retail_contact_channel()
        Partner = self.env["res.partner"].with_context(active_test=False)
        passes = self._retail_consent_steps(channel)
        # The mailing's filter (loyalty criteria can be costly) is read once,
        # alone; each step of the consent rule is then counted among the
        # customers it selected, in one scan of these customers (each step a
        # condition on the customer's row, not a join the planner could
        # misjudge). The recipients' domain is the filter and the consent
        # rule (``_get_recipients_domain``).
        selected = self.env.execute_query(
            SQL(
                "SELECT id FROM res_partner WHERE id IN %s",
                Partner._search(
                    Domain(self._parse_mailing_domain()) & extra
                ).subselect(),
            )
        )
        cumulative = Domain.TRUE
        conditions = []
        for reason in EXCLUSION_REASONS:
            cumulative &= passes[reason]
            conditions.append(Partner._search(cumulative).where_clause)
        # the steps together are the consent rule (_retail_contact_domain)
        cumulative &= Domain(f"retail_consent_{channel}", "=", True)
        conditions.append(Partner._search(cumulative).where_clause)
        [row] = self.env.execute_query(
            SQL(
                "SELECT %s, %s FROM res_partner WHERE res_partner.id = ANY(%s)",
                len(selected),
                SQL(", ").join(
                    SQL("COUNT(*) FILTER (WHERE %s)", condition)
                    for condition in conditions
                ),
                [partner_id for (partner_id,) in selected],
            )
        )
        counts = {}
        previous = row[0]
        for reason, current in zip(EXCLUSION_REASONS, row[1:], strict=False):
            counts[reason] = previous - current
            previous = current
        counts["no_consent"] = previous - row[-1]
        counts["audience"] = row[-1]
        return counts

    @api.model
    def _retail_consent_steps(self, channel):
        """{reason: domain of the customers that reason does not leave out},
        for the consent rule's steps on ``channel`` ("email" or "sms")."""
        if channel == "email":
            address = Domain("email_normalized", "!=", False)
            not_blacklisted = self._retail_not_blacklisted(
                "mail.blacklist", "email_normalized", "email"
            )
        else:
            address = Domain("retail_mobile_sanitized", "!=", False) | Domain(
                "retail_phone_sanitized", "!=", False
            )
            not_blacklisted = self._retail_not_blacklisted(
                "phone.blacklist", "phone_sanitized", "number"
            )
        return {
            "anonymized": Domain("retail_anonymized_date", "=", False),
            "archived": Domain("active", "=", True),
            "no_address": address,
            "blacklisted": not_blacklisted,
        }

    @api.model
    def _retail_not_blacklisted(self, blacklist, field, column):
        """The customers whose ``field`` is not on the active entries of the
        ``blacklist`` model (its ``column``), as Odoo's ``is_blacklisted`` and
        ``phone_sanitized_blacklisted`` searches select them, but through the
        blacklisted few: Odoo's searches list the ids of every other customer
        in the query."""
        Blacklist = self.env[blacklist]
        Blacklist.flush_model([column, "active"])
        self.env["res.partner"].flush_model([field])
        return ~Domain(
            "id",
            "in",
            SQL(
                "SELECT m.id FROM res_partner m JOIN %s bl ON m.%s = bl.%s "
                "AND bl.active",
                SQL.identifier(Blacklist._table),
                SQL.identifier(field),
                SQL.identifier(column),
            ),
        )

    def _retail_ensure_campaign(self):
        """Every mailing to customers belongs to a campaign (utm.campaign),
        where its results are gathered: one named after it when none is set."""
        alone = self.filtered(
            lambda m: not m.campaign_id and m.mailing_model_real == "res.partner"
        )
        campaigns = self.env["utm.campaign"].create(
            [{"title": mailing.subject or mailing.name} for mailing in alone]
        )
        for mailing, campaign in zip(alone, campaigns, strict=True):
            mailing.campaign_id = campaign

    # ------------------------------------------------------------------
    # Personalised content
    # ------------------------------------------------------------------
    def _retail_render_for(self, partner):
        """Subject and body of the mailing as ``partner`` receives them."""
        self.ensure_one()
        if self.mailing_type == "sms":
            body = self._render_field("body_plaintext", partner.ids)[partner.id]
            return False, body
        subject = self._render_field("subject", partner.ids)[partner.id]
        body = self._render_field("body_html", partner.ids)[partner.id]
        return subject, body

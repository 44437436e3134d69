# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

CONSENT_SOURCES = [
    ("store", "In store"),
    ("online", "Online"),
    ("form", "Paper form"),
    ("import", "Import"),
    ("backoffice", "Back office"),
    ("erasure", "Erasure request"),
    ("other", "Other"),
]
CONSENT_CHANNELS = ("email", "sms")


class ResPartner(models.Model):
    """Marketing consent per channel, dated and sourced, and the one rule of
    who may be contacted."""

    _inherit = "res.partner"

    retail_consent_email = fields.Boolean(string="Email Marketing Consent")
    retail_consent_email_date = fields.Datetime(
        string="Email Consent Date", readonly=True
    )
    retail_consent_email_source = fields.Selection(
        CONSENT_SOURCES, string="Email Consent Source"
    )
    retail_consent_sms = fields.Boolean(string="SMS Marketing Consent")
    retail_consent_sms_date = fields.Datetime(string="SMS Consent Date", readonly=True)
    retail_consent_sms_source = fields.Selection(
        CONSENT_SOURCES, string="SMS Consent Source"
    )

    @api.model
    def _retail_consent_sources(self):
        """{value: label} of the consent sources, those other modules add to
        the field included."""
        field = self._fields["retail_consent_email_source"]
        return dict(field._description_selection(self.env))

    @api.model
    def _retail_consent_source(self):
        """Source recorded with a consent given or withdrawn without one: the
        context's ``retail_consent_source`` (the till sends "store"), "import"
        for file imports, else "backoffice"."""
        source = self.env.context.get("retail_consent_source")
        if source in self._retail_consent_sources():
            return source
        if self.env.context.get("import_file"):
            return "import"
        return "backoffice"

    def _retail_can_contact(self, channel):
        """The partners of ``self`` that marketing may contact on ``channel``
        ("email" or "sms"): consent given, an address or mobile to use, not
        blacklisted, neither archived nor anonymised. Every notice and campaign
        of the retail modules filters its recipients with it (one query)."""
        domain = self._retail_contact_domain(channel)
        if not self:
            return self
        # sudo: only ids come out; the caller already holds these partners
        allowed = (
            self.sudo()
            .with_context(active_test=False)
            .search(Domain("id", "in", self.ids) & domain)
        )
        return self.browse(allowed.ids)

    @api.model
    def _retail_contact_domain(self, channel):
        """Domain of the partners marketing may contact on ``channel``; used by
        ``_retail_can_contact`` and the marketing export."""
        if channel not in CONSENT_CHANNELS:
            raise ValidationError(
                self.env._(
                    "Unknown marketing channel %(channel)r: use email or sms.",
                    channel=channel,
                )
            )
        domain = (
            Domain("active", "=", True)
            & Domain("retail_anonymized_date", "=", False)
            & Domain(f"retail_consent_{channel}", "=", True)
        )
        if channel == "email":
            return (
                domain
                & Domain("email_normalized", "!=", False)
                & Domain("is_blacklisted", "not in", [True])
            )
        # Odoo's blacklist search reads the tables in SQL without flushing them
        self.env["phone.blacklist"].flush_model(["number", "active"])
        self.flush_model(["phone_sanitized"])
        return (
            domain
            & (
                Domain("retail_mobile_sanitized", "!=", False)
                | Domain("retail_phone_sanitized", "!=", False)
            )
            & Domain("phone_sanitized_blacklisted", "not in", [True])
        )

    @api.model
    def _retail_prepare_consent_vals(self, vals, now):
        """Date the consents given or withdrawn in ``vals`` and record their
        source (the one chosen, else ``_retail_consent_source``)."""
        source = self._retail_consent_source()
        sources = self._retail_consent_sources()
        for channel in CONSENT_CHANNELS:
            given = vals.get(f"retail_consent_{channel}_source")
            if given and given not in sources:
                raise ValidationError(
                    self.env._(
                        "Unknown consent source %(value)r; expected one of "
                        "%(sources)s.",
                        value=given,
                        sources=", ".join(sources),
                    )
                )
            if f"retail_consent_{channel}" in vals:
                vals.setdefault(f"retail_consent_{channel}_date", now)
                if not vals.get(f"retail_consent_{channel}_source"):
                    vals[f"retail_consent_{channel}_source"] = source

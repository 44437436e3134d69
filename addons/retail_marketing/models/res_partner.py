# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from ast import literal_eval

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL

# Above this many selected customers, the campaign takes the list's filter.
MAX_SELECTED_IDS = 1000


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Searchable in the mailing's domain editor and the customer list.
    retail_used_channel_ids = fields.Many2many(search="_search_retail_used_channel_ids")
    retail_birth_date = fields.Date(
        string="Birth Date",
        help="For the birthday mailings; entered in the customer form, in the back "
        "office or at the till.",
    )
    # An unsubscribe link (email or SMS) withdraws the consent of its channel.
    retail_consent_email_source = fields.Selection(
        selection_add=[("unsubscribe", "Unsubscribe link")],
        ondelete={"unsubscribe": "set null"},
    )
    retail_consent_sms_source = fields.Selection(
        selection_add=[("unsubscribe", "Unsubscribe link")],
        ondelete={"unsubscribe": "set null"},
    )
    retail_occasion_sent_ids = fields.One2many(
        "retail.marketing.occasion.sent",
        "partner_id",
        string="Recurring Mailings Received",
        groups="mass_mailing.group_mass_mailing_user",
    )

    def _search_retail_used_channel_ids(self, operator, value):
        """Customers who bought on the given channels (the channel rows of the
        purchase statistics); ``False`` in the values: on none."""
        if operator in ("any", "not any"):
            value = self.env["retail.channel"].search(value).ids
            operator = "in" if operator == "any" else "not in"
        if operator not in ("in", "not in"):
            return NotImplemented
        channel_ids = [v for v in value if v]
        self.env["retail.customer.stat"].flush_model(["partner_id", "kind", "res_id"])
        domain = Domain.FALSE
        if channel_ids:
            domain = Domain(
                "id",
                "in",
                SQL(
                    "SELECT partner_id FROM retail_customer_stat "
                    "WHERE kind = 'channel' AND res_id = ANY(%s)",
                    channel_ids,
                ),
            )
        if False in value:
            domain |= Domain(
                "id",
                "not in",
                SQL(
                    "SELECT partner_id FROM retail_customer_stat WHERE kind = 'channel'"
                ),
            )
        return domain if operator == "in" else ~domain

    @api.model
    def _mailing_get_default_domain(self, mailing):
        """The recipients a mailing opened from the customer list starts with
        (``default_mailing_domain`` of ``action_retail_send_campaign``)."""
        ctx = self.env.context
        if (
            ctx.get("default_mailing_domain")
            and ctx.get("default_mailing_model_id") == mailing.mailing_model_id.id
        ):
            return literal_eval(ctx["default_mailing_domain"])
        return []

    def action_retail_send_campaign(self):
        """A new email mailing to the selected customers, or to every customer
        of the list's filter when the whole filtered list is selected (or more
        than can be listed by id). Email marketing users only."""
        if not self.env.user.has_group("mass_mailing.group_mass_mailing_user"):
            raise AccessError(
                self.env._("Only email marketing users may send a campaign.")
            )
        if not self:
            raise UserError(self.env._("Select the customers of the campaign."))
        domain = self._retail_campaign_domain()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send a campaign"),
            "res_model": "mailing.mailing",
            "view_mode": "form",
            # the form where the mailing type (email or SMS) can be chosen
            "views": [
                (
                    self.env.ref("mass_mailing_sms.mailing_mailing_view_form_mixed").id,
                    "form",
                )
            ],
            "target": "current",
            "context": {
                "default_mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
                "default_mailing_domain": repr(domain),
                "default_mailing_type": "mail",
            },
        }

    def _retail_campaign_domain(self):
        active_domain = self.env.context.get("active_domain")
        if active_domain is None:
            return [("id", "in", self.ids)]
        try:
            domain = Domain(active_domain)
            count = self.search_count(domain)
        except (TypeError, ValueError) as error:
            raise ValidationError(
                self.env._("The list's filter cannot be read: %(error)s", error=error)
            ) from None
        if len(self) > MAX_SELECTED_IDS or len(self) == count:
            return list(active_domain)
        return [("id", "in", self.ids)]

    @api.model
    def _retail_withdraw_consent(self, channel, domain):
        """Withdraw the ``channel`` consent of the customers of ``domain``
        (archived ones included), dated now. Its source: the context's
        ``retail_consent_source``, else "unsubscribe" when the customer did it
        (the public unsubscribe pages), else the user's (back office,
        import)."""
        source = self.env.context.get("retail_consent_source")
        if not source and self.env.user._is_public():
            source = "unsubscribe"
        # sudo: the caller has just blacklisted this address or number; the
        # customers holding it lose that channel's consent, whoever they are
        partners = (
            self.sudo()
            .with_context(active_test=False)
            .search(Domain(domain) & Domain(f"retail_consent_{channel}", "=", True))
        )
        if source:
            partners = partners.with_context(retail_consent_source=source)
        partners.write({f"retail_consent_{channel}": False})
        return partners

    @api.model
    def _retail_anonymized_values(self):
        return dict(super()._retail_anonymized_values(), retail_birth_date=False)

    def _retail_personal_data(self):
        data = super()._retail_personal_data()
        # sudo: the caller passed the personal data export's access checks
        data["customer"]["birth_date"] = self.sudo().retail_birth_date or None
        return data

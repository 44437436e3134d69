# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo import Command, api, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

# Group that anonymises customers and exports their personal data.
GDPR_GROUP = "sales_team.group_sale_manager"


class ResPartner(models.Model):
    """Personal data requests (GDPR): erasure and export, on request, by sales
    administrators. What is erased and exported is extended through the hooks
    of retail_customer (``_retail_anonymized_values``,
    ``_retail_personal_data``)."""

    _inherit = "res.partner"

    @api.model
    def _retail_check_gdpr_access(self):
        if not self.env.su and not self.env.user.has_group(GDPR_GROUP):
            raise AccessError(
                self.env._(
                    "Only sales administrators may anonymise customers or export "
                    "their personal data."
                )
            )

    def action_retail_anonymize(self):
        """Open the confirmation wizard (it asks for the reason)."""
        self._retail_check_gdpr_access()
        self._retail_check_anonymizable()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Anonymise Customers"),
            "res_model": "retail.gdpr.anonymize",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_ids": [Command.set(self.ids)]},
        }

    def _retail_check_anonymizable(self):
        """Refuse users' partners (internal or portal) and companies."""
        if not self:
            raise UserError(self.env._("Select the customers to anonymise."))
        # sudo: users and companies are refused even where the caller may not
        # read their users or company records; only names are told back
        partners = self.sudo().with_context(active_test=False)
        users = partners.filtered("user_ids")
        companies = partners.filtered("is_company") | partners.browse(
            self.env["res.company"]
            .sudo()
            .with_context(active_test=False)
            .search([("partner_id", "in", self.ids)])
            .partner_id.ids
        )
        if users or companies:
            raise UserError(
                self.env._(
                    "Only customers who are people can be anonymised, not users "
                    "or companies: %(names)s",
                    names=", ".join((users | companies).mapped("display_name")),
                )
            )

    def _retail_anonymize(self, reason):
        """Erase the personal data of these customers (and of their contacts and
        addresses), keep their orders, cards, ledger rows and statistics.

        Kept, as not identifying: customer number, company (customer file),
        channel, segments, postal code, city, province, country, language and the
        purchase KPIs, so that statistics by place and channel keep their totals.
        The customers are archived and dated (``retail_anonymized_date``); the
        request is recorded in ``retail.gdpr.request``.
        """
        self._retail_check_gdpr_access()
        if not isinstance(reason, str) or not reason.strip():
            raise ValidationError(self.env._("Give the reason of the erasure."))
        self._retail_check_anonymizable()
        everyone = self._retail_anonymize_scope()
        self.env["retail.gdpr.request"]._retail_log(self, "anonymize", reason)
        everyone.write(self._retail_anonymized_values())
        everyone._retail_write_anonymous_names()
        everyone._retail_erase_attached_data()
        return True

    def _retail_anonymize_scope(self):
        """These customers and their contacts and addresses, as superuser and
        dated as an erasure; refused if a contact is a user or a company."""
        # sudo: erasure must reach every field and the chatter, whatever the
        # rules of the sales administrator who was checked by the caller.
        partners = self.sudo().with_context(
            active_test=False, tracking_disable=True, retail_consent_source="erasure"
        )
        contacts = partners.search(
            [("id", "child_of", partners.ids), ("id", "not in", partners.ids)]
        )
        if contacts:
            contacts._retail_check_anonymizable()
        return partners | contacts

    def _retail_write_anonymous_names(self):
        """Name each partner after its customer number (one query)."""
        labels = {
            partner.id: self.env._(
                "Anonymised customer %(number)s",
                number=partner.customer_number or f"#{partner.id}",
            )
            for partner in self
        }
        self.env.execute_query(
            SQL(
                "UPDATE res_partner p SET name = v.name "
                "FROM unnest(%s::int[], %s::varchar[]) AS v(id, name) "
                "WHERE p.id = v.id",
                list(labels),
                list(labels.values()),
            )
        )
        self.invalidate_recordset(["name"])
        self.modified(["name"])

    def _retail_erase_attached_data(self):
        """Chatter (messages, tracking values, followers), attachments and bank
        accounts of these partners: they hold the erased data."""
        # sudo: called by _retail_anonymize after its checks; the chatter and
        # attachments of the erased partners go whoever may read them
        sudo = self.sudo()
        self.env["mail.message"].sudo().search(
            [("model", "=", "res.partner"), ("res_id", "in", self.ids)]
        ).unlink()
        self.env["mail.followers"].sudo().search(
            [("res_model", "=", "res.partner"), ("res_id", "in", self.ids)]
        ).unlink()
        self.env["ir.attachment"].sudo().search(
            [("res_model", "=", "res.partner"), ("res_id", "in", self.ids)]
        ).unlink()
        sudo.with_context(active_test=False).bank_ids.unlink()

    def action_retail_export_personal_data(self):
        """Download the customer's personal data in one JSON file."""
        self._retail_check_gdpr_access()
        if len(self) != 1:
            raise UserError(
                self.env._("Export the personal data of one customer at a time.")
            )
        self.check_access("read")
        data = self._retail_personal_data()
        content = json.dumps(data, indent=2, ensure_ascii=False, default=str)
        # Not attached to the partner: only its creator (and administrators) may
        # download it, not every user who reads the customer.
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"personal_data_{self.customer_number or self.id}.json",
                "raw": content.encode(),
                "mimetype": "application/json",
            }
        )
        self.env["retail.gdpr.request"]._retail_log(
            self, "export", self.env.context.get("retail_gdpr_reason") or ""
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import AccessError

from .retail_incident import DOCUMENT_FIELDS


class RetailIncidentLinkedMixin(models.AbstractModel):
    """Incidents count and button on documents an incident can link to."""

    _name = "retail.incident.linked.mixin"
    _description = "Document Linked to Incidents"

    retail_incident_count = fields.Integer(
        string="Incident Count", compute="_compute_retail_incident_count"
    )

    def write(self, vals):
        # the links of incidents are the incidents' (raised by the system or
        # logged from the incident form), never unlinked from the document
        if "retail_incident_ids" in vals and not self.env.su:
            raise AccessError(
                self.env._(
                    "Incidents are linked to documents from the incident, not "
                    "from the document."
                )
            )
        return super().write(vals)

    def _compute_retail_incident_count(self):
        fname = DOCUMENT_FIELDS[self._name]
        counts = dict(
            self.env["retail.incident"]._read_group(
                [(fname, "in", self.ids)], [fname], ["__count"]
            )
        )
        for record in self:
            record.retail_incident_count = counts.get(record, 0)

    def action_view_retail_incidents(self):
        self.ensure_one()
        fname = DOCUMENT_FIELDS[self._name]
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "retail_incidents.retail_incident_action"
        )
        action["domain"] = [(fname, "in", self.ids)]
        action["context"] = {
            "default_partner_id": self.partner_id.commercial_partner_id.id,
            "default_company_id": self.company_id.id,
            f"default_{fname}": [fields.Command.set(self.ids)],
            **self._retail_incident_default_context(),
        }
        return action

    def _retail_incident_place(self):
        """Store and warehouse of an incident raised on this document."""
        return {}

    def _retail_incident_default_context(self):
        return {}

    def _retail_line_key(self, line, seen):
        """Readable key of ``line`` in before/after values: its product name."""
        key = line.product_id.display_name or line.name
        if key in seen:
            key = f"{key} #{line.id}"
        seen.add(key)
        return key

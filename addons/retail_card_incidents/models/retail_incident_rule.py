# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.fields import Domain


class RetailIncidentRule(models.Model):
    _inherit = "retail.incident.rule"

    @api.model
    def _retail_card_shortfall_rules(self, companies):
        """Create the offline card shortfall rule of ``companies`` that have
        none (active or archived)."""
        Rule = self.sudo().with_context(active_test=False)
        existing = Rule.search(
            Domain("event_code", "=", "card_shortfall")
            & Domain("company_id", "in", companies.ids)
        )
        category = self.env.ref(
            "retail_card_incidents.retail_incident_category_card_shortfall",
            raise_if_not_found=False,
        )
        return Rule.create(
            [
                {
                    "company_id": company.id,
                    "event_code": "card_shortfall",
                    "category_id": category.id if category else False,
                    "priority": "1",
                    "deadline_days": 7,
                }
                for company in companies - existing.company_id
            ]
        )

    def _retail_incident_values(self, event, record, documents, before, after):
        values = super()._retail_incident_values(
            event, record, documents, before, after
        )
        extra = self.env.context.get("retail_card_incident_values", {})
        return {**values, **extra.get((record._name, record.id), {})}

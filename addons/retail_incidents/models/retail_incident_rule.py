# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain


class RetailIncidentRule(models.Model):
    _name = "retail.incident.rule"
    _description = "Automatic Incident Rule"
    _order = "company_id, event_code"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    event_code = fields.Selection(
        selection="_selection_event_code", string="Event", required=True
    )
    active = fields.Boolean(default=True)
    category_id = fields.Many2one("retail.incident.category", check_company=True)
    user_id = fields.Many2one(
        "res.users",
        string="Default Responsible",
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    priority = fields.Selection(
        [("0", "Normal"), ("1", "Important"), ("2", "Urgent"), ("3", "Critical")],
        default="0",
    )
    deadline_days = fields.Integer(
        help="Days given to resolve the incident; 0 for no deadline."
    )
    blocking = fields.Boolean(
        help="Refuse the change instead of only recording an incident."
    )

    _event_company_uniq = models.UniqueIndex(
        "(company_id, event_code) WHERE active",
        "This company already has an active rule for this event.",
    )

    @api.model
    def _selection_event_code(self):
        return self.env["retail.incident"]._selection_event_code()

    @api.model
    def _retail_default_rules(self):
        """The rules every company has from the start: {event code: values}.
        Meant to be extended with ``super()``; companies may edit or archive
        them."""
        category = self.env.ref(
            "retail_incidents.retail_incident_category_till_amounts",
            raise_if_not_found=False,
        )
        return {
            "till_amounts": {
                "category_id": category.id if category else False,
                "priority": "2",
                "deadline_days": 7,
            },
        }

    @api.model
    def _retail_create_default_rules(self, companies):
        """Create the default rules of ``companies`` for the events they have
        no rule for (active or archived: an archived rule was a choice)."""
        defaults = self._retail_default_rules()
        # sudo: rules are the head office's configuration, created for every
        # company at install and when a company is created
        Rule = self.sudo().with_context(active_test=False)
        existing = {
            (rule.company_id.id, rule.event_code)
            for rule in Rule.search(
                Domain("event_code", "in", list(defaults))
                & Domain("company_id", "in", companies.ids)
            )
        }
        return Rule.create(
            [
                {"company_id": company.id, "event_code": event, **values}
                for company in companies
                for event, values in defaults.items()
                if (company.id, event) not in existing
            ]
        )

    @api.depends("event_code", "company_id")
    def _compute_display_name(self):
        labels = dict(self._selection_event_code())
        for rule in self:
            rule.display_name = (
                f"{labels.get(rule.event_code, '')} ({rule.company_id.name})"
            )

    @api.constrains("user_id", "company_id")
    def _check_user_company(self):
        for rule in self.filtered("user_id"):
            if rule.company_id not in rule.user_id.company_ids:
                raise ValidationError(
                    self.env._(
                        "%(user)s cannot be the default responsible of a rule of "
                        "%(company)s: they do not work for this company.",
                        user=rule.user_id.name,
                        company=rule.company_id.name,
                    )
                )

    def _retail_incident_values(self, event, record, documents, before, after):
        """Values of the incident this rule raises for the change of ``record``.

        :param event: the registry entry of the event ({"label", "origin"})
        """
        self.ensure_one()
        Incident = self.env["retail.incident"]
        partner = record.partner_id.commercial_partner_id
        user = self.user_id or self.category_id.user_id
        deadline = (
            fields.Date.add(fields.Date.context_today(self), days=self.deadline_days)
            if self.deadline_days
            else False
        )
        return {
            "origin": event["origin"],
            "company_id": self.company_id.id,
            "category_id": self.category_id.id,
            "priority": self.priority,
            "partner_id": partner.id,
            "user_id": user.id,
            "date_deadline": deadline,
            "event_code": self.event_code,
            "rule_id": self.id,
            "event_user_id": self.env.uid,
            "values_before": before,
            "values_after": after,
            "description": self.env._(
                "%(event)s: %(document)s",
                event=event["label"],
                document=record.display_name,
            ),
            **record._retail_incident_place(),
            **Incident._retail_document_links(documents),
        }

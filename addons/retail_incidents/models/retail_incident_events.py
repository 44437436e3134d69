# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError
from odoo.fields import Command, Domain

from .retail_incident import DOCUMENT_FIELDS


class RetailIncident(models.Model):
    """Incidents raised by the system (events and their rules) and logged from
    the till."""

    _inherit = "retail.incident"

    # Event registry ---------------------------------------------------------

    @api.model
    def _retail_events(self):
        """The one registry of automatic incidents: {event code: {label, origin}}.

        To add an event: extend this dictionary (with ``super()``) and call
        ``_retail_raise_incident`` from the hook of the native flow.
        """
        return {
            "sale_line_product": {
                "label": self.env._("Product substituted on a confirmed order"),
                "origin": "sale",
            },
            "sale_line_qty": {
                "label": self.env._("Quantity reduced on a confirmed order"),
                "origin": "sale",
            },
            "sale_line_cancel": {
                "label": self.env._("Line cancelled on a confirmed order"),
                "origin": "sale",
            },
            "sale_cancel": {
                "label": self.env._("Confirmed order cancelled"),
                "origin": "sale",
            },
            "sale_unlink": {
                "label": self.env._("Confirmed order deleted"),
                "origin": "sale",
            },
            "delivery_short": {
                "label": self.env._("Delivery validated with less than ordered"),
                "origin": "delivery",
            },
            "delivery_return": {
                "label": self.env._("Customer return"),
                "origin": "delivery",
            },
            "invoice_refund": {
                "label": self.env._("Credit note issued"),
                "origin": "invoice",
            },
            "invoice_cancel": {
                "label": self.env._("Posted invoice cancelled or reset"),
                "origin": "invoice",
            },
            "pos_refund": {
                "label": self.env._("POS refund"),
                "origin": "store",
            },
            "till_amounts": {
                "label": self.env._("Till amounts corrected by the server"),
                "origin": "store",
            },
        }

    @api.model
    def _retail_raise_incident(
        self, event, records, values_before, values_after, related=None, details=None
    ):
        """Record the incidents of ``event`` on ``records`` (one per record).

        :param records: documents of one model (sale.order, stock.picking,
            account.move or pos.order), each carrying company_id and partner_id
        :param values_before: list of dicts, aligned with ``records``
        :param values_after: list of dicts, aligned with ``records``
        :param related: optional list, aligned with ``records``, of other
            documents to link (a recordset or a tuple of recordsets: the sale
            order of a delivery...)
        :param details: optional list, aligned with ``records``, of texts added
            to each incident's problem
        :return: the incidents created

        The active rules of the records' companies are read in one search; a
        blocking rule refuses the change with a UserError. The incidents are
        created in one batch in the current transaction, so they disappear with
        the change when it is rolled back.
        """
        events = self._retail_events()
        if event not in events:
            raise UserError(
                self.env._("Unknown incident event %(event)s.", event=event)
            )
        if not records:
            return self.browse()
        rule_by_company = self._retail_incident_rules(events[event], event, records)
        vals_list = []
        for index, record in enumerate(records):
            rule = rule_by_company.get(record.company_id)
            if not rule:
                continue
            extra = related[index] if related else ()
            if isinstance(extra, models.BaseModel):
                extra = (extra,)
            vals = rule._retail_incident_values(
                events[event],
                record,
                [record, *extra],
                values_before[index],
                values_after[index],
            )
            if details and details[index]:
                vals["description"] = f"{vals['description']}\n{details[index]}"
            vals_list.append(vals)
        # Incidents are recorded for the company whatever the rights of the user
        # who made the change (a salesman may not create incidents by hand).
        return self.sudo().create(vals_list).sudo(False)

    @api.model
    def _retail_incident_rules(self, event_info, event, records):
        """The active rule of ``event`` per company of ``records``; refuse the
        change with a UserError when a rule of one of their companies blocks it."""
        # Rules are configuration of the head office; whoever makes the change
        # is subject to them even without access to read them.
        rules = (
            self.env["retail.incident.rule"]
            .sudo()
            .search(
                Domain("event_code", "=", event)
                & Domain("company_id", "in", records.company_id.ids)
            )
        )
        blocking = rules.filtered("blocking")
        if blocking:
            blocked = records.filtered(lambda r: r.company_id in blocking.company_id)
            raise UserError(
                self.env._(
                    "This change is not allowed (%(event)s): %(documents)s. "
                    "Ask a manager, or change the incident rule.",
                    event=event_info["label"],
                    documents=", ".join(blocked.mapped("display_name")),
                )
            )
        return {rule.company_id: rule for rule in rules}

    @api.model
    def _retail_document_links(self, documents):
        """Many2many commands linking ``documents``, a list of recordsets of any
        of the models of DOCUMENT_FIELDS."""
        ids = {}
        for records in documents:
            if records._name in DOCUMENT_FIELDS:
                ids.setdefault(DOCUMENT_FIELDS[records._name], []).extend(records.ids)
        return {
            fname: [Command.set(list(dict.fromkeys(i)))] for fname, i in ids.items()
        }

    @api.model
    def _retail_pos_record(self, model, record_id):
        """The existing record of ``model`` whose id the till sent; empty for no
        id, an id of another type or out of range (never a traceback)."""
        if type(record_id) is not int or not 0 < record_id < 2**31:
            return self.env[model]
        return self.env[model].browse(record_id).exists()

    @api.model
    def retail_pos_log_incident(self, config_id, partner_id, category_id, problem):
        """Log a store incident from the till for the current customer.

        :return: {"id", "name", "open_count"} of the new incident
        """
        config = self.env["pos.config"]._retail_till(config_id)
        partner = self._retail_pos_record("res.partner", partner_id)
        if not partner:
            raise UserError(
                self.env._("Select the customer before logging an incident.")
            )
        if not isinstance(problem, str) or not problem.strip():
            raise UserError(
                self.env._("Describe the problem before logging the incident.")
            )
        category = self._retail_pos_record("retail.incident.category", category_id)
        if category_id and not category:
            raise UserError(self.env._("This incident category does not exist."))
        incident = self.with_company(config.company_id).create(
            {
                "origin": "store",
                "company_id": config.company_id.id,
                "pos_config_id": config.id,
                "warehouse_id": config.warehouse_id.id,
                "partner_id": partner.id,
                "category_id": category.id or False,
                "user_id": category.user_id.id or False,
                "description": problem.strip(),
            }
        )
        return {
            "id": incident.id,
            "name": incident.name,
            "open_count": partner.retail_incident_open_count,
        }

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

ORIGINS = [
    ("store", "Store"),
    ("sale", "Sale Order"),
    ("delivery", "Delivery"),
    ("invoice", "Invoicing"),
    ("other", "Other"),
]

# Documents an incident links to: model -> many2many field of retail.incident.
DOCUMENT_FIELDS = {
    "sale.order": "sale_order_ids",
    "pos.order": "pos_order_ids",
    "stock.picking": "picking_ids",
    "account.move": "invoice_ids",
}

# What the system records when a rule raises an incident: never set by users.
SYSTEM_FIELDS = frozenset(
    {"event_code", "rule_id", "event_user_id", "values_before", "values_after"}
)
# What the resolver of an automatic incident may change; every other field
# records what happened and stays as the system wrote it.
RESOLVER_FIELDS = frozenset(
    {
        "state",
        "resolution",
        "date_resolved",
        "user_id",
        "priority",
        "date_deadline",
        "category_id",
    }
)
MANAGER_GROUP = "retail_incidents.group_retail_incidents_manager"


class RetailIncident(models.Model):
    _name = "retail.incident"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _description = "Customer Incident"
    _order = "state_sequence, priority desc, date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    origin = fields.Selection(ORIGINS, required=True, default="store", tracking=True)
    category_id = fields.Many2one(
        "retail.incident.category", check_company=True, tracking=True, index=True
    )
    priority = fields.Selection(
        [("0", "Normal"), ("1", "Important"), ("2", "Urgent"), ("3", "Critical")],
        default="0",
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        index="btree_not_null",
        check_company=True,
        tracking=True,
    )
    pos_config_id = fields.Many2one(
        "pos.config", string="Store", check_company=True, index="btree_not_null"
    )
    warehouse_id = fields.Many2one(
        "stock.warehouse", check_company=True, index="btree_not_null"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        tracking=True,
        index="btree_not_null",
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    sale_order_ids = fields.Many2many(
        "sale.order",
        relation="retail_incident_sale_order_rel",
        column1="incident_id",
        column2="sale_order_id",
        string="Sale Orders",
        check_company=True,
    )
    pos_order_ids = fields.Many2many(
        "pos.order",
        relation="retail_incident_pos_order_rel",
        column1="incident_id",
        column2="pos_order_id",
        string="POS Orders",
        check_company=True,
    )
    picking_ids = fields.Many2many(
        "stock.picking",
        relation="retail_incident_stock_picking_rel",
        column1="incident_id",
        column2="picking_id",
        string="Deliveries",
        check_company=True,
    )
    invoice_ids = fields.Many2many(
        "account.move",
        relation="retail_incident_account_move_rel",
        column1="incident_id",
        column2="move_id",
        string="Invoices",
        check_company=True,
    )
    description = fields.Text(string="Problem", required=True)
    resolution = fields.Text()
    date = fields.Datetime(
        string="Incident Date", required=True, default=fields.Datetime.now, index=True
    )
    date_resolved = fields.Datetime(string="Resolution Date", copy=False)
    date_deadline = fields.Date(string="Deadline", tracking=True)
    state = fields.Selection(
        [
            ("new", "New"),
            ("in_progress", "In Progress"),
            ("resolved", "Resolved"),
            ("cancelled", "Cancelled"),
        ],
        default="new",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    state_sequence = fields.Integer(compute="_compute_state_sequence", store=True)
    is_open = fields.Boolean(compute="_compute_state_sequence", store=True)
    resolution_hours = fields.Float(
        string="Time to Resolution (h)",
        compute="_compute_resolution_hours",
        store=True,
        aggregator="avg",
    )
    event_code = fields.Selection(
        selection="_selection_event_code",
        string="Event",
        readonly=True,
        index="btree_not_null",
    )
    rule_id = fields.Many2one("retail.incident.rule", readonly=True)
    event_user_id = fields.Many2one(
        "res.users", string="Done By", readonly=True, help="Who made the change."
    )
    values_before = fields.Json(readonly=True)
    values_after = fields.Json(readonly=True)
    change_summary = fields.Text(compute="_compute_change_summary")
    document_ids = fields.One2many(
        "retail.incident.document", "incident_id", string="Documents"
    )
    document_count = fields.Integer(compute="_compute_document_count")

    @api.model
    def _selection_event_code(self):
        return [(code, event["label"]) for code, event in self._retail_events().items()]

    @api.depends("state")
    def _compute_state_sequence(self):
        order = {"new": 1, "in_progress": 0, "resolved": 2, "cancelled": 3}
        for incident in self:
            incident.state_sequence = order.get(incident.state, 9)
            incident.is_open = incident.state in ("new", "in_progress")

    @api.depends("date", "date_resolved")
    def _compute_resolution_hours(self):
        for incident in self:
            if incident.date and incident.date_resolved:
                delta = incident.date_resolved - incident.date
                incident.resolution_hours = delta.total_seconds() / 3600
            else:
                incident.resolution_hours = 0.0

    @api.depends("values_before", "values_after")
    def _compute_change_summary(self):
        for incident in self:
            before = incident.values_before or {}
            after = incident.values_after or {}
            lines = []
            for key in list(dict.fromkeys([*before, *after])):
                lines.append(
                    f"{key}: {before.get(key, '-')} \u2192 {after.get(key, '-')}"
                )
            incident.change_summary = "\n".join(lines)

    def _compute_document_count(self):
        counts = dict(
            self.env["retail.incident.document"]._read_group(
                [("incident_id", "in", self.ids)], ["incident_id"], ["__count"]
            )
        )
        for incident in self:
            incident.document_count = counts.get(incident, 0)

    @api.constrains("state", "resolution")
    def _check_resolution(self):
        for incident in self:
            if incident.state == "resolved" and not (incident.resolution or "").strip():
                raise ValidationError(
                    self.env._(
                        "Incident %(name)s cannot be resolved without a resolution: "
                        "describe how it was solved first.",
                        name=incident.name,
                    )
                )
            if (
                incident.state == "cancelled"
                and incident.event_code
                and not (incident.resolution or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "Incident %(name)s was raised by the system: say in its "
                        "resolution why it is cancelled.",
                        name=incident.name,
                    )
                )

    @api.constrains("date", "date_resolved")
    def _check_dates(self):
        for incident in self:
            if incident.date_resolved and incident.date_resolved < incident.date:
                raise ValidationError(
                    self.env._(
                        "The resolution date of incident %(name)s (%(resolved)s) "
                        "cannot be before its incident date (%(date)s).",
                        name=incident.name,
                        resolved=incident.date_resolved,
                        date=incident.date,
                    )
                )

    @api.constrains("user_id", "company_id")
    def _check_user_company(self):
        for incident in self.filtered("user_id"):
            if incident.company_id not in incident.user_id.company_ids:
                raise ValidationError(
                    self.env._(
                        "%(user)s cannot be responsible for incident %(name)s: "
                        "they do not work for %(company)s.",
                        user=incident.user_id.name,
                        name=incident.name,
                        company=incident.company_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
            vals.get(fname) for vals in vals_list for fname in SYSTEM_FIELDS
        ):
            raise AccessError(
                self.env._(
                    "Automatic incidents are raised by the system's rules, not "
                    "logged by hand."
                )
            )
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                company = self.env["res.company"].browse(
                    vals.get("company_id") or self.env.company.id
                )
                # The numbering is the system's, whoever logs the incident.
                vals["name"] = self.env["ir.sequence"].sudo().with_company(
                    company
                ).next_by_code("retail.incident") or self.env._("New")
            if vals.get("state") == "resolved" and not vals.get("date_resolved"):
                vals["date_resolved"] = fields.Datetime.now()
        incidents = super().create(vals_list)
        incidents._retail_schedule_responsible_activity()
        return incidents

    def write(self, vals):
        self._retail_check_system_write(vals)
        if vals.get("state") == "resolved" and "date_resolved" not in vals:
            vals = {**vals, "date_resolved": fields.Datetime.now()}
        elif vals.get("state") in ("new", "in_progress"):
            vals = {**vals, "date_resolved": False}
        result = super().write(vals)
        if vals.get("user_id"):
            self._retail_schedule_responsible_activity()
        return result

    def _retail_check_system_write(self, vals):
        """An incident raised by the system belongs to its auditors: what it
        records (problem, documents, amounts, who and when) is never rewritten
        by users; its handling (state, resolution, responsible, priority,
        deadline) is the incident managers' or its responsible's, never the
        people whose change it records."""
        if self.env.su:
            return
        names = {
            fname for fname in vals if not fname.startswith(("message_", "activity_"))
        }
        raised = self.filtered("event_code")
        facts = names - RESOLVER_FIELDS if raised else names & SYSTEM_FIELDS
        if facts:
            raise AccessError(
                self.env._(
                    "Incidents raised by the system keep what they recorded: "
                    "%(fields)s cannot be changed.",
                    fields=", ".join(sorted(facts)),
                )
            )
        if not raised or not names:
            return
        user = self.env.user
        manager = user.has_group(MANAGER_GROUP)
        for incident in raised:
            if user in incident._retail_concerned_users():
                raise AccessError(
                    self.env._(
                        "Incident %(name)s records a change of yours: another "
                        "person handles it.",
                        name=incident.name,
                    )
                )
            if not manager and incident.user_id != user:
                raise AccessError(
                    self.env._(
                        "Incident %(name)s was raised by the system: only incident "
                        "managers and its responsible handle it.",
                        name=incident.name,
                    )
                )

    def _retail_concerned_users(self):
        """The users whose change or order an incident records: who made the
        change, the cashier of its till orders, the salesperson of its sale
        orders."""
        # sudo: who the incident is about is read whatever the user may read of
        # its orders; only users come out, to refuse them
        incidents = self.sudo()
        return (
            incidents.event_user_id
            | incidents.pos_order_ids.user_id
            | incidents.sale_order_ids.user_id
        ).sudo(False)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_raised(self):
        raised = self.filtered("event_code")
        if raised and not self.env.su:
            raise AccessError(
                self.env._(
                    "Incidents raised by the system cannot be deleted (%(names)s): "
                    "cancel them with a reason.",
                    names=", ".join(raised.mapped("name")),
                )
            )

    def action_start(self):
        self.filtered(lambda i: i.state == "new").write({"state": "in_progress"})

    def action_resolve(self):
        self.write({"state": "resolved"})

    def action_cancel(self):
        self.write({"state": "cancelled"})

    def action_reopen(self):
        self.write({"state": "in_progress"})

    def action_view_documents(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "retail_incidents.retail_incident_document_action"
        )
        action["domain"] = [("incident_id", "=", self.id)]
        action["context"] = {"default_incident_id": self.id}
        return action

    def _retail_schedule_responsible_activity(self):
        """A to-do for the responsible of each open incident (one batch create)."""
        todo = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        open_incidents = self.filtered(lambda i: i.is_open and i.user_id)
        if not todo or not open_incidents:
            return
        # Activities are the responsible's to-do: created as the system because
        # whoever raised the incident (a salesman, a cashier) may not assign them.
        self.env["mail.activity"].sudo().create(
            [
                {
                    "res_model_id": self.env["ir.model"]._get_id(self._name),
                    "res_id": incident.id,
                    "activity_type_id": todo.id,
                    "summary": self.env._(
                        "Handle incident %(name)s", name=incident.name
                    ),
                    "user_id": incident.user_id.id,
                    "date_deadline": incident.date_deadline
                    or fields.Date.context_today(incident),
                }
                for incident in open_incidents
            ]
        )

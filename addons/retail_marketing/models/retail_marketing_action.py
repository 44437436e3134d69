# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.orm.domains import DomainCondition, DomainNary, DomainNot

MAX_ID = 2**31 - 1
# A criteria text is cut beyond this length, the names a condition lists beyond
# this count (a selection of 10,000 customers by hand).
MAX_CRITERIA = 1000
MAX_NAMES = 5


class RetailMarketingAction(models.Model):
    """What was done on a campaign: a mailing or SMS sent, customers exported,
    (with the bridges) loyalty notices sent or points loaded; with who, when,
    the criteria of the selection and its audience. Written by the actions
    themselves (``_retail_log``), never by hand."""

    _name = "retail.marketing.action"
    _description = "Campaign Action"
    _order = "date desc, id desc"

    campaign_id = fields.Many2one(
        "utm.campaign", required=True, index=True, ondelete="cascade", readonly=True
    )
    kind = fields.Selection(
        [
            ("mailing", "Email Mailing"),
            ("sms", "SMS Mailing"),
            ("export", "Customer Export (XLSX)"),
        ],
        string="Action",
        required=True,
        readonly=True,
    )
    user_id = fields.Many2one(
        "res.users", string="By", readonly=True, ondelete="set null"
    )
    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)
    criteria = fields.Char(
        readonly=True, help="The selection the action was made on, in words."
    )
    domain = fields.Char(
        string="Criteria (domain)",
        readonly=True,
        help="The filter of the selection, as the action applied it.",
    )
    domain_model = fields.Char(string="Criteria Model", readonly=True)
    audience_count = fields.Integer(
        string="Audience",
        readonly=True,
        help="Customers (or cards) the action reached or selected.",
    )
    mailing_id = fields.Many2one(
        "mailing.mailing", readonly=True, ondelete="set null", index="btree_not_null"
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda s: s.env.company
    )

    @api.model
    def _retail_log(self, campaign, kind, audience, domain=None, **values):
        """Record the action ``kind`` on ``campaign`` for ``audience``
        customers or cards selected by ``domain`` (of ``values["domain_model"]``,
        customers by default); ``values`` may give the criteria in words, the
        mailing, the user and the company. The caller has made the action
        itself and its checks."""
        campaign.ensure_one()
        campaign.check_access("read")
        model = values.pop("domain_model", "res.partner")
        if domain is not None:
            domain = Domain(domain)
            if not values.get("criteria"):
                values["criteria"] = self._retail_describe(model, domain)
            values["domain"] = repr(list(domain))
        if values.get("criteria"):
            values["criteria"] = values["criteria"][:MAX_CRITERIA]
        # sudo: the log is written by the actions only (users may read it);
        # the action it records was checked by its caller
        return self.sudo().create(
            dict(
                values,
                campaign_id=campaign.id,
                kind=kind,
                audience_count=audience,
                domain_model=model,
                user_id=values.get("user_id", self.env.uid),
            )
        )

    @api.model
    def _retail_context_campaign(self):
        """The campaign of the ``retail_campaign_id`` key of the context (a
        scheduled action or a button of another module says which campaign it
        acts for), or an empty recordset; refused when it names no campaign
        the user may read."""
        value = self.env.context.get("retail_campaign_id")
        Campaign = self.env["utm.campaign"]
        if not value:
            return Campaign
        campaign = Campaign
        if type(value) is int and 0 < value <= MAX_ID:
            campaign = Campaign.browse(value).exists()
        if not campaign:
            raise UserError(
                self.env._(
                    "No campaign %(value)s: the action is not logged on a campaign "
                    "that does not exist.",
                    value=str(value)[:50],
                )
            )
        campaign.check_access("read")
        return campaign

    # ------------------------------------------------------------------
    # The criteria in words
    # ------------------------------------------------------------------
    @api.model
    def _retail_describe(self, model, domain):
        """``domain`` on ``model`` in words: "Segments in VIP and City = Lyon"."""
        domain = Domain(domain)
        if domain.is_true():
            return self.env._("All records")
        return self._retail_describe_node(self.env[model], domain)[:MAX_CRITERIA]

    def _retail_describe_node(self, Model, node):
        if isinstance(node, DomainCondition):
            return self._retail_describe_condition(Model, node)
        if isinstance(node, DomainNot):
            child = self._retail_describe_node(Model, node.child)
            return self.env._("not (%(condition)s)", condition=child)
        if isinstance(node, DomainNary):
            joiner = self.env._(" or ") if node.OPERATOR == "|" else self.env._(" and ")
            return joiner.join(
                f"({self._retail_describe_node(Model, child)})"
                if isinstance(child, DomainNary)
                else self._retail_describe_node(Model, child)
                for child in node.children
            )
        return repr(list(node))

    def _retail_describe_condition(self, Model, condition):
        fname, _dot, rest = condition.field_expr.partition(".")
        field = Model._fields.get(fname)
        if not field:
            return f"{condition.field_expr} {condition.operator} {condition.value!r}"
        label = field._description_string(self.env)
        if rest:
            label = f"{label}.{rest}"
        value = condition.value
        if isinstance(value, Domain) and field.relational:
            inner = self._retail_describe_node(self.env[field.comodel_name], value)
            return f"{label} {condition.operator} ({inner})"
        if fname == "id" and condition.operator == "in":
            return self.env._("%(count)s selected by hand", count=len(value or ()))
        return (
            f"{label} {condition.operator} {self._retail_describe_value(field, value)}"
        )

    def _retail_describe_value(self, field, value):
        values = list(value) if isinstance(value, list | tuple | set) else [value]
        if field.type == "selection":
            labels = dict(field._description_selection(self.env))
            values = [labels.get(v, v) for v in values]
        elif field.relational and all(type(v) is int for v in values):
            # the names the user may read; the others stay ids
            comodel = self.env[field.comodel_name]
            records = comodel.browse(values).exists()._filtered_access("read")
            names = dict(zip(records.ids, records.mapped("display_name"), strict=True))
            values = [names.get(v, v) for v in values]
        text = ", ".join(str(v) for v in values[:MAX_NAMES])
        if len(values) > MAX_NAMES:
            text += self.env._(" and %(count)s more", count=len(values) - MAX_NAMES)
        return text

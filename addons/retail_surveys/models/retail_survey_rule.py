# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

from odoo.addons.retail_customer.models.retail_schedule_mixin import SCHEDULE_FIELDS


class RetailSurveyRule(models.Model):
    """When a store asks a store questionnaire. A store asks at most one
    questionnaire per order: the first rule that matches, by priority (lowest
    sequence first, then oldest rule). The till (retail_survey_rules.esm.js)
    applies the same rules as _retail_pick, which the tests exercise."""

    _name = "retail.survey.rule"
    _inherit = ["pos.load.mixin", "retail.schedule.mixin"]
    _description = "Store Questionnaire Asking Rule"
    _order = "sequence, id"
    _check_company_auto = True

    sequence = fields.Integer(
        string="Priority", default=10, help="Lowest first: one questionnaire per order."
    )
    active = fields.Boolean(default=True)
    survey_id = fields.Many2one(
        "survey.survey",
        string="Questionnaire",
        required=True,
        ondelete="cascade",
        index=True,
        domain=[("retail_is_store", "=", True)],
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    config_ids = fields.Many2many(
        "pos.config",
        "retail_survey_rule_pos_config_rel",
        "rule_id",
        "config_id",
        string="Stores",
        check_company=True,
        help="Empty: every store of the company.",
    )
    sale_team_ids = fields.Many2many(
        "crm.team",
        "retail_survey_rule_crm_team_rel",
        "rule_id",
        "team_id",
        string="Sales Teams",
        help="Also asked when confirming a sale order of these teams (back "
        "office). A rule with sales teams or channels and no store is not asked "
        "at the tills.",
    )
    sale_channel_ids = fields.Many2many(
        "retail.channel",
        "retail_survey_rule_retail_channel_rel",
        "rule_id",
        "channel_id",
        string="Sales Channels",
        help="Also asked when confirming a sale order of these channels.",
    )
    date_from = fields.Date(string="From")
    date_to = fields.Date(string="To")
    frequency = fields.Selection(
        [("every", "Every order"), ("one_in_n", "One order in N")],
        default="every",
        required=True,
        help="One order in N asks the orders whose number (the till's running "
        "order number) is a multiple of N.",
    )
    every_n = fields.Integer(string="N", default=1)
    identified_only = fields.Boolean(
        string="Identified Customers Only",
        help="Ask only when the cashier has identified the customer.",
    )
    min_amount = fields.Float(
        string="Minimum Amount", help="Ask only orders of at least this total."
    )
    allow_skip = fields.Boolean(
        string="Cashier May Skip",
        default=True,
        help="A skip is recorded as a skip. Without it the questionnaire must be "
        "answered (the sale itself is never blocked: it is already paid).",
    )
    survey_askable = fields.Boolean(
        compute="_compute_survey_askable",
        store=True,
        help="The questionnaire is an active store questionnaire (stored so that "
        "the till, which cannot read surveys, can filter on it).",
    )
    retail_pos_payload = fields.Json(
        string="Questionnaire for the Till",
        compute="_compute_retail_pos_payload",
        compute_sudo=True,
    )

    _every_n_positive = models.Constraint("CHECK(every_n >= 1)", "N must be 1 or more.")
    _min_amount_positive = models.Constraint(
        "CHECK(min_amount >= 0)", "The minimum amount cannot be negative."
    )

    @api.depends("survey_id.retail_is_store", "survey_id.active")
    def _compute_survey_askable(self):
        for rule in self:
            rule.survey_askable = (
                rule.survey_id.retail_is_store and rule.survey_id.active
            )

    @api.depends(
        "survey_id.title",
        "survey_id.question_and_page_ids.title",
        "survey_id.question_and_page_ids.suggested_answer_ids.value",
    )
    def _compute_retail_pos_payload(self):
        for rule in self:
            rule.retail_pos_payload = rule.survey_id._retail_pos_payload()

    @api.depends("survey_id.title", "sequence")
    def _compute_display_name(self):
        for rule in self:
            rule.display_name = f"{rule.survey_id.title or ''} ({rule.sequence})"

    @api.constrains("survey_id", "active", "date_from", "date_to")
    def _check_survey_storable(self):
        for rule in self.filtered("active"):
            if not rule.survey_id.retail_is_store:
                raise ValidationError(
                    self.env._(
                        "The survey “%(survey)s” is not a store questionnaire: "
                        "mark it as one before activating it for stores.",
                        survey=rule.survey_id.title,
                    )
                )
            if rule.date_from and rule.date_to and rule.date_from > rule.date_to:
                raise ValidationError(
                    self.env._("The asking period ends before it starts.")
                )
        self.filtered("active").survey_id._retail_check_store_limits()

    # POS loading
    @api.model
    def _load_pos_data_domain(self, data, config):
        return self._retail_config_domain(config) & (
            Domain("date_to", "=", False)
            | Domain("date_to", ">=", fields.Date.context_today(self))
        )

    @api.model
    def _load_pos_data_fields(self, config):
        return [
            "id",
            "sequence",
            "date_from",
            "date_to",
            *SCHEDULE_FIELDS,
            "frequency",
            "every_n",
            "identified_only",
            "min_amount",
            "allow_skip",
            "retail_pos_payload",
        ]

    @api.model
    def _retail_config_domain(self, config):
        every_store = (
            Domain("config_ids", "=", False)
            & Domain("sale_team_ids", "=", False)
            & Domain("sale_channel_ids", "=", False)
        )
        return (
            Domain("company_id", "=", config.company_id.id)
            & (every_store | Domain("config_ids", "in", config.ids))
            & Domain("survey_askable", "=", True)
        )

    @api.model
    def _retail_pick_sale(self, order):
        """The rule a sale order's confirmation asks (its team or channel), by
        the same priority and conditions as at the tills; one order in N counts
        the sale orders by id, at the time of the company's time zone."""
        team_or_channel = Domain("sale_team_ids", "in", order.team_id.ids) | Domain(
            "sale_channel_ids", "in", order.retail_channel_id.ids
        )
        rules = self.search(
            Domain("company_id", "=", order.company_id.id)
            & Domain("survey_askable", "=", True)
            & team_or_channel
        )
        moment = self._retail_local_now(self._retail_company_tz(order.company_id))
        for rule in rules:
            if rule._retail_applies(order.amount_total, True, order.id, moment):
                return rule
        return self.browse()

    # The asking rules
    @api.model
    def _retail_order_number(self, pos_reference):
        """The till's running number at the end of the order reference
        (e.g. 26001-3-000012 → 12); 0 when there is none."""
        tail = (pos_reference or "").rsplit("-", 1)[-1]
        return int(tail) if tail.isdigit() else 0

    def _retail_applies(self, amount, identified, order_number, moment):
        """Whether the rule asks an order of `amount` (of an `identified`
        customer or not, numbered `order_number`) at `moment` (a local
        datetime). Mirrored in the till by ruleApplies
        (static/src/app/utils/retail_survey_rules.esm.js)."""
        self.ensure_one()
        day = moment.date()
        if self.date_from and day < self.date_from:
            return False
        if self.date_to and day > self.date_to:
            return False
        if not self._retail_schedule_matches(moment):
            return False
        if self.identified_only and not identified:
            return False
        if amount < self.min_amount:
            return False
        return self.frequency == "every" or (
            order_number > 0 and order_number % max(self.every_n, 1) == 0
        )

    @api.model
    def _retail_pick(self, config, amount, identified, order_number, moment):
        """The rule (hence the questionnaire) a store asks for an order at
        `moment` (a datetime in the store's time zone), or an empty recordset.
        One query for the store's rules, then in memory."""
        rules = self.search(self._retail_config_domain(config))
        for rule in rules:
            if rule._retail_applies(amount, identified, order_number, moment):
                return rule
        return self.browse()

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import timedelta

from odoo import api, fields, models
from odoo.fields import Domain

_logger = logging.getLogger(__name__)


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    retail_pos_order_id = fields.Many2one(
        "pos.order",
        string="POS Order",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        copy=False,
    )
    retail_sale_order_id = fields.Many2one(
        "sale.order",
        string="Sale Order",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        copy=False,
    )
    retail_config_id = fields.Many2one(
        "pos.config", string="Store", readonly=True, index="btree_not_null"
    )
    retail_company_id = fields.Many2one(
        "res.company", string="Store Company", readonly=True, index="btree_not_null"
    )
    retail_cashier_id = fields.Many2one(
        "res.users",
        string="Cashier",
        readonly=True,
        help="The cashier at the till, the salesperson on a sale order.",
    )
    retail_rule_id = fields.Many2one(
        "retail.survey.rule", string="Asking Rule", readonly=True, ondelete="set null"
    )
    retail_segment_id = fields.Many2one(
        "retail.segment",
        string="Customer Segment",
        readonly=True,
        help="The customer's first segment when the questionnaire was answered.",
    )
    retail_channel_id = fields.Many2one(
        "retail.channel", string="Channel", readonly=True
    )
    retail_amount = fields.Float(
        string="Order Amount", readonly=True, help="Total of the POS order."
    )
    retail_units = fields.Float(
        string="Order Units", readonly=True, help="Units sold in the POS order."
    )
    retail_status = fields.Selection(
        [("answered", "Answered"), ("skipped", "Skipped")],
        string="Store Status",
        readonly=True,
        index="btree_not_null",
    )
    retail_date = fields.Datetime(string="Asked On", readonly=True)
    retail_duration = fields.Float(
        string="Answer Time (s)", readonly=True, aggregator="avg"
    )

    # One questionnaire per POS order: the same order synchronised twice
    # records its answers once.
    _retail_pos_order_uniq = models.UniqueIndex(
        "(retail_pos_order_id) WHERE retail_pos_order_id IS NOT NULL"
    )
    _retail_sale_order_uniq = models.UniqueIndex(
        "(retail_sale_order_id) WHERE retail_sale_order_id IS NOT NULL"
    )
    _retail_store_date_idx = models.Index(
        "(retail_config_id, retail_date) WHERE retail_config_id IS NOT NULL"
    )

    @api.model
    def _retail_create_from_pos_orders(self, orders):
        """Turn the questionnaire each paid POS order carries into a survey
        answer (with its lines), once per order, in one batch. A malformed
        payload is logged and dropped: it must never fail the sale's sync."""
        orders = orders.filtered(
            lambda o: o.retail_survey_payload
            and o.state in ("paid", "done", "invoiced")
        )
        if not orders:
            return self.browse()
        done = self.search(Domain("retail_pos_order_id", "in", orders.ids))
        orders -= done.retail_pos_order_id
        payloads = {
            order: order.retail_survey_payload
            for order in orders
            if isinstance(order.retail_survey_payload, dict)
        }
        survey_ids = {self._retail_int(p.get("survey_id")) for p in payloads.values()}
        surveys = (
            self.env["survey.survey"]
            .browse(survey_ids - {0})
            .exists()
            .filtered("retail_is_store")
        )
        rule_ids = {self._retail_int(p.get("rule_id")) for p in payloads.values()}
        rules = self.env["retail.survey.rule"].browse(rule_ids - {0}).exists()
        vals_list = []
        for order, payload in payloads.items():
            survey = surveys.filtered(
                lambda s, p=payload: s.id == self._retail_int(p.get("survey_id"))
            )
            if not survey:
                _logger.warning(
                    "POS order %s: questionnaire payload dropped (unknown survey)",
                    order.pos_reference,
                )
                continue
            rule = rules.filtered(
                lambda r, p=payload: r.id == self._retail_int(p.get("rule_id"))
            )
            vals_list.append(self._retail_pos_input_vals(order, survey, rule, payload))
        return self.create(vals_list)

    @api.model
    def _retail_sale_input_vals(self, order, rule, payload):
        """A questionnaire asked when confirming a sale order: linked to the
        order, its customer and salesperson, once per order."""
        skipped = payload.get("status") != "answered"
        now = fields.Datetime.now()
        partner = order.partner_id
        survey = rule.survey_id
        return {
            "survey_id": survey.id,
            "partner_id": partner.id,
            "state": "new" if skipped else "done",
            "start_datetime": now,
            "end_datetime": False if skipped else now,
            "retail_sale_order_id": order.id,
            "retail_company_id": order.company_id.id,
            "retail_cashier_id": order.user_id.id,
            "retail_rule_id": rule.id,
            "retail_segment_id": partner.retail_segment_ids[:1].id,
            "retail_channel_id": order.retail_channel_id.id,
            "retail_amount": order.amount_total,
            "retail_units": sum(order.order_line.mapped("product_uom_qty")),
            "retail_status": "skipped" if skipped else "answered",
            "retail_date": now,
            "user_input_line_ids": []
            if skipped
            else self._retail_line_commands(survey, payload.get("answers")),
        }

    @api.model
    def _retail_int(self, value):
        return value if isinstance(value, int) and not isinstance(value, bool) else 0

    @api.model
    def _retail_pos_input_vals(self, order, survey, rule, payload):
        skipped = payload.get("status") != "answered"
        duration = payload.get("duration")
        duration = (
            float(duration)
            if isinstance(duration, int | float) and 0 <= duration < 86400
            else 0.0
        )
        end = order.date_order
        partner = order.partner_id
        return {
            "survey_id": survey.id,
            "partner_id": partner.id,
            "state": "new" if skipped else "done",
            "start_datetime": end - timedelta(seconds=duration),
            "end_datetime": False if skipped else end,
            "retail_pos_order_id": order.id,
            "retail_config_id": order.config_id.id,
            "retail_company_id": order.company_id.id,
            "retail_cashier_id": order.user_id.id,
            "retail_rule_id": rule.id,
            "retail_segment_id": partner.retail_segment_ids[:1].id,
            "retail_channel_id": order.retail_channel_id.id
            or order.config_id.retail_channel_id.id,
            "retail_amount": order.amount_total,
            "retail_units": sum(order.lines.mapped("qty")),
            "retail_status": "skipped" if skipped else "answered",
            "retail_date": end,
            "retail_duration": duration,
            "user_input_line_ids": []
            if skipped
            else self._retail_line_commands(survey, payload.get("answers")),
        }

    @api.model
    def _retail_line_commands(self, survey, answers):
        """Lines of the answers the till sent, checked against the survey:
        one line per chosen answer (one per value for a rating), a skipped line
        for a question left unanswered; foreign ids are ignored."""
        given = {}
        for entry in answers if isinstance(answers, list) else []:
            if isinstance(entry, dict):
                values = entry.get("answer_ids")
                given[self._retail_int(entry.get("question_id"))] = [
                    v for v in (values if isinstance(values, list) else []) if v
                ]
        commands = []
        for question in survey.question_ids:
            values = [self._retail_int(v) for v in given.get(question.id, [])]
            if question.question_type == "scale":
                lines = [
                    {"answer_type": "scale", "value_scale": value}
                    for value in values[:1]
                    if question.scale_min <= value <= question.scale_max
                ]
            else:
                valid = set(question.suggested_answer_ids.ids)
                chosen = [v for v in dict.fromkeys(values) if v in valid]
                if question.question_type == "simple_choice":
                    chosen = chosen[:1]
                lines = [
                    {"answer_type": "suggestion", "suggested_answer_id": answer_id}
                    for answer_id in chosen
                ]
            commands += [
                fields.Command.create({"question_id": question.id, **line})
                for line in lines or [{"skipped": True}]
            ]
        return commands

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class RetailSurveySaleWizard(models.TransientModel):
    """The store questionnaire asked when confirming a sale order: answered
    (or skipped where the rule allows) then the order is confirmed; the answers
    become a survey answer linked to the order, its customer and salesperson."""

    _name = "retail.survey.sale.wizard"
    _description = "Store Questionnaire at Sale Order Confirmation"

    order_id = fields.Many2one("sale.order", required=True, ondelete="cascade")
    rule_id = fields.Many2one(
        "retail.survey.rule", required=True, ondelete="cascade", readonly=True
    )
    allow_skip = fields.Boolean(related="rule_id.allow_skip")
    line_ids = fields.One2many(
        "retail.survey.sale.wizard.line", "wizard_id", string="Questions"
    )

    def action_answer(self):
        self.ensure_one()
        answers = [a for a in (line._retail_answer() for line in self.line_ids) if a]
        missing = self.line_ids.filtered(lambda line: not line._retail_answer())
        if missing and not self.allow_skip:
            raise UserError(
                self.env._(
                    "Answer “%(question)s” before confirming the order.",
                    question=missing[0].question_id.title,
                )
            )
        return self._retail_record_and_confirm(
            {"status": "answered", "answers": answers}
        )

    def action_skip(self):
        self.ensure_one()
        if not self.allow_skip:
            raise UserError(
                self.env._(
                    "The questionnaire “%(survey)s” cannot be skipped.",
                    survey=self.rule_id.sudo().survey_id.title,
                )
            )
        return self._retail_record_and_confirm({"status": "skipped"})

    def _retail_record_and_confirm(self, payload):
        order = self.order_id
        rule = order._retail_survey_rule()
        if rule and rule != self.rule_id:
            # the wizard is saved by the client: its rule is the order's only
            raise UserError(
                self.env._(
                    "Order %(order)s is asked another questionnaire: confirm it "
                    "again to answer its own.",
                    order=order.name,
                )
            )
        if rule:
            # salespeople do not read surveys: the answer is written as the
            # till's answers are, with the rule's questionnaire checked here
            Input = self.env["survey.user_input"].sudo()
            Input.create(
                Input._retail_sale_input_vals(order, self.rule_id.sudo(), payload)
            )
        return order.with_context(retail_survey_ask=False).action_confirm()

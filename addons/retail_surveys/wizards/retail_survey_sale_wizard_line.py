# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class RetailSurveySaleWizardLine(models.TransientModel):
    _name = "retail.survey.sale.wizard.line"
    _description = "Store Questionnaire Question at Sale Order Confirmation"
    _order = "id"

    wizard_id = fields.Many2one(
        "retail.survey.sale.wizard", required=True, ondelete="cascade"
    )
    question_id = fields.Many2one("survey.question", required=True, readonly=True)
    question_type = fields.Selection(related="question_id.question_type")
    scale_min = fields.Integer(related="question_id.scale_min")
    scale_max = fields.Integer(related="question_id.scale_max")
    answer_ids = fields.Many2many(
        "survey.question.answer",
        string="Answers",
        domain="[('question_id', '=', question_id)]",
    )
    rating = fields.Integer()

    @api.constrains("answer_ids", "rating")
    def _check_answer(self):
        for line in self:
            question = line.question_id
            if line.answer_ids - question.suggested_answer_ids:
                raise ValidationError(
                    self.env._(
                        "“%(question)s”: choose among its own answers.",
                        question=question.title,
                    )
                )
            if question.question_type == "simple_choice" and len(line.answer_ids) > 1:
                raise ValidationError(
                    self.env._(
                        "“%(question)s” takes one answer.", question=question.title
                    )
                )
            if (
                question.question_type == "scale"
                and line.rating
                and not question.scale_min <= line.rating <= question.scale_max
            ):
                raise ValidationError(
                    self.env._(
                        "“%(question)s” is rated from %(min)s to %(max)s.",
                        question=question.title,
                        min=question.scale_min,
                        max=question.scale_max,
                    )
                )

    def _retail_answer(self):
        """The answer as the till sends it (empty answer_ids: not answered)."""
        self.ensure_one()
        values = (
            [self.rating]
            if self.question_id.question_type == "scale" and self.rating
            else self.answer_ids.ids
        )
        return (
            {"question_id": self.question_id.id, "answer_ids": values}
            if values
            else None
        )

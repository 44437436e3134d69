# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# A cashier records each answer with one tap: these types, these limits.
STORE_QUESTION_TYPES = ("simple_choice", "multiple_choice", "scale")
STORE_MAX_QUESTIONS = 10
STORE_MAX_ANSWERS = 5


class SurveySurvey(models.Model):
    _inherit = "survey.survey"

    retail_is_store = fields.Boolean(
        string="Store Questionnaire",
        copy=False,
        help="Asked at the POS checkout: at most 10 questions, each a single or "
        "multiple choice of at most 5 answers, a 1-5 rating or a yes/no.",
    )
    retail_rule_ids = fields.One2many(
        "retail.survey.rule", "survey_id", string="Store Asking Rules"
    )

    @api.constrains("retail_is_store", "question_and_page_ids")
    def _check_retail_store_questionnaire(self):
        self.filtered("retail_is_store")._retail_check_store_limits()

    def _retail_check_store_limits(self):
        """Raise a ValidationError naming the first question a cashier could not
        record with one tap (or the survey when it has too many questions)."""
        for survey in self:
            questions = survey.question_ids
            if not questions:
                raise ValidationError(
                    self.env._(
                        "The store questionnaire “%(survey)s” has no question.",
                        survey=survey.title,
                    )
                )
            if len(questions) > STORE_MAX_QUESTIONS:
                raise ValidationError(
                    self.env._(
                        "The store questionnaire “%(survey)s” has %(count)s questions:"
                        " at most %(max)s can be asked at the till.",
                        survey=survey.title,
                        count=len(questions),
                        max=STORE_MAX_QUESTIONS,
                    )
                )
            questions._retail_check_store_question()

    def _retail_pos_payload(self):
        """The questionnaire as the till needs it (small: ids, titles, answers)."""
        self.ensure_one()
        return {
            "id": self.id,
            "title": self.title,
            "questions": [
                question._retail_pos_payload() for question in self.question_ids
            ],
        }

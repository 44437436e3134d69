# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import ValidationError

from .survey_survey import STORE_MAX_ANSWERS, STORE_QUESTION_TYPES


class SurveyQuestion(models.Model):
    _inherit = "survey.question"

    @api.constrains(
        "question_type", "scale_min", "scale_max", "suggested_answer_ids", "survey_id"
    )
    def _check_retail_store_question(self):
        questions = self.filtered(
            lambda q: not q.is_page and q.survey_id.retail_is_store
        )
        questions._retail_check_store_question()
        questions.survey_id._retail_check_store_limits()

    def _retail_check_store_question(self):
        for question in self.filtered(lambda q: not q.is_page):
            values = {
                "question": question.title,
                "survey": question.survey_id.title,
                "max": STORE_MAX_ANSWERS,
            }
            if question.question_type not in STORE_QUESTION_TYPES:
                raise ValidationError(
                    self.env._(
                        "The question “%(question)s” of the store questionnaire "
                        "“%(survey)s” cannot be answered with one tap: use a single "
                        "or multiple choice (yes/no is a single choice of two "
                        "answers) or a 1-5 rating scale.",
                        **values,
                    )
                )
            if question.question_type == "scale":
                count = question.scale_max - question.scale_min + 1
                if count > STORE_MAX_ANSWERS:
                    raise ValidationError(
                        self.env._(
                            "The question “%(question)s” of the store questionnaire "
                            "“%(survey)s” rates from %(min)s to %(max_value)s: a "
                            "rating at the till has at most %(max)s values (1-5).",
                            min=question.scale_min,
                            max_value=question.scale_max,
                            **values,
                        )
                    )
                continue
            count = len(question.suggested_answer_ids)
            if not count:
                raise ValidationError(
                    self.env._(
                        "The question “%(question)s” of the store questionnaire "
                        "“%(survey)s” has no answer to choose.",
                        **values,
                    )
                )
            if count > STORE_MAX_ANSWERS:
                raise ValidationError(
                    self.env._(
                        "The question “%(question)s” of the store questionnaire "
                        "“%(survey)s” has %(count)s answers: at most %(max)s fit "
                        "the till's buttons.",
                        count=count,
                        **values,
                    )
                )

    def _retail_pos_payload(self):
        self.ensure_one()
        if self.question_type == "scale":
            answers = [
                {"id": value, "label": str(value)}
                for value in range(self.scale_min, self.scale_max + 1)
            ]
        else:
            answers = [
                {"id": answer.id, "label": answer.value}
                for answer in self.suggested_answer_ids
            ]
        return {
            "id": self.id,
            "title": self.title,
            "type": self.question_type,
            "answers": answers,
        }

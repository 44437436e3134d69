# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class SurveyQuestionAnswer(models.Model):
    _inherit = "survey.question.answer"

    @api.constrains("question_id")
    def _check_retail_store_answer_count(self):
        questions = self.question_id.filtered(lambda q: q.survey_id.retail_is_store)
        questions._retail_check_store_question()

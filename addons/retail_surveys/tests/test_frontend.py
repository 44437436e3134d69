# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import Command
from odoo.tests import tagged

from odoo.addons.retail_customer.tests.pos_tour import RetailPosTourCase

from .common import store_questions

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install", "retail_surveys")
class TestRetailSurveysPosUi(RetailPosTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.group_ids |= cls.env.ref("survey.group_survey_manager")
        cls.survey = cls.env["survey.survey"].create(
            {
                "title": "Checkout",
                "retail_is_store": True,
                "question_and_page_ids": [
                    Command.create(values) for values in store_questions(10)
                ],
            }
        )
        cls.rule = cls.env["retail.survey.rule"].create(
            {
                "survey_id": cls.survey.id,
                "config_ids": [Command.set(cls.main_pos_config.ids)],
            }
        )

    def _order(self):
        order = self.env["pos.order"].search(
            [("config_id", "=", self.main_pos_config.id)], order="id desc", limit=1
        )
        self.assertEqual(order.state, "paid")
        return order

    def test_cashier_answers_ten_questions_by_keyboard(self):
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailSurveysAnswerByKeyboardTour", login="pos_user")
        order = self._order()
        user_input = order.retail_survey_input_ids
        self.assertEqual(len(user_input), 1)
        self.assertEqual(user_input.retail_status, "answered")
        self.assertEqual(user_input.state, "done")
        self.assertEqual(user_input.retail_config_id, self.main_pos_config)
        self.assertEqual(user_input.retail_cashier_id, self.pos_user)
        self.assertFalse(user_input.partner_id)
        lines = user_input.user_input_line_ids.sorted(
            lambda line: (line.question_id.sequence, line.question_id.id, line.id)
        )
        questions = self.survey.question_ids
        self.assertEqual(lines.question_id, questions)
        self.assertEqual(lines[0].value_scale, 5)
        # keys 1, 2, 1, 2... on the choices: answer n of each question
        expected = [
            question.suggested_answer_ids[int(key) - 1]
            for question, key in zip(questions[1:], "121212121", strict=True)
        ]
        self.assertEqual(lines[1:].suggested_answer_id.ids, [a.id for a in expected])
        _logger.info(
            "retail_surveys: 10 questions answered by keyboard in %.1f s "
            "(screen shown to Enter, measured in the browser)",
            user_input.retail_duration,
        )
        self.assertLess(user_input.retail_duration, 15.0)

    def test_cashier_answers_in_spanish(self):
        """The cashier works in Spanish: the questionnaire as the head office
        translated it, the keys, the buttons and the receipt in Spanish; the
        answers recorded as in English."""
        self._retail_till_in_spanish()
        spanish = self.survey.with_context(lang="es_ES")
        spanish.title = "Al pagar"
        visit, found = spanish.question_ids[:2]
        visit.title = "¿Qué tal su visita?"
        found.title = "¿Ha encontrado todo?"
        found.suggested_answer_ids[0].value = "Sí"
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailSurveysAnswerByKeyboardTourEs", login="pos_user")
        user_input = self._order().retail_survey_input_ids
        self.assertEqual(user_input.retail_status, "answered")
        self.assertEqual(user_input.state, "done")
        self.assertEqual(len(user_input.user_input_line_ids), 10)
        answer = user_input.user_input_line_ids.filtered(
            lambda line: line.question_id == found
        )
        self.assertEqual(answer.suggested_answer_id, found.suggested_answer_ids[0])

    def test_cashier_skips(self):
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailSurveysSkipTour", login="pos_user")
        user_input = self._order().retail_survey_input_ids
        self.assertEqual(user_input.retail_status, "skipped")
        self.assertFalse(user_input.user_input_line_ids)

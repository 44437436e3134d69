# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import RetailSurveyCommon, store_questions


@tagged("post_install", "-at_install", "retail_surveys")
class TestStoreQuestionnaire(RetailSurveyCommon):
    def _survey(self, questions, store=True):
        return self.env["survey.survey"].create(
            {
                "title": "Limits",
                "retail_is_store": store,
                "question_and_page_ids": [Command.create(q) for q in questions],
            }
        )

    def test_ten_questions_of_the_allowed_types_are_accepted(self):
        survey = self._survey(store_questions(10))
        self.assertEqual(len(survey.question_ids), 10)
        self.assertEqual(
            set(survey.question_ids.mapped("question_type")),
            {"scale", "simple_choice", "multiple_choice"},
        )

    def test_eleven_questions_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "has 11 questions: at most 10"):
            self._survey(store_questions(11))
        # the same survey as an ordinary survey is Odoo's business
        self.assertEqual(len(self._survey(store_questions(11), False).question_ids), 11)

    def test_a_free_text_question_is_refused_by_name(self):
        questions = store_questions(2) + [
            {"title": "Tell us more", "question_type": "text_box"}
        ]
        with self.assertRaisesRegex(ValidationError, "“Tell us more”.*one tap"):
            self._survey(questions)

    def test_six_answers_are_refused_by_name(self):
        question = {
            "title": "Favourite colour",
            "question_type": "simple_choice",
            "suggested_answer_ids": [
                Command.create({"value": str(i)}) for i in range(6)
            ],
        }
        with self.assertRaisesRegex(
            ValidationError, "“Favourite colour”.*6 answers: at most 5"
        ):
            self._survey([question])

    def test_a_rating_beyond_five_values_is_refused(self):
        question = {
            "title": "Recommend us",
            "question_type": "scale",
            "scale_min": 0,
            "scale_max": 10,
        }
        with self.assertRaisesRegex(ValidationError, "“Recommend us”.*0 to 10"):
            self._survey([question])

    def test_a_choice_without_answers_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "“Empty” .*no answer"):
            self._survey([{"title": "Empty", "question_type": "simple_choice"}])

    def test_later_changes_are_checked_too(self):
        with (
            self.assertRaisesRegex(ValidationError, "“Did you find everything\\?”"),
            self.env.cr.savepoint(),
        ):
            self.found.question_type = "char_box"
        with (
            self.assertRaisesRegex(ValidationError, "at most 5"),
            self.env.cr.savepoint(),
        ):
            self.env["survey.question.answer"].create(
                [{"question_id": self.buyer_for.id, "value": f"x{i}"} for i in range(3)]
            )
        with (
            self.assertRaisesRegex(ValidationError, "has 11 questions"),
            self.env.cr.savepoint(),
        ):
            self.survey.write(
                {
                    "question_and_page_ids": [
                        Command.create(q) for q in store_questions(10)[2:]
                    ]
                }
            )
        self.env.invalidate_all()
        self.assertEqual(len(self.survey.question_ids), 3)

    def test_marking_an_unfit_survey_as_store_questionnaire_is_refused(self):
        survey = self._survey(
            [{"title": "Comments", "question_type": "char_box"}], store=False
        )
        with self.assertRaisesRegex(ValidationError, "“Comments”"):
            survey.retail_is_store = True

    def test_rules_need_a_store_questionnaire_and_a_sane_period(self):
        survey = self._survey(store_questions(2), store=False)
        Rule = self.env["retail.survey.rule"]
        with self.assertRaisesRegex(ValidationError, "not a store questionnaire"):
            Rule.create({"survey_id": survey.id})
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            Rule.create(
                {
                    "survey_id": self.survey.id,
                    "date_from": "2026-05-02",
                    "date_to": "2026-05-01",
                }
            )

    def test_till_payload_lists_questions_and_answers(self):
        payload = self.rule.retail_pos_payload
        self.assertEqual(payload["id"], self.survey.id)
        self.assertEqual(
            [q["title"] for q in payload["questions"]],
            ["How was your visit?", "Did you find everything?", "Who did you buy for?"],
        )
        self.assertEqual(
            [a["id"] for a in payload["questions"][0]["answers"]], [1, 2, 3, 4, 5]
        )
        self.assertEqual(
            payload["questions"][1]["answers"],
            [{"id": self.yes.id, "label": "Yes"}, {"id": self.no.id, "label": "No"}],
        )

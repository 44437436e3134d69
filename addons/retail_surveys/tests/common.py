# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command

from odoo.addons.point_of_sale.tests.common import TestPoSCommon


def store_questions(count=3):
    """count questions a cashier records with one tap: a 1-5 rating, a yes/no,
    a multiple choice, then more yes/no questions."""
    questions = [
        {
            "title": "How was your visit?",
            "question_type": "scale",
            "scale_min": 1,
            "scale_max": 5,
        },
        {
            "title": "Did you find everything?",
            "question_type": "simple_choice",
            "suggested_answer_ids": [
                Command.create({"value": "Yes"}),
                Command.create({"value": "No"}),
            ],
        },
        {
            "title": "Who did you buy for?",
            "question_type": "multiple_choice",
            "suggested_answer_ids": [
                Command.create({"value": "Myself"}),
                Command.create({"value": "A gift"}),
                Command.create({"value": "My home"}),
            ],
        },
    ]
    questions += [
        {
            "title": f"Question {index}",
            "question_type": "simple_choice",
            "suggested_answer_ids": [
                Command.create({"value": f"Q{index} yes"}),
                Command.create({"value": f"Q{index} no"}),
            ],
        }
        for index in range(4, count + 1)
    ]
    return questions[:count]


class RetailSurveyCommon(TestPoSCommon):
    """A store (the basic till) with an open session, a product, a customer and
    a three-question store questionnaire asked at every order."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.group_ids |= cls.env.ref("survey.group_survey_manager")
        cls.company = cls.env.company
        cls.config = cls.basic_config
        cls.mug = cls.create_product("Mug", cls.categ_basic, 10.0)
        cls.survey = cls._store_survey("Checkout")
        cls.rating, cls.found, cls.buyer_for = cls.survey.question_ids
        cls.yes, cls.no = cls.found.suggested_answer_ids
        cls.myself, cls.gift, cls.home = cls.buyer_for.suggested_answer_ids
        cls.rule = cls.env["retail.survey.rule"].create(
            {"survey_id": cls.survey.id, "config_ids": [Command.set(cls.config.ids)]}
        )

    @classmethod
    def _store_survey(cls, title, count=3):
        return cls.env["survey.survey"].create(
            {
                "title": title,
                "retail_is_store": True,
                "question_and_page_ids": [
                    Command.create(values) for values in store_questions(count)
                ],
            }
        )

    def _payload(self, answers=None, status="answered", survey=None, rule=None):
        if answers is None:
            answers = [
                (self.rating, [4]),
                (self.found, [self.yes.id]),
                (self.buyer_for, [self.myself.id, self.gift.id]),
            ]
        return {
            "survey_id": (survey or self.survey).id,
            "rule_id": (rule or self.rule).id,
            "status": status,
            "duration": 6.5,
            "answers": [
                {"question_id": question.id, "answer_ids": values}
                for question, values in answers
            ],
        }

    def _order_data(self, payload=None, customer=False, qty=2, **values):
        extra = dict(values)
        if payload is not None:
            extra["retail_survey_payload"] = payload
        return self.create_ui_order_data(
            [(self.mug, qty)], pos_order_ui_args=extra, customer=customer
        )

    def _sync(self, *orders_data):
        self.env["pos.order"].sync_from_ui(list(orders_data))
        uuids = [data["uuid"] for data in orders_data]
        return self.env["pos.order"].search([("uuid", "in", uuids)])

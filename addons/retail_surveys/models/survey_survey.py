# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import random
from datetime import timedelta

from odoo import Command, api, fields, models
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

    @api.model
    def _retail_demo_load(self, answers_per_store=150):
        """Demo: one store questionnaire per store, asked at every order, and
        answers_per_store answers per store over the last 60 days (survey
        answers with the store, cashier and basket; not linked to orders)."""
        configs = self.env["pos.config"].search([("active", "=", True)])
        if not configs:
            return
        rng = random.Random(19)
        surveys = self.create(
            [
                {
                    "title": self.env._(
                        "%(store)s checkout questionnaire", store=config.name
                    ),
                    "retail_is_store": True,
                    "question_and_page_ids": [
                        Command.create(values)
                        for values in self._retail_demo_questions()
                    ],
                }
                for config in configs
            ]
        )
        self.env["retail.survey.rule"].create(
            [
                {
                    "survey_id": survey.id,
                    "company_id": config.company_id.id,
                    "config_ids": [Command.set(config.ids)],
                }
                for survey, config in zip(surveys, configs, strict=True)
            ]
        )
        now = fields.Datetime.now()
        partners = self.env["res.partner"].search(
            [("customer_number", "!=", False)], limit=50
        )
        vals_list = []
        for survey, config in zip(surveys, configs, strict=True):
            for _index in range(answers_per_store):
                partner = (
                    rng.choice(partners) if partners and rng.random() < 0.6 else None
                )
                skipped = rng.random() < 0.15
                date = now - timedelta(
                    days=rng.randint(0, 59), minutes=rng.randint(0, 600)
                )
                vals_list.append(
                    {
                        "survey_id": survey.id,
                        "partner_id": partner.id if partner else False,
                        "state": "new" if skipped else "done",
                        "retail_config_id": config.id,
                        "retail_company_id": config.company_id.id,
                        "retail_cashier_id": self.env.user.id,
                        "retail_channel_id": config.retail_channel_id.id,
                        "retail_status": "skipped" if skipped else "answered",
                        "retail_date": date,
                        "retail_duration": round(rng.uniform(4, 14), 1),
                        "retail_amount": round(rng.uniform(5, 180), 2),
                        "retail_units": rng.randint(1, 9),
                        "user_input_line_ids": []
                        if skipped
                        else self._retail_demo_lines(survey, rng),
                    }
                )
        self.env["survey.user_input"].create(vals_list)
        self.env["retail.survey.answer.stat"]._retail_refresh()

    @api.model
    def _retail_demo_questions(self):
        def choice(title, answers, kind="simple_choice"):
            return {
                "title": title,
                "question_type": kind,
                "suggested_answer_ids": [Command.create({"value": a}) for a in answers],
            }

        return [
            {
                "title": self.env._("How was your visit today?"),
                "question_type": "scale",
                "scale_min": 1,
                "scale_max": 5,
            },
            choice(
                self.env._("Did you find everything you were looking for?"),
                [self.env._("Yes"), self.env._("No")],
            ),
            choice(
                self.env._("How did you hear about us?"),
                [
                    self.env._("Friends"),
                    self.env._("Social media"),
                    self.env._("Walking by"),
                    self.env._("Advertising"),
                    self.env._("Other"),
                ],
            ),
            choice(
                self.env._("Who did you buy for?"),
                [self.env._("Myself"), self.env._("A gift"), self.env._("My home")],
                "multiple_choice",
            ),
        ]

    @api.model
    def _retail_demo_lines(self, survey, rng):
        lines = []
        for question in survey.question_ids:
            if question.question_type == "scale":
                value = rng.choices([1, 2, 3, 4, 5], weights=[1, 2, 4, 8, 6])[0]
                lines.append(
                    {
                        "question_id": question.id,
                        "answer_type": "scale",
                        "value_scale": value,
                    }
                )
                continue
            answers = question.suggested_answer_ids
            count = (
                rng.randint(1, 2) if question.question_type == "multiple_choice" else 1
            )
            lines += [
                {
                    "question_id": question.id,
                    "answer_type": "suggestion",
                    "suggested_answer_id": answer.id,
                }
                for answer in rng.sample(list(answers), count)
            ]
        return [Command.create(line) for line in lines]

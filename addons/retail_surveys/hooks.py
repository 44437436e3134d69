# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Demo data that cannot be written as records: one store questionnaire per store
and a few hundred answers spread over the last 60 days, generated when the module
is installed with its demo data."""

import random
from datetime import timedelta

from odoo import Command, fields


def post_init_hook(env):
    if env.ref("base.module_retail_surveys").demo:
        load_demo_answers(env)


def load_demo_answers(env, answers_per_store=150):
    """One store questionnaire per store, asked at every order, and
    `answers_per_store` answers per store over the last 60 days (survey answers
    with the store, cashier and basket; not linked to orders)."""
    configs = env["pos.config"].search([("active", "=", True)])
    if not configs:
        return
    rng = random.Random(19)
    surveys = env["survey.survey"].create(
        [
            {
                "title": env._("%(store)s checkout questionnaire", store=config.name),
                "retail_is_store": True,
                "question_and_page_ids": [
                    Command.create(values) for values in _demo_questions(env)
                ],
            }
            for config in configs
        ]
    )
    env["retail.survey.rule"].create(
        [
            {
                "survey_id": survey.id,
                "company_id": config.company_id.id,
                "config_ids": [Command.set(config.ids)],
            }
            for survey, config in zip(surveys, configs, strict=True)
        ]
    )
    partners = env["res.partner"].search([("customer_number", "!=", False)], limit=50)
    vals_list = []
    for survey, config in zip(surveys, configs, strict=True):
        vals_list += [
            _demo_answer(env, survey, config, partners, rng)
            for _index in range(answers_per_store)
        ]
    env["survey.user_input"].create(vals_list)
    env["retail.survey.answer.stat"]._retail_refresh()


def _demo_answer(env, survey, config, partners, rng):
    """The values of one answer (or skip) of `survey` in the store `config`."""
    partner = rng.choice(partners) if partners and rng.random() < 0.6 else None
    skipped = rng.random() < 0.15
    date = fields.Datetime.now() - timedelta(
        days=rng.randint(0, 59), minutes=rng.randint(0, 600)
    )
    return {
        "survey_id": survey.id,
        "partner_id": partner.id if partner else False,
        "state": "new" if skipped else "done",
        "retail_config_id": config.id,
        "retail_company_id": config.company_id.id,
        "retail_cashier_id": env.user.id,
        "retail_channel_id": config.retail_channel_id.id,
        "retail_status": "skipped" if skipped else "answered",
        "retail_date": date,
        "retail_duration": round(rng.uniform(4, 14), 1),
        "retail_amount": round(rng.uniform(5, 180), 2),
        "retail_units": rng.randint(1, 9),
        "user_input_line_ids": [] if skipped else _demo_lines(survey, rng),
    }


def _demo_questions(env):
    def choice(title, answers, kind="simple_choice"):
        return {
            "title": title,
            "question_type": kind,
            "suggested_answer_ids": [Command.create({"value": a}) for a in answers],
        }

    return [
        {
            "title": env._("How was your visit today?"),
            "question_type": "scale",
            "scale_min": 1,
            "scale_max": 5,
        },
        choice(
            env._("Did you find everything you were looking for?"),
            [env._("Yes"), env._("No")],
        ),
        choice(
            env._("How did you hear about us?"),
            [
                env._("Friends"),
                env._("Social media"),
                env._("Walking by"),
                env._("Advertising"),
                env._("Other"),
            ],
        ),
        choice(
            env._("Who did you buy for?"),
            [env._("Myself"), env._("A gift"), env._("My home")],
            "multiple_choice",
        ),
    ]


def _demo_lines(survey, rng):
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
        count = rng.randint(1, 2) if question.question_type == "multiple_choice" else 1
        lines += [
            {
                "question_id": question.id,
                "answer_type": "suggestion",
                "suggested_answer_id": answer.id,
            }
            for answer in rng.sample(list(answers), count)
        ]
    return [Command.create(line) for line in lines]

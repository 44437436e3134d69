# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io

import openpyxl

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.retail_surveys.hooks import load_demo_answers

from .common import RetailSurveyCommon


@tagged("post_install", "-at_install", "retail_surveys")
class TestAnalysis(RetailSurveyCommon):
    """Known answers in two stores and two months:
    store A, November: 3 answered (ratings 5, 4, 5; found yes, yes, no;
      baskets 10, 20, 30 with 1, 2, 3 units) and 1 skipped;
    store B, November: 1 answered (rating 2, found no, basket 100, 10 units);
    store A, October: 1 answered (rating 3, found yes, basket 40, 4 units)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.store_b = cls.config.copy({"name": "Store B"})
        cls.cashier_b = cls.env["res.users"].create(
            {"name": "Bea", "login": "survey_bea"}
        )
        rows = [
            (cls.config, "2026-11-02", 5, cls.yes, 10, 1, "answered"),
            (cls.config, "2026-11-03", 4, cls.yes, 20, 2, "answered"),
            (cls.config, "2026-11-04", 5, cls.no, 30, 3, "answered"),
            (cls.config, "2026-11-05", 0, None, 15, 1, "skipped"),
            (cls.store_b, "2026-11-06", 2, cls.no, 100, 10, "answered"),
            (cls.config, "2026-10-10", 3, cls.yes, 40, 4, "answered"),
        ]
        cls.inputs = cls.env["survey.user_input"].create(
            [
                {
                    "survey_id": cls.survey.id,
                    "state": "done" if status == "answered" else "new",
                    "retail_status": status,
                    "retail_config_id": config.id,
                    "retail_company_id": cls.company.id,
                    "retail_cashier_id": (
                        cls.env.user if config == cls.config else cls.cashier_b
                    ).id,
                    "retail_date": f"{day} 10:00:00",
                    "retail_amount": amount,
                    "retail_units": units,
                    "user_input_line_ids": []
                    if status == "skipped"
                    else [
                        Command.create(
                            {
                                "question_id": cls.rating.id,
                                "answer_type": "scale",
                                "value_scale": rating,
                            }
                        ),
                        Command.create(
                            {
                                "question_id": cls.found.id,
                                "answer_type": "suggestion",
                                "suggested_answer_id": found.id,
                            }
                        ),
                        Command.create(
                            {"question_id": cls.buyer_for.id, "skipped": True}
                        ),
                    ],
                }
                for config, day, rating, found, amount, units, status in rows
            ]
        )
        cls.Report = cls.env["retail.survey.answer.report"]
        cls.Stat = cls.env["retail.survey.answer.stat"]
        cls.Stat._retail_refresh()

    def test_answers_per_store_and_answer_with_average_basket(self):
        groups = self.Report._read_group(
            [("question_id", "=", self.found.id)],
            ["config_id", "answer_id"],
            ["answer_count:sum", "order_amount:avg", "order_units:avg"],
        )
        figures = {
            (config.name, answer.value): (count, amount, units)
            for config, answer, count, amount, units in groups
        }
        store_a = self.config.name
        self.assertEqual(
            figures,
            {
                (store_a, "Yes"): (3, 70 / 3, 7 / 3),
                (store_a, "No"): (1, 30.0, 3.0),
                ("Store B", "No"): (1, 100.0, 10.0),
            },
        )
        ratings = self.Report._read_group(
            [("question_id", "=", self.rating.id), ("date", ">=", "2026-11-01")],
            ["config_id"],
            ["rating:avg"],
        )
        self.assertEqual(
            {c.name: avg for c, avg in ratings}, {store_a: 14 / 3, "Store B": 2.0}
        )
        self.assertFalse(
            self.Report.search_count([("question_id", "=", self.buyer_for.id)]),
            "skipped lines are not answers",
        )

    def test_share_of_each_answer_per_store(self):
        """The graph's call: store A answered yes, yes, no, yes (75 % yes),
        store B no (100 % no)."""
        groups = self.Stat.formatted_read_group(
            [("question_id", "=", self.found.id)],
            ["config_id", "answer_id"],
            ["answer_count:sum", "answer_share:sum"],
        )
        self.assertEqual(
            {
                (g["config_id"][1], g["answer_id"][0]): (
                    g["answer_count:sum"],
                    g["answer_share:sum"],
                )
                for g in groups
            },
            {
                (self.config.name, self.yes.id): (3, 75.0),
                (self.config.name, self.no.id): (1, 25.0),
                ("Store B", self.no.id): (1, 100.0),
            },
        )

    def test_share_in_the_pivot_grouping_sets(self):
        """The pivot's call (answers in rows, months in columns): each cell is
        the share of the answer within the question in that month; the totals
        are 100 %."""
        sets = self.Stat.formatted_read_grouping_sets(
            [("question_id", "=", self.found.id)],
            [[], ["answer_id"], ["answer_id", "date:month"], ["date:month"]],
            ["answer_share:sum"],
        )
        total, by_answer, by_answer_month, by_month = sets
        self.assertEqual(total[0]["answer_share:sum"], 100.0)
        self.assertEqual(
            {g["answer_id"][0]: g["answer_share:sum"] for g in by_answer},
            {self.yes.id: 60.0, self.no.id: 40.0},
        )
        self.assertEqual(
            {
                (g["answer_id"][0], g["date:month"][0][:10]): g["answer_share:sum"]
                for g in by_answer_month
            },
            {
                (self.yes.id, "2026-10-01"): 100.0,
                (self.yes.id, "2026-11-01"): 50.0,
                (self.no.id, "2026-11-01"): 50.0,
            },
        )
        self.assertEqual([g["answer_share:sum"] for g in by_month], [100.0, 100.0])

    def test_share_of_ratings_and_of_questions(self):
        """Ratings 5, 4, 5, 2, 3: two 5s are 40 %. Grouped by question only,
        a single-answer question totals 100 %; grouped by store without the
        question, the share is taken over the questions the store answered;
        a filter on the answer narrows the respondents as well."""
        ratings = self.Stat._read_group(
            [("question_id", "=", self.rating.id)], ["rating"], ["answer_share:sum"]
        )
        self.assertEqual(dict(ratings), {2: 20.0, 3: 20.0, 4: 20.0, 5: 40.0})
        questions = self.Stat._read_group([], ["question_id"], ["answer_share:sum"])
        self.assertEqual(dict(questions), {self.rating: 100.0, self.found: 100.0})
        yes_by_store = self.Stat._read_group(
            [("answer_id", "=", self.yes.id)], ["config_id"], ["answer_share:sum"]
        )
        self.assertEqual(dict(yes_by_store), {self.config: 100.0})

    def test_daily_counts_weigh_each_answer_once(self):
        """The materialised counts give the line view's figures: averages are
        weighted by the answers of each day, not averages of averages."""
        fields_ = ["answer_count:sum", "order_amount:avg", "order_units:avg"]
        for groupby in (["config_id", "answer_id"], ["answer_id"], []):
            domain = [("question_id", "=", self.found.id)]
            self.assertEqual(
                self.Stat._read_group(domain, groupby, fields_),
                self.Report._read_group(domain, groupby, fields_),
            )
        ratings = self.Stat._read_group(
            [("question_id", "=", self.rating.id)], ["config_id"], ["rating:avg"]
        )
        self.assertEqual(
            {c.name: avg for c, avg in ratings},
            {self.config.name: 17 / 4, "Store B": 2.0},
        )

    def test_counts_refreshed_on_demand(self):
        """A new answer shows in the counts after a refresh, which says when."""
        before = self.Stat._read_group([], [], ["answer_count:sum"])[0][0]
        self.inputs[0].copy({"retail_status": "answered"})
        self.assertEqual(
            self.Stat._read_group([], [], ["answer_count:sum"])[0][0], before
        )
        self.Stat.action_retail_refresh()
        self.assertEqual(
            self.Stat._read_group([], [], ["answer_count:sum"])[0][0], before + 2
        )
        self.assertTrue(self.Stat.search([], limit=1).refreshed_at)

    def test_response_rate_per_store_and_cashier(self):
        groups = self.env["retail.survey.response.report"]._read_group(
            [],
            ["config_id", "cashier_id"],
            [
                "asked_count:sum",
                "answered_count:sum",
                "skipped_count:sum",
                "response_rate:avg",
            ],
        )
        self.assertEqual(
            {(c.name, u.name): tuple(rest) for c, u, *rest in groups},
            {
                (self.config.name, self.env.user.name): (5, 4, 1, 80.0),
                ("Store B", "Bea"): (1, 1, 0, 100.0),
            },
        )

    def _wizard(self, **values):
        return self.env["retail.survey.analysis.export"].create(
            {"survey_id": self.survey.id, **values}
        )

    def test_compare_two_stores(self):
        wizard = self._wizard(
            config_a_id=self.config.id,
            config_b_id=self.store_b.id,
            date_from="2026-11-01",
            date_to="2026-11-30",
        )
        labels, rows = wizard._retail_compare()
        self.assertEqual(labels, [self.config.name, "Store B"])
        by_answer = {(r["question"], r["answer"]): r["sides"] for r in rows}
        self.assertEqual(len(rows), 5 + 2 + 3, "every answer listed")
        yes_a, yes_b = by_answer["Did you find everything?", "Yes"]
        self.assertEqual(
            (yes_a["count"], yes_a["share"], yes_a["basket"]), (2, 200 / 3, 15.0)
        )
        self.assertEqual((yes_b["count"], yes_b["share"]), (0, 0.0))
        no_b = by_answer["Did you find everything?", "No"][1]
        self.assertEqual(
            (no_b["count"], no_b["share"], no_b["units"]), (1, 100.0, 10.0)
        )
        five_a = by_answer["How was your visit?", "5"][0]
        self.assertEqual((five_a["count"], five_a["share"]), (2, 200 / 3))

    def test_compare_two_periods_and_export_xlsx(self):
        wizard = self._wizard(
            compare="periods",
            config_a_id=self.config.id,
            date_from="2026-10-01",
            date_to="2026-10-31",
            date_from_b="2026-11-01",
            date_to_b="2026-11-30",
        )
        wizard.action_export()
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.file)))
        sheet = book["Comparison"]
        rows = {
            (row[0], row[1]): row[2:]
            for row in sheet.iter_rows(min_row=2, values_only=True)
        }
        october_yes = rows["Did you find everything?", "Yes"]
        self.assertEqual(october_yes[0], 1)
        self.assertEqual(october_yes[1], 100.0)
        self.assertEqual(october_yes[2], 40.0)
        self.assertEqual(october_yes[4], 2, "November: two yes")
        rates = list(book["Response rate"].iter_rows(min_row=2, values_only=True))
        self.assertEqual([r[3:6] for r in rates], [(1, 1, 0), (4, 3, 1)])

    def test_missing_choices_are_refused(self):
        with self.assertRaisesRegex(UserError, "two stores"):
            self._wizard(config_a_id=self.config.id)._retail_compare()
        with self.assertRaisesRegex(UserError, "two periods"):
            self._wizard(compare="periods", date_from="2026-10-01")._retail_compare()
        with self.assertRaisesRegex(UserError, "before its start"):
            self._wizard(date_from="2026-10-02", date_to="2026-10-01")

    def test_demo_loader_fills_the_analysis(self):
        Survey = self.env["survey.survey"]
        before = Survey.search([("retail_is_store", "=", True)])
        load_demo_answers(self.env, answers_per_store=20)
        configs = self.env["pos.config"].search([("active", "=", True)])
        surveys = Survey.search([("retail_is_store", "=", True)]) - before
        self.assertEqual(len(surveys), len(configs), "one questionnaire per store")
        self.assertEqual(surveys.retail_rule_ids.config_ids, configs)
        inputs = self.env["survey.user_input"].search(
            [("survey_id", "in", surveys.ids)]
        )
        self.assertEqual(len(inputs), 20 * len(configs))
        answered = inputs.filtered(lambda i: i.retail_status == "answered")
        self.assertTrue(answered and answered != inputs, "answers and skips")
        self.assertEqual(
            self.Report.search_count([("survey_id", "in", surveys.ids)]),
            len(answered.user_input_line_ids),
        )
        self.assertGreaterEqual(len(answered.user_input_line_ids), 4 * len(answered))

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.retail_customer.tests.common import company_user

from .common import RetailSurveyCommon


@tagged("post_install", "-at_install", "retail_security")
class TestStoreAnswerAccess(RetailSurveyCommon):
    """A franchise keeping its own customer file: its store manager sees the
    answers and rules of his company only; head office sees both."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.franchise = cls.setup_other_company(name="Franchise")["company"]
        cls.franchise.retail_customer_file = "own"
        cls.franchise_store = (
            cls.env["pos.config"]
            .with_company(cls.franchise)
            .create({"name": "Franchise store", "company_id": cls.franchise.id})
        )
        UserInput = cls.env["survey.user_input"]
        cls.own_answer, cls.head_answer = UserInput.create(
            [
                {
                    "survey_id": cls.survey.id,
                    "state": "done",
                    "retail_status": status,
                    "retail_config_id": config.id,
                    "retail_company_id": config.company_id.id,
                    "retail_date": "2026-11-20 10:00:00",
                    "retail_amount": 10.0,
                    "user_input_line_ids": [
                        Command.create(
                            {
                                "question_id": cls.found.id,
                                "answer_type": "suggestion",
                                "suggested_answer_id": cls.yes.id,
                            }
                        )
                    ],
                }
                for status, config in (
                    ("answered", cls.franchise_store),
                    ("answered", cls.config),
                )
            ]
        )
        cls.web_answer = UserInput.create({"survey_id": cls.survey.id})
        cls.franchise_rule = cls.env["retail.survey.rule"].create(
            {"survey_id": cls.survey.id, "company_id": cls.franchise.id}
        )
        cls.franchise_manager = company_user(
            cls.env,
            "franchise_store_manager",
            "point_of_sale.group_pos_manager,survey.group_survey_manager",
            cls.franchise,
        )
        cls.head_office = company_user(
            cls.env,
            "survey_head_office",
            "point_of_sale.group_pos_manager,survey.group_survey_manager",
            cls.company | cls.franchise,
        )
        cls.cashier = company_user(
            cls.env, "survey_cashier", "point_of_sale.group_pos_user", cls.company
        )

    def test_franchise_manager_sees_only_his_answers(self):
        env = self.env(user=self.franchise_manager)
        inputs = env["survey.user_input"].search([("survey_id", "=", self.survey.id)])
        self.assertEqual(inputs, self.own_answer | self.web_answer)
        report = env["retail.survey.answer.report"].search([])
        self.assertEqual(report.user_input_id, self.own_answer)
        rates = env["retail.survey.response.report"].search([])
        self.assertEqual(rates.ids, self.own_answer.ids)
        lines = env["survey.user_input.line"].search(
            [("survey_id", "=", self.survey.id)]
        )
        self.assertEqual(lines.user_input_id, self.own_answer)
        with self.assertRaises(AccessError):
            self.head_answer.with_user(self.franchise_manager).read(["retail_status"])
        with self.assertRaises(AccessError):
            env["retail.survey.answer.report"].browse(
                self.head_answer.user_input_line_ids.id
            ).read(["company_id"])
        self.assertEqual(
            env["retail.survey.rule"].search([]), self.franchise_rule, "rules too"
        )

    def test_head_office_sees_every_store(self):
        env = self.env(
            user=self.head_office,
            context={"allowed_company_ids": (self.company | self.franchise).ids},
        )
        report = env["retail.survey.answer.report"].search([])
        self.assertEqual(report.user_input_id, self.own_answer | self.head_answer)

    def test_cashier_reads_rules_but_no_analysis(self):
        rules = self.env["retail.survey.rule"].with_user(self.cashier)
        loaded = rules._load_pos_data_search_read({}, self.config)
        self.assertEqual([r["id"] for r in loaded], self.rule.ids)
        self.assertEqual(loaded[0]["retail_pos_payload"]["id"], self.survey.id)
        with self.assertRaises(AccessError):
            rules.create({"survey_id": self.survey.id})
        with self.assertRaises(AccessError):
            self.env["retail.survey.answer.report"].with_user(self.cashier).search([])
        with self.assertRaises(AccessError):
            self.own_answer.with_user(self.cashier).read(["retail_status"])

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from odoo.tests import HttpCase, TransactionCase, tagged

from odoo.addons.retail_customer.tests.test_schedule_vectors import (
    load_vectors,
    run_hoot_suite,
)

VECTORS = "retail_surveys/static/tests/vectors/retail_survey_rules.json"


@tagged("post_install", "-at_install", "retail_surveys")
class TestSurveyRuleVectors(TransactionCase):
    """The server's asking rules give what the vectors (shared with the till's
    JS unit tests) expect."""

    def test_applies_vectors(self):
        vectors = load_vectors(VECTORS)
        Rule = self.env["retail.survey.rule"]
        for vector in vectors["applies"]:
            with self.subTest(vector["name"]):
                rule = Rule.new({**vectors["rule_defaults"], **vector["rule"]})
                order = {**vectors["order_defaults"], **vector["order"]}
                self.assertEqual(
                    rule._retail_applies(
                        order["amount"],
                        order["identified"],
                        order["order_number"],
                        datetime.fromisoformat(order["moment"]),
                    ),
                    vector["expected"],
                )

    def test_order_number_vectors(self):
        Rule = self.env["retail.survey.rule"]
        for vector in load_vectors(VECTORS)["order_number"]:
            self.assertEqual(
                Rule._retail_order_number(vector["reference"]), vector["expected"]
            )


@tagged("post_install", "-at_install", "retail_surveys")
class TestSurveyRuleVectorsJs(HttpCase):
    """The till's asking rules give what the same vectors expect."""

    def test_survey_rule_vectors_js(self):
        run_hoot_suite(self, "retail_surveys_vectors", 2)

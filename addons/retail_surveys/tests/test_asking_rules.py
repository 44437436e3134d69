# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo import Command
from odoo.tests import tagged

from .common import RetailSurveyCommon

MONDAY = datetime(2026, 11, 23, 10, 0)
SUNDAY = datetime(2026, 11, 29, 10, 0)


@tagged("post_install", "-at_install", "retail_surveys")
class TestAskingRules(RetailSurveyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Rule = cls.env["retail.survey.rule"]
        cls.other = cls._store_survey("Big baskets", 2)

    def _pick(self, amount=10.0, identified=False, number=1, day=MONDAY):
        return self.Rule._retail_pick(self.config, amount, identified, number, day)

    def test_every_order(self):
        self.assertEqual(self._pick(), self.rule)
        self.assertEqual(self._pick(number=0), self.rule)

    def test_rule_for_sales_teams_only_is_not_asked_at_the_tills(self):
        team = self.env["crm.team"].create({"name": "Wholesale desk"})
        self.rule.config_ids = False
        self.assertEqual(self._pick(), self.rule, "no store listed: every store")
        self.rule.sale_team_ids = team
        self.assertFalse(self._pick(), "a rule for sales teams, no store listed")
        self.rule.config_ids = self.config
        self.assertEqual(self._pick(), self.rule, "stores listed: asked there too")

    def test_one_order_in_n(self):
        self.rule.write({"frequency": "one_in_n", "every_n": 3})
        asked = [n for n in range(1, 10) if self._pick(number=n)]
        self.assertEqual(asked, [3, 6, 9])
        self.assertFalse(self._pick(number=0), "no order number, no 1-in-N")

    def test_order_number_is_the_tills_running_number(self):
        number = self.Rule._retail_order_number
        self.assertEqual(number("26001-3-000012"), 12)
        self.assertEqual(number("Order 00001-001-0007"), 7)
        self.assertEqual(number(False), 0)
        self.assertEqual(number("26001-3-abc"), 0)

    def test_identified_customers_only(self):
        self.rule.identified_only = True
        self.assertFalse(self._pick(identified=False))
        self.assertEqual(self._pick(identified=True), self.rule)

    def test_minimum_amount(self):
        self.rule.min_amount = 50
        self.assertFalse(self._pick(amount=49.99))
        self.assertEqual(self._pick(amount=50), self.rule)

    def test_weekdays_and_dates(self):
        self.rule.write(
            {
                "retail_sunday": False,
                "date_from": MONDAY.date(),
                "date_to": SUNDAY.date(),
            }
        )
        self.assertEqual(self._pick(day=MONDAY), self.rule)
        self.assertFalse(self._pick(day=SUNDAY), "not on Sundays")
        self.assertFalse(
            self._pick(day=datetime(2026, 11, 22, 10)), "before the period"
        )
        self.assertFalse(self._pick(day=datetime(2026, 11, 30, 10)), "after the period")

    def test_hours_in_the_stores_time_zone(self):
        self.rule.write({"retail_hour_from": 9.5, "retail_hour_to": 13})
        self.assertFalse(self._pick(day=MONDAY.replace(hour=9, minute=29)))
        self.assertEqual(self._pick(day=MONDAY.replace(hour=9, minute=30)), self.rule)
        self.assertFalse(self._pick(day=MONDAY.replace(hour=13)), "the end excluded")

    def test_priority_one_questionnaire_per_order(self):
        big = self.Rule.create(
            {"survey_id": self.other.id, "sequence": 1, "min_amount": 100}
        )
        self.assertEqual(self._pick(amount=150), big, "lowest sequence first")
        self.assertEqual(self._pick(amount=20), self.rule, "next rule that matches")
        big.sequence = 10
        self.assertEqual(self._pick(amount=150), self.rule, "then the oldest rule")

    def test_store_company_and_archived_rules(self):
        other_config = self.config.copy({"name": "Other store"})
        self.rule.config_ids = [Command.set(other_config.ids)]
        self.assertFalse(self._pick())
        company_wide = self.Rule.create({"survey_id": self.other.id})
        self.assertEqual(self._pick(), company_wide, "no store: every store")
        company_wide.active = False
        self.assertFalse(self._pick())
        self.other.active = False
        company_wide.active = True
        self.assertFalse(self._pick(), "an archived questionnaire is not asked")

    def test_the_till_loads_its_rules_at_session_start(self):
        other_config = self.config.copy({"name": "Other store"})
        self.Rule.create(
            {"survey_id": self.other.id, "config_ids": [Command.set(other_config.ids)]}
        )
        self.Rule.create({"survey_id": self.other.id, "date_to": date(2020, 1, 1)})
        self.assertIn(
            "retail.survey.rule",
            self.env["pos.session"]._load_pos_data_models(self.config),
        )
        loaded = self.Rule._load_pos_data_search_read({}, self.config)
        self.assertEqual([r["id"] for r in loaded], self.rule.ids)
        self.assertEqual(loaded[0]["retail_pos_payload"]["id"], self.survey.id)
        self.assertTrue(loaded[0]["allow_skip"])
        self.assertEqual(loaded[0]["frequency"], "every")

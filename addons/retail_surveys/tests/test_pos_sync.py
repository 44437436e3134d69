# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import RetailSurveyCommon


@tagged("post_install", "-at_install", "retail_surveys")
class TestPosSync(RetailSurveyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.segment = cls.env["retail.segment"].create(
            {"name": "Regulars", "partner_ids": [(4, cls.customer.id)]}
        )

    def setUp(self):
        super().setUp()
        self.open_new_session()

    def _lines(self, user_input, question):
        return user_input.user_input_line_ids.filtered(
            lambda line: line.question_id == question
        )

    def test_identified_answers_become_a_survey_answer_of_the_order(self):
        order = self._sync(self._payload_order(customer=self.customer))
        user_input = order.retail_survey_input_ids
        self.assertEqual(len(user_input), 1)
        self.assertEqual(user_input.survey_id, self.survey)
        self.assertEqual(user_input.state, "done")
        self.assertEqual(user_input.retail_status, "answered")
        self.assertEqual(user_input.partner_id, self.customer)
        self.assertEqual(user_input.retail_config_id, self.config)
        self.assertEqual(user_input.retail_company_id, self.company)
        self.assertEqual(user_input.retail_cashier_id, self.env.user)
        self.assertEqual(user_input.retail_rule_id, self.rule)
        self.assertEqual(user_input.retail_date, order.date_order)
        self.assertEqual(user_input.retail_segment_id, self.segment)
        self.assertEqual(user_input.retail_amount, 20.0)
        self.assertEqual(user_input.retail_units, 2)
        self.assertEqual(user_input.retail_duration, 6.5)
        self.assertEqual(self._lines(user_input, self.rating).value_scale, 4)
        self.assertEqual(
            self._lines(user_input, self.found).suggested_answer_id, self.yes
        )
        self.assertEqual(
            self._lines(user_input, self.buyer_for).suggested_answer_id,
            self.myself | self.gift,
        )
        # Odoo's own survey statistics see it
        self.assertEqual(self.survey.answer_done_count, 1)

    def _payload_order(self, customer=False, payload=None):
        return self._order_data(payload=payload or self._payload(), customer=customer)

    def test_anonymous_answers_have_no_customer(self):
        order = self._sync(self._payload_order())
        self.assertFalse(order.retail_survey_input_ids.partner_id)
        self.assertFalse(order.retail_survey_input_ids.retail_segment_id)
        self.assertEqual(order.retail_survey_input_ids.retail_status, "answered")

    def test_same_order_synced_twice_records_its_answers_once(self):
        data = self._payload_order(customer=self.customer)
        order = self._sync(data)
        again = self._sync(dict(data))
        self.assertEqual(order, again)
        inputs = self.env["survey.user_input"].search(
            [("retail_pos_order_id", "=", order.id)]
        )
        self.assertEqual(len(inputs), 1)
        self.assertEqual(len(inputs.user_input_line_ids), 4)

    def test_a_skip_is_recorded_as_a_skip(self):
        order = self._sync(self._payload_order(payload=self._payload(status="skipped")))
        user_input = order.retail_survey_input_ids
        self.assertEqual(user_input.retail_status, "skipped")
        self.assertEqual(user_input.state, "new")
        self.assertFalse(user_input.user_input_line_ids)

    def test_unanswered_questions_are_skipped_lines(self):
        payload = self._payload(answers=[(self.rating, [5])])
        user_input = self._sync(
            self._payload_order(payload=payload)
        ).retail_survey_input_ids
        self.assertEqual(self._lines(user_input, self.rating).value_scale, 5)
        self.assertTrue(self._lines(user_input, self.found).skipped)
        self.assertTrue(self._lines(user_input, self.buyer_for).skipped)

    def test_foreign_or_malformed_answers_never_fail_the_sale(self):
        other = self._store_survey("Other", 2)
        payload = self._payload(
            answers=[
                (self.rating, [9]),  # out of the 1-5 range
                (self.found, [self.yes.id, self.no.id]),  # single choice: first
                (self.buyer_for, [other.question_ids[1].suggested_answer_ids[0].id]),
            ]
        )
        order = self._sync(self._payload_order(payload=payload))
        self.assertEqual(order.state, "paid")
        user_input = order.retail_survey_input_ids
        self.assertTrue(self._lines(user_input, self.rating).skipped)
        self.assertEqual(
            self._lines(user_input, self.found).suggested_answer_id, self.yes
        )
        self.assertTrue(self._lines(user_input, self.buyer_for).skipped)
        for bad in (
            {"survey_id": 0, "answers": "nonsense"},
            "not a dict",
            {**self._payload(), "survey_id": 987654321},
        ):
            order = self._sync(self._payload_order(payload=bad))
            self.assertEqual(order.state, "paid")
            self.assertFalse(order.retail_survey_input_ids)

    def test_orders_without_questionnaire_record_nothing(self):
        order = self._sync(self._order_data())
        self.assertEqual(order.state, "paid")
        self.assertFalse(order.retail_survey_input_ids)

    def test_several_orders_in_one_sync(self):
        orders = self._sync(
            self._payload_order(customer=self.customer),
            self._payload_order(payload=self._payload(status="skipped")),
            self._order_data(),
        )
        inputs = orders.retail_survey_input_ids
        self.assertEqual(len(inputs), 2)
        self.assertEqual(
            sorted(inputs.mapped("retail_status")), ["answered", "skipped"]
        )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import store_questions


@tagged("post_install", "-at_install", "retail_surveys")
class TestSaleWizard(TransactionCase):
    """The questionnaire of a sales team asked when a salesperson confirms a
    quotation: the answers become one survey answer linked to the order, the
    customer and the salesperson."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env, login="survey_salesman", groups="sales_team.group_sale_salesman"
        )
        cls.team = cls.env["crm.team"].create({"name": "Wholesale desk"})
        cls.other_team = cls.env["crm.team"].create({"name": "Online desk"})
        cls.customer = cls.env["res.partner"].create({"name": "Garden Centre Ltd"})
        cls.product = cls.env["product.product"].create(
            {"name": "Pallet of pots", "list_price": 250.0}
        )
        cls.survey = cls.env["survey.survey"].create(
            {
                "title": "Wholesale confirmation",
                "retail_is_store": True,
                "question_and_page_ids": [
                    Command.create(values) for values in store_questions(3)
                ],
            }
        )
        cls.rating, cls.found, cls.buyer_for = cls.survey.question_ids
        cls.yes = cls.found.suggested_answer_ids[0]
        cls.myself, cls.gift = cls.buyer_for.suggested_answer_ids[:2]
        cls.rule = cls.env["retail.survey.rule"].create(
            {"survey_id": cls.survey.id, "sale_team_ids": [Command.set(cls.team.ids)]}
        )

    def _quotation(self, team=None):
        return (
            self.env["sale.order"]
            .with_user(self.salesman)
            .create(
                {
                    "partner_id": self.customer.id,
                    "team_id": (team or self.team).id,
                    "user_id": self.salesman.id,
                    "order_line": [
                        Command.create(
                            {"product_id": self.product.id, "product_uom_qty": 4}
                        )
                    ],
                }
            )
        )

    def _confirm(self, order):
        return order.with_context(retail_survey_ask=True).action_confirm()

    def _wizard(self, order):
        action = self._confirm(order)
        self.assertEqual(action["res_model"], "retail.survey.sale.wizard")
        self.assertEqual(order.state, "draft", "not confirmed before the answers")
        wizard = self.env[action["res_model"]].with_user(self.salesman)
        return wizard.browse(action["res_id"])

    def _inputs(self, order):
        return self.env["survey.user_input"].search(
            [("retail_sale_order_id", "in", order.ids)]
        )

    def test_answers_linked_to_order_customer_and_salesperson(self):
        order = self._quotation()
        wizard = self._wizard(order)
        rating, found, buyer_for = wizard.line_ids
        self.assertEqual(wizard.line_ids.question_id, self.survey.question_ids)
        rating.rating = 4
        found.answer_ids = self.yes
        buyer_for.answer_ids = self.myself | self.gift
        wizard.action_answer()
        self.assertEqual(order.state, "sale")
        answer = self._inputs(order)
        self.assertRecordValues(
            answer,
            [
                {
                    "survey_id": self.survey.id,
                    "partner_id": self.customer.id,
                    "retail_cashier_id": self.salesman.id,
                    "retail_status": "answered",
                    "state": "done",
                    "retail_amount": order.amount_total,
                    "retail_units": 4.0,
                }
            ],
        )
        lines = answer.user_input_line_ids
        self.assertEqual(lines.filtered("value_scale").value_scale, 4)
        self.assertEqual(lines.suggested_answer_id, self.yes | self.myself | self.gift)

    def test_confirming_again_asks_once(self):
        order = self._quotation()
        self._wizard(order).action_skip()
        self.assertEqual(order.state, "sale")
        order._action_cancel()
        order.action_draft()
        self.assertIs(self._confirm(order), True, "asked already: confirmed at once")
        self.assertEqual(order.state, "sale")
        self.assertEqual(len(self._inputs(order)), 1)
        self.assertEqual(self._inputs(order).retail_status, "skipped")

    def test_skip_only_where_allowed(self):
        self.rule.allow_skip = False
        order = self._quotation()
        wizard = self._wizard(order)
        with self.assertRaisesRegex(UserError, "cannot be skipped"):
            wizard.action_skip()
        wizard.line_ids[0].rating = 5
        with self.assertRaisesRegex(UserError, "Did you find everything"):
            wizard.action_answer()
        self.assertEqual(order.state, "draft")
        self.assertFalse(self._inputs(order))

    def test_not_asked_for_other_teams_or_from_code(self):
        other = self._quotation(self.other_team)
        self.assertIs(self._confirm(other), True)
        self.assertEqual(other.state, "sale")
        from_code = self._quotation()
        from_code.action_confirm()
        self.assertEqual(from_code.state, "sale")
        self.assertFalse(self._inputs(other | from_code))

    def test_channel_rule_and_minimum_amount(self):
        channel = self.env["retail.channel"].search([], limit=1)
        self.assertTrue(channel, "retail_customer's channels")
        self.other_team.retail_channel_id = channel
        self.rule.write(
            {
                "sale_team_ids": [Command.clear()],
                "sale_channel_ids": [Command.set(channel.ids)],
            }
        )
        order = self._quotation(self.other_team)
        self.rule.min_amount = order.amount_total + 1
        self.assertIs(self._confirm(order), True, "below the minimum amount")
        self.rule.min_amount = 0
        self.assertEqual(
            self._wizard(self._quotation(self.other_team)).rule_id, self.rule
        )

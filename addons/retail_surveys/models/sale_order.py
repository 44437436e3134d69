# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, models
from odoo.fields import Domain


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def action_confirm(self):
        """The Confirm button (context retail_survey_ask) of one quotation whose
        team or channel has an active store questionnaire opens the
        questionnaire first; the wizard confirms. Confirmations from code
        (website, imports) never ask."""
        if self.env.context.get("retail_survey_ask") and len(self) == 1:
            rule = self._retail_survey_rule()
            if rule:
                return self._retail_survey_wizard_action(rule)
        return super().action_confirm()

    def _retail_survey_rule(self):
        """The asking rule of this quotation, or an empty recordset when it was
        already asked (once per order) or nothing applies."""
        self.ensure_one()
        Input = self.env["survey.user_input"].sudo()
        if self.state not in ("draft", "sent") or Input.search_count(
            Domain("retail_sale_order_id", "=", self.id), limit=1
        ):
            return self.env["retail.survey.rule"]
        return self.env["retail.survey.rule"].sudo()._retail_pick_sale(self)

    def _retail_survey_wizard_action(self, rule):
        wizard = self.env["retail.survey.sale.wizard"].create(
            {
                "order_id": self.id,
                "rule_id": rule.id,
                "line_ids": [
                    Command.create({"question_id": question.id})
                    for question in rule.sudo().survey_id.question_ids
                ],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "name": rule.sudo().survey_id.title,
            "res_model": wizard._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

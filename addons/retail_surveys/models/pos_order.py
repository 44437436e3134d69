# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.fields import Domain


class PosOrder(models.Model):
    _inherit = "pos.order"

    retail_survey_payload = fields.Json(
        string="Store Questionnaire Answers",
        copy=False,
        help="The questionnaire answered (or skipped) at the till, as sent with the "
        "order; turned into a survey answer when the order is synchronised.",
    )
    retail_survey_input_ids = fields.One2many(
        "survey.user_input",
        "retail_pos_order_id",
        string="Questionnaire Answers",
        readonly=True,
        # not for cashiers: the till loads every field of its orders
        groups="survey.group_survey_user",
    )

    @api.model
    def _retail_till_fields(self):
        return super()._retail_till_fields() | {"retail_survey_payload"}

    @api.model
    def sync_from_ui(self, orders):
        result = super().sync_from_ui(orders)
        uuids = [
            order["uuid"]
            for order in orders
            if order.get("uuid") and order.get("retail_survey_payload")
        ]
        if uuids:
            paid = self.search(
                Domain("uuid", "in", uuids)
                & Domain("state", "in", ["paid", "done", "invoiced"])
            )
            self.env["survey.user_input"].sudo()._retail_create_from_pos_orders(paid)
        return result

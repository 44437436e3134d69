# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class RetailSurveyAnswerReport(models.Model):
    """Answer lines: one row per answer given at a till (a chosen answer or
    a rating), with the store, cashier, customer, segment, channel and the
    order's amount and units. A plain view over two tables, read through
    their indexes and always up to date: the list of answers, the comparison
    export and questions per customer or cashier. The head office's pivot and
    graph read its daily counts, retail.survey.answer.stat."""

    _name = "retail.survey.answer.report"
    _inherit = ["retail.report.view.mixin"]
    _description = "Store Questionnaire Answers Analysis"
    _auto = False
    _order = "date desc, id desc"

    user_input_id = fields.Many2one(
        "survey.user_input", string="Response", readonly=True
    )
    survey_id = fields.Many2one("survey.survey", string="Questionnaire", readonly=True)
    question_id = fields.Many2one("survey.question", readonly=True)
    answer_id = fields.Many2one("survey.question.answer", readonly=True)
    rating = fields.Integer(readonly=True, aggregator="avg")
    date = fields.Datetime(readonly=True)
    config_id = fields.Many2one("pos.config", string="Store", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    cashier_id = fields.Many2one("res.users", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    identified = fields.Boolean(string="Identified Customer", readonly=True)
    segment_id = fields.Many2one("retail.segment", readonly=True)
    channel_id = fields.Many2one("retail.channel", readonly=True)
    order_id = fields.Many2one("pos.order", string="POS Order", readonly=True)
    answer_count = fields.Integer(string="Answers", readonly=True)
    order_amount = fields.Float(
        string="Average Basket", readonly=True, aggregator="avg"
    )
    order_units = fields.Float(string="Average Units", readonly=True, aggregator="avg")

    def _select_sql(self):
        return SQL(
            """
            SELECT l.id AS id,
                   ui.id AS user_input_id,
                   ui.survey_id,
                   l.question_id,
                   l.suggested_answer_id AS answer_id,
                   CASE WHEN l.answer_type = 'scale' THEN l.value_scale END AS rating,
                   ui.retail_date AS date,
                   ui.retail_config_id AS config_id,
                   ui.retail_company_id AS company_id,
                   ui.retail_cashier_id AS cashier_id,
                   ui.partner_id,
                   ui.partner_id IS NOT NULL AS identified,
                   ui.retail_segment_id AS segment_id,
                   ui.retail_channel_id AS channel_id,
                   ui.retail_pos_order_id AS order_id,
                   1 AS answer_count,
                   ui.retail_amount AS order_amount,
                   ui.retail_units AS order_units
              FROM survey_user_input_line l
              JOIN survey_user_input ui ON ui.id = l.user_input_id
             WHERE ui.retail_status = 'answered'
               AND l.skipped IS NOT TRUE
            """
        )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class RetailSurveyResponseReport(models.Model):
    """One row per questionnaire asked at a till: answered or skipped, by
    store and cashier (the response rate is the average of `answered`)."""

    _name = "retail.survey.response.report"
    _inherit = ["retail.report.view.mixin"]
    _description = "Store Questionnaire Response Rate"
    _auto = False
    _order = "date desc, id desc"

    survey_id = fields.Many2one("survey.survey", string="Questionnaire", readonly=True)
    date = fields.Datetime(readonly=True)
    config_id = fields.Many2one("pos.config", string="Store", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    cashier_id = fields.Many2one("res.users", readonly=True)
    identified = fields.Boolean(string="Identified Customer", readonly=True)
    status = fields.Selection(
        [("answered", "Answered"), ("skipped", "Skipped")], readonly=True
    )
    asked_count = fields.Integer(string="Asked", readonly=True)
    answered_count = fields.Integer(string="Answered", readonly=True)
    skipped_count = fields.Integer(string="Skipped", readonly=True)
    response_rate = fields.Float(
        string="Response Rate (%)", readonly=True, aggregator="avg"
    )
    duration = fields.Float(string="Answer Time (s)", readonly=True, aggregator="avg")

    def _select_sql(self):
        return SQL(
            """
            SELECT ui.id AS id,
                   ui.survey_id,
                   ui.retail_date AS date,
                   ui.retail_config_id AS config_id,
                   ui.retail_company_id AS company_id,
                   ui.retail_cashier_id AS cashier_id,
                   ui.partner_id IS NOT NULL AS identified,
                   ui.retail_status AS status,
                   1 AS asked_count,
                   (ui.retail_status = 'answered')::int AS answered_count,
                   (ui.retail_status = 'skipped')::int AS skipped_count,
                   CASE WHEN ui.retail_status = 'answered' THEN 100.0 ELSE 0.0 END
                       AS response_rate,
                   CASE WHEN ui.retail_status = 'answered'
                        THEN ui.retail_duration END AS duration
              FROM survey_user_input ui
             WHERE ui.retail_status IS NOT NULL
            """
        )

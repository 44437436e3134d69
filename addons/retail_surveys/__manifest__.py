# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Retail Surveys",
    "summary": "Store questionnaires answered at the POS checkout in seconds, "
    "stored as survey answers and analysed per store",
    "version": "19.0.1.1.0",
    "category": "Sales/Point of Sale",
    "author": "Retail CRM Suite",
    "website": "https://github.com/retail-crm-suite/retail-crm",
    "license": "LGPL-3",
    "depends": ["retail_customer", "survey", "point_of_sale", "sale"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/retail_surveys_security.xml",
        "security/ir.model.access.csv",
        "views/survey_survey_views.xml",
        "views/retail_survey_rule_views.xml",
        "views/survey_user_input_views.xml",
        "views/pos_order_views.xml",
        "views/sale_order_views.xml",
        "report/retail_survey_answer_report_views.xml",
        "report/retail_survey_answer_stat_views.xml",
        "report/retail_survey_response_report_views.xml",
        "wizards/retail_survey_analysis_export_views.xml",
        "wizards/retail_survey_sale_wizard_views.xml",
        "views/retail_surveys_menus.xml",
        "data/ir_cron_data.xml",
    ],
    "post_init_hook": "post_init_hook",
    "assets": {
        "point_of_sale._assets_pos": ["retail_surveys/static/src/**/*"],
        "web.assets_tests": ["retail_surveys/static/tests/tours/**/*"],
        "web.assets_unit_tests": ["retail_surveys/static/tests/unit/**/*"],
    },
    "installable": True,
}

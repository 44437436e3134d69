# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Retail Loyalty",
    "summary": "Point brackets, tiers, return window and expiry on Odoo loyalty",
    "version": "19.0.1.0.0",
    "category": "Sales/Point of Sale",
    "author": "Retail CRM Suite",
    "website": "https://github.com/retail-crm-suite/retail-crm",
    "license": "LGPL-3",
    "depends": ["retail_card", "pos_loyalty", "sale_loyalty", "sms"],
    "data": [
        "security/retail_loyalty_security.xml",
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "data/retail_loyalty_adjust_reason_data.xml",
        "data/mail_template_data.xml",
        "views/loyalty_program_views.xml",
        "views/loyalty_card_views.xml",
        "views/retail_loyalty_adjust_reason_views.xml",
        "views/res_partner_views.xml",
        "report/retail_loyalty_report_views.xml",
        "views/loyalty_rule_views.xml",
        "views/retail_loyalty_order_points_views.xml",
        "wizards/retail_loyalty_adjust_views.xml",
        "views/retail_loyalty_menus.xml",
    ],
    "demo": ["demo/loyalty_program_demo.xml"],
    "assets": {
        "point_of_sale._assets_pos": ["retail_loyalty/static/src/**/*"],
        "web.assets_tests": ["retail_loyalty/static/tests/tours/**/*"],
    },
    "installable": True,
}

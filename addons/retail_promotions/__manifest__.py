# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Retail Promotions",
    "summary": "Retail promotion types, week-day and hour schedules, exclusivity",
    "version": "19.0.1.0.0",
    "category": "Sales/Point of Sale",
    "author": "Retail CRM Suite",
    "website": "https://github.com/retail-crm-suite/retail-crm",
    "license": "LGPL-3",
    "depends": ["retail_customer", "pos_loyalty", "sale_loyalty"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "views/loyalty_program_views.xml",
        "security/ir.model.access.csv",
        "security/retail_promotions_security.xml",
        "views/res_partner_views.xml",
        "views/pos_order_views.xml",
        "views/sale_order_views.xml",
        "report/retail_promotion_report_views.xml",
        "wizards/retail_promotion_results_export_views.xml",
        "wizards/retail_promotion_explanation_views.xml",
        "views/retail_promotions_menus.xml",
    ],
    "demo": ["demo/loyalty_program_demo.xml"],
    "assets": {
        "point_of_sale._assets_pos": ["retail_promotions/static/src/**/*"],
        "web.assets_tests": ["retail_promotions/static/tests/tours/**/*"],
        "web.assets_unit_tests": ["retail_promotions/static/tests/unit/**/*"],
    },
    "installable": True,
}

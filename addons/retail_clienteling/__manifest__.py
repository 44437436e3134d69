# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Retail Clienteling",
    "summary": "The customer's history and instant suggestions at the till, personal "
    "messages on the receipt, buying-behaviour analysis",
    "version": "19.0.1.0.0",
    "category": "Sales/Point of Sale",
    "author": "Retail CRM Suite",
    "website": "https://github.com/retail-crm-suite/retail-crm",
    "license": "LGPL-3",
    "depends": [
        "retail_customer_kpi",
        "retail_card",
        "retail_marketing",
        "pos_sale",
        "event",
    ],
    "data": [
        "security/retail_product_pair_security.xml",
        "security/retail_receipt_rule_security.xml",
        "security/ir.model.access.csv",
        "data/ir_cron_product_pair_data.xml",
        "views/retail_product_pair_views.xml",
        "views/res_config_settings_clienteling_views.xml",
        "views/retail_receipt_rule_views.xml",
        "views/pos_order_receipt_views.xml",
        "report/retail_clienteling_analysis_views.xml",
    ],
    "assets": {
        "point_of_sale._assets_pos": ["retail_clienteling/static/src/**/*"],
        "web.assets_tests": ["retail_clienteling/static/tests/tours/**/*"],
    },
    "installable": True,
}

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Retail Customer",
    "summary": "One customer file for stores, wholesale, franchisees and online",
    "version": "19.0.1.1.0",
    "category": "Sales/Point of Sale",
    "author": "Retail CRM Suite",
    "website": "https://github.com/retail-crm-suite/retail-crm",
    "license": "LGPL-3",
    "depends": ["point_of_sale", "sale_management", "phone_validation"],
    "external_dependencies": {
        "python": ["phonenumbers", "xlsxwriter", "python-stdnum"]
    },
    "data": [
        "security/retail_customer_security.xml",
        "security/ir.model.access.csv",
        "data/retail_channel_data.xml",
        "data/ir_sequence_data.xml",
        "data/ir_cron_data.xml",
        "views/retail_channel_views.xml",
        "views/retail_segment_views.xml",
        "views/res_partner_views.xml",
        "views/res_company_views.xml",
        "views/pos_order_views.xml",
        "views/sale_order_views.xml",
        "views/crm_team_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/retail_customer_export_views.xml",
        "views/retail_customer_menus.xml",
    ],
    "demo": ["demo/res_partner_demo.xml", "demo/sale_order_demo.xml"],
    "assets": {
        "point_of_sale._assets_pos": ["retail_customer/static/src/**/*"],
        "web.assets_tests": ["retail_customer/static/tests/tours/**/*"],
        "web.assets_unit_tests": ["retail_customer/static/tests/unit/**/*"],
    },
    "pre_init_hook": "pre_init_hook",
    "post_init_hook": "post_init_hook",
    "installable": True,
}

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Retail Gift Cards",
    "summary": "Numbered, reloadable gift cards sold, loaded and spent as money",
    "version": "19.0.1.0.0",
    "category": "Sales/Point of Sale",
    "author": "Retail CRM Suite",
    "website": "https://github.com/retail-crm-suite/retail-crm",
    "license": "LGPL-3",
    "depends": ["retail_card", "pos_loyalty", "sale_loyalty", "account"],
    "external_dependencies": {"python": ["openpyxl", "xlsxwriter"]},
    "data": [
        "security/retail_giftcard_security.xml",
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "views/retail_giftcard_series_views.xml",
        "views/loyalty_card_views.xml",
        "views/res_company_views.xml",
        "views/pos_payment_method_views.xml",
        "wizards/retail_giftcard_generate_views.xml",
        "wizards/retail_giftcard_block_views.xml",
        "wizards/retail_giftcard_load_views.xml",
        "wizards/retail_giftcard_outstanding_views.xml",
        "views/retail_giftcard_menus.xml",
    ],
    "demo": ["demo/retail_giftcard_series_demo.xml"],
    "assets": {
        "point_of_sale._assets_pos": ["retail_giftcard/static/src/**/*"],
        "web.assets_tests": ["retail_giftcard/static/tests/tours/**/*"],
    },
    "installable": True,
}

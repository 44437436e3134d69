# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Retail After-Sales - Store Credit on Gift Cards",
    "summary": "Pay a refund at the till out as credit on a new or existing gift card",
    "version": "19.0.1.0.0",
    "category": "Sales/Point of Sale",
    "author": "Retail CRM Suite",
    "website": "https://github.com/retail-crm-suite/retail-crm",
    "license": "LGPL-3",
    "depends": ["retail_aftersales", "retail_giftcard"],
    "data": [
        "views/res_config_settings_views.xml",
    ],
    "assets": {
        "point_of_sale._assets_pos": ["retail_aftersales_giftcard/static/src/**/*"],
        "web.assets_tests": ["retail_aftersales_giftcard/static/tests/tours/**/*"],
    },
    "installable": True,
    "auto_install": True,
}

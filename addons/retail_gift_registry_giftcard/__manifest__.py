# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Retail Gift Registry - Gift Cards",
    "summary": "Settle gift lists onto a retail gift card, with its accounting",
    "version": "19.0.2.0.0",
    "category": "Sales/Point of Sale",
    "author": "Retail CRM Suite",
    "website": "https://github.com/retail-crm-suite/retail-crm",
    "license": "LGPL-3",
    "depends": ["retail_gift_registry", "retail_giftcard"],
    "data": [
        "views/res_config_settings_views.xml",
        "views/retail_gift_registry_views.xml",
    ],
    "installable": True,
    "auto_install": True,
}

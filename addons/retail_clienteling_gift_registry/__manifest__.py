# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Retail Clienteling Gift Registry",
    "summary": "The customer's active gift lists on the till's customer panel, "
    "opened at the till in one tap",
    "version": "19.0.1.0.0",
    "category": "Sales/Point of Sale",
    "author": "Retail CRM Suite",
    "website": "https://github.com/retail-crm-suite/retail-crm",
    "license": "LGPL-3",
    "depends": ["retail_clienteling", "retail_gift_registry"],
    "assets": {
        "point_of_sale._assets_pos": [
            "retail_clienteling_gift_registry/static/src/**/*"
        ],
        "web.assets_tests": [
            "retail_clienteling_gift_registry/static/tests/tours/**/*"
        ],
    },
    "auto_install": True,
    "installable": True,
}

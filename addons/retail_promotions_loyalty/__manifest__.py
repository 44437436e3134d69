# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Retail Promotions Loyalty",
    "summary": "Extra loyalty points per product group, scheduled as a promotion",
    "version": "19.0.1.0.0",
    "category": "Sales/Point of Sale",
    "author": "Retail CRM Suite",
    "website": "https://github.com/retail-crm-suite/retail-crm",
    "license": "LGPL-3",
    "depends": ["retail_promotions", "retail_loyalty"],
    "data": ["views/loyalty_program_views.xml"],
    "demo": ["demo/loyalty_program_demo.xml"],
    "assets": {
        "point_of_sale._assets_pos": ["retail_promotions_loyalty/static/src/**/*"],
        "web.assets_tests": ["retail_promotions_loyalty/static/tests/tours/**/*"],
        "web.assets_unit_tests": ["retail_promotions_loyalty/static/tests/unit/**/*"],
    },
    "auto_install": True,
    "installable": True,
}

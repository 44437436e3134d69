# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Retail Till Speed",
    "summary": "Faster promotion recomputation at the till, switched off by itself for "
    "any native function that an Odoo update changed",
    "version": "19.0.1.0.0",
    "category": "Sales/Point of Sale",
    "author": "Retail CRM Suite",
    "website": "https://github.com/retail-crm-suite/retail-crm",
    "license": "LGPL-3",
    "depends": ["retail_promotions"],
    "data": ["views/res_config_settings_views.xml"],
    "assets": {
        "point_of_sale._assets_pos": [
            # right after pos_loyalty's order model, before any other module's patch
            # of it: the faster pointsForPrograms takes the place of pos_loyalty's in
            # the chain of patches, under those of the other modules
            (
                "after",
                "pos_loyalty/static/src/app/models/pos_order.js",
                "retail_pos_speed/static/src/natives/**/*",
            ),
            "retail_pos_speed/static/src/app/**/*",
        ],
        "web.assets_tests": ["retail_pos_speed/static/tests/tours/**/*"],
    },
    "auto_install": True,
    "installable": True,
}

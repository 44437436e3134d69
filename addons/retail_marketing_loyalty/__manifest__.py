# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Retail Marketing Loyalty",
    "summary": "Campaigns chosen and personalised with loyalty points, tiers and "
    "points about to expire",
    "version": "19.0.1.0.0",
    "category": "Marketing/Email Marketing",
    "author": "Retail CRM Suite",
    "website": "https://github.com/retail-crm-suite/retail-crm",
    "license": "LGPL-3",
    "depends": ["retail_marketing", "retail_loyalty"],
    "data": [
        "security/ir.model.access.csv",
        "views/res_partner_views.xml",
        "wizards/retail_loyalty_adjust_views.xml",
        "wizards/retail_marketing_notice_send_views.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "retail_marketing_loyalty/static/tests/tours/**/*",
        ],
    },
    "auto_install": True,
    "installable": True,
}

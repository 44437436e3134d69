# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Retail Cards",
    "summary": "Retail Cards: ledger and security of points and gift-card money",
    "version": "19.0.1.0.0",
    "category": "Sales/Point of Sale",
    "author": "Retail CRM Suite",
    "website": "https://github.com/retail-crm-suite/retail-crm",
    "license": "LGPL-3",
    "depends": ["retail_customer", "loyalty", "pos_loyalty", "sale_loyalty"],
    "data": [
        "security/retail_card_security.xml",
        "security/ir.model.access.csv",
        "views/loyalty_card_views.xml",
        "views/loyalty_history_views.xml",
        "wizards/loyalty_card_update_balance_views.xml",
        "views/retail_card_lookup_failure_views.xml",
        "views/res_config_settings_views.xml",
        "data/ir_cron_data.xml",
    ],
    "assets": {
        "point_of_sale._assets_pos": ["retail_card/static/src/**/*"],
    },
    "installable": True,
}

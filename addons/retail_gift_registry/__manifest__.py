# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Retail Gift Registry",
    "summary": "Wedding, birth and other gift lists sold in store and on sale orders",
    "version": "19.0.1.0.0",
    "category": "Sales/Point of Sale",
    "author": "Retail CRM Suite",
    "website": "https://github.com/retail-crm-suite/retail-crm",
    "license": "LGPL-3",
    "depends": ["retail_card", "point_of_sale", "sale_stock"],
    "data": [
        "security/retail_gift_registry_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/retail_gift_registry_type_data.xml",
        "data/product_product_data.xml",
        "views/retail_gift_registry_type_views.xml",
        "views/retail_gift_registry_views.xml",
        "views/retail_gift_registry_item_views.xml",
        "views/retail_gift_registry_purchase_views.xml",
        "views/sale_order_views.xml",
        "views/res_config_settings_views.xml",
        "views/retail_gift_registry_menus.xml",
        "views/stock_picking_views.xml",
        "data/ir_cron_data.xml",
    ],
    "demo": ["demo/retail_gift_registry_demo.xml"],
    "assets": {
        "point_of_sale._assets_pos": ["retail_gift_registry/static/src/**/*"],
        "web.assets_tests": ["retail_gift_registry/static/tests/tours/**/*"],
    },
    "installable": True,
}

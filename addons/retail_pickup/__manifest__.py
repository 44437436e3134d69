# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Retail Pick-up Messages",
    "summary": "Reservations held in a store: the customer is told once when the "
    "goods are ready, reminded before the hold ends, released at expiry",
    "version": "19.0.1.0.0",
    "category": "Sales/Point of Sale",
    "author": "Retail CRM Suite",
    "website": "https://github.com/retail-crm-suite/retail-crm",
    "license": "LGPL-3",
    "depends": ["retail_customer", "sale_stock", "pos_sale", "sms"],
    "data": [
        "security/retail_pickup_security.xml",
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "data/ir_actions_server_data.xml",
        "views/stock_warehouse_views.xml",
        "views/sale_order_views.xml",
        "views/retail_pickup_message_views.xml",
        "views/retail_pickup_menus.xml",
    ],
    "assets": {
        "point_of_sale._assets_pos": ["retail_pickup/static/src/**/*"],
        "web.assets_tests": ["retail_pickup/static/tests/tours/**/*"],
    },
    "installable": True,
}

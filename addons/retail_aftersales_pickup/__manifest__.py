# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Retail After-Sales Pick-up Messages",
    "summary": "The customer of a finished service is told once, like a ready "
    "reservation: store, address, opening hours, held until",
    "version": "19.0.1.0.0",
    "category": "Sales/Point of Sale",
    "author": "Retail CRM Suite",
    "website": "https://github.com/retail-crm-suite/retail-crm",
    "license": "LGPL-3",
    "depends": ["retail_aftersales", "retail_pickup"],
    "data": [
        "views/repair_order_views.xml",
        "views/retail_pickup_message_views.xml",
    ],
    "auto_install": True,
    "installable": True,
}

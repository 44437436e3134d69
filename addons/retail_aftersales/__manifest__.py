# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Retail After-Sales Services",
    "summary": "Alterations, repairs and warranty claims taken at the till from the "
    "customer's purchases, followed to collection",
    "version": "19.0.1.0.0",
    "category": "Sales/Point of Sale",
    "author": "Retail CRM Suite",
    "website": "https://github.com/retail-crm-suite/retail-crm",
    "license": "LGPL-3",
    "depends": ["retail_customer", "repair", "pos_repair", "pos_sale"],
    "data": [
        "security/retail_aftersales_security.xml",
        "security/ir.model.access.csv",
        "data/barcode_rule_data.xml",
        "views/product_template_views.xml",
        "views/repair_order_views.xml",
    ],
    "assets": {
        "point_of_sale._assets_pos": ["retail_aftersales/static/src/**/*"],
        "web.assets_tests": ["retail_aftersales/static/tests/tours/**/*"],
    },
    "installable": True,
}

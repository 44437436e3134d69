# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Retail Incidents",
    "summary": "Customer incidents raised by hand or by rules on orders, "
    "deliveries, invoices and POS refunds",
    "version": "19.0.1.0.0",
    "category": "Sales/Point of Sale",
    "author": "Retail CRM Suite",
    "website": "https://github.com/retail-crm-suite/retail-crm",
    "license": "LGPL-3",
    "depends": ["retail_customer", "sale_stock", "account", "point_of_sale", "mail"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/retail_incidents_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/retail_incident_category_data.xml",
        "views/retail_incident_views.xml",
        "views/retail_incident_category_views.xml",
        "views/retail_incident_rule_views.xml",
        "views/retail_incident_document_views.xml",
        "views/res_partner_views.xml",
        "views/sale_order_views.xml",
        "views/stock_picking_views.xml",
        "views/account_move_views.xml",
        "views/pos_order_views.xml",
        "report/retail_incident_report_views.xml",
        "wizards/retail_incident_analysis_export_views.xml",
        "views/retail_incidents_menus.xml",
    ],
    "demo": ["demo/retail_incident_rule_demo.xml", "demo/retail_incident_demo.xml"],
    "assets": {
        "point_of_sale._assets_pos": ["retail_incidents/static/src/**/*"],
        "web.assets_tests": ["retail_incidents/static/tests/tours/**/*"],
    },
    "post_init_hook": "post_init_hook",
    "installable": True,
}

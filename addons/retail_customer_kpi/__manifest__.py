# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Retail Customer KPIs",
    "summary": "Purchase KPIs of each customer from its POS and sale orders, and "
    "customer statistics",
    "version": "19.0.1.0.0",
    "category": "Sales/Point of Sale",
    "author": "Retail CRM Suite",
    "website": "https://github.com/retail-crm-suite/retail-crm",
    "license": "LGPL-3",
    "depends": ["retail_customer"],
    "data": [
        "security/retail_customer_kpi_security.xml",
        "security/ir.model.access.csv",
        "views/res_partner_views.xml",
        "report/retail_customer_report_views.xml",
        "report/retail_customer_segment_report_views.xml",
        "views/retail_customer_kpi_menus.xml",
    ],
    "auto_install": True,
    "installable": True,
}

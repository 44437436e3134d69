# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Retail Customer GDPR",
    "summary": "Erasure and export of a customer's personal data on request, with "
    "their audit trail",
    "version": "19.0.1.0.0",
    "category": "Sales/Point of Sale",
    "author": "Retail CRM Suite",
    "website": "https://github.com/retail-crm-suite/retail-crm",
    "license": "LGPL-3",
    "depends": ["retail_customer"],
    "data": [
        "security/retail_customer_gdpr_security.xml",
        "security/ir.model.access.csv",
        "data/ir_actions_server_data.xml",
        "wizards/retail_gdpr_anonymize_views.xml",
        "views/retail_gdpr_request_views.xml",
        "views/retail_customer_gdpr_menus.xml",
    ],
    "auto_install": True,
    "installable": True,
}

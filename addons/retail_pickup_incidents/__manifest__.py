# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Retail Pick-up Incidents",
    "summary": "An incident for the store when a reservation is not collected "
    "before its hold ends",
    "version": "19.0.1.0.0",
    "category": "Sales/Point of Sale",
    "author": "Retail CRM Suite",
    "website": "https://github.com/retail-crm-suite/retail-crm",
    "license": "LGPL-3",
    "depends": ["retail_pickup", "retail_incidents"],
    "data": [],
    "auto_install": True,
    "installable": True,
}

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Retail After-Sales Incidents",
    "summary": "An incident for the store per late service and per warranty claim",
    "version": "19.0.1.0.0",
    "category": "Sales/Point of Sale",
    "author": "Retail CRM Suite",
    "website": "https://github.com/retail-crm-suite/retail-crm",
    "license": "LGPL-3",
    "depends": ["retail_aftersales", "retail_incidents"],
    "data": ["data/ir_cron_data.xml"],
    "post_init_hook": "post_init_hook",
    "auto_install": True,
    "installable": True,
}

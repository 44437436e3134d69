# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Retail Clienteling Incidents",
    "summary": "The customer's open incidents on the till's customer panel",
    "version": "19.0.1.0.0",
    "category": "Sales/Point of Sale",
    "author": "Retail CRM Suite",
    "website": "https://github.com/retail-crm-suite/retail-crm",
    "license": "LGPL-3",
    "depends": ["retail_clienteling", "retail_incidents"],
    "assets": {
        "point_of_sale._assets_pos": ["retail_clienteling_incidents/static/src/**/*"],
        "web.assets_tests": ["retail_clienteling_incidents/static/tests/tours/**/*"],
    },
    "auto_install": True,
    "installable": True,
}

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Retail Marketing Gift Cards",
    "summary": "Campaigns to the holders of gift cards and vouchers about to "
    "expire, with their balance and expiry",
    "version": "19.0.1.0.0",
    "category": "Marketing/Email Marketing",
    "author": "Retail CRM Suite",
    "website": "https://github.com/retail-crm-suite/retail-crm",
    "license": "LGPL-3",
    "depends": ["retail_marketing", "retail_giftcard"],
    "data": ["views/res_partner_views.xml"],
    "auto_install": True,
    "installable": True,
}

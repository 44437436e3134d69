# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Retail Marketing Coupons",
    "summary": "A personal coupon per recipient of a campaign, redeemable at the "
    "till and on sale orders, its redemptions counted per campaign",
    "version": "19.0.1.1.0",
    "category": "Marketing/Email Marketing",
    "author": "Retail CRM Suite",
    "website": "https://github.com/retail-crm-suite/retail-crm",
    "license": "LGPL-3",
    "depends": ["retail_marketing", "retail_card"],
    "data": ["views/mailing_mailing_views.xml"],
    "auto_install": True,
    "installable": True,
}

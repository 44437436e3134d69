# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Retail Marketing",
    "summary": "Email and SMS campaigns on the customer file, with consent, "
    "holdout groups and measured purchases, on Odoo's mass mailing",
    "version": "19.0.1.0.0",
    "category": "Marketing/Email Marketing",
    "author": "Retail CRM Suite",
    "website": "https://github.com/retail-crm-suite/retail-crm",
    "license": "LGPL-3",
    "depends": [
        "retail_customer_kpi",
        "mass_mailing",
        "mass_mailing_sms",
        "sms",
        "link_tracker",
        "utm",
    ],
    "data": [
        "security/retail_marketing_security.xml",
        "security/ir.model.access.csv",
        "data/ir_actions_server_data.xml",
        "data/ir_cron_data.xml",
        "report/retail_marketing_result_report_views.xml",
        "views/mailing_mailing_views.xml",
        "views/utm_campaign_views.xml",
        "views/retail_marketing_holdout_views.xml",
        "views/mailing_mailing_occasion_views.xml",
        "views/res_partner_views.xml",
        "wizards/retail_customer_export_views.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "retail_marketing/static/src/js/**/*",
        ],
    },
    "installable": True,
}

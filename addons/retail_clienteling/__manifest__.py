# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Retail Clienteling",
    "summary": "The customer's history and instant suggestions at the till, personal "
    "messages on the receipt, buying-behaviour analysis",
    "version": "19.0.1.0.0",
    "category": "Sales/Point of Sale",
    "author": "Retail CRM Suite",
    "website": "https://github.com/retail-crm-suite/retail-crm",
    "license": "LGPL-3",
    "depends": ["retail_customer_kpi", "retail_card", "pos_sale", "event"],
    "data": [],
    "installable": True,
}

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Demo data that cannot be written as records: the Gift Card payment method on
the demo tills, set when the module is installed with its demo data."""

from odoo import Command


def post_init_hook(env):
    if env.ref("base.module_retail_giftcard").demo:
        add_giftcard_method_to_tills(env.ref("base.main_company"))


def add_giftcard_method_to_tills(companies):
    """The Gift Card payment method on the tills of `companies` that have a chart
    of accounts, but not on a till with a session open (its payment methods are
    fixed until it closes)."""
    for company in companies.filtered("chart_template"):
        tills = (
            company.env["pos.config"]
            .search([("company_id", "=", company.id)])
            .filtered(lambda till: not till.current_session_id)
        )
        if tills:
            method = company._retail_giftcard_payment_method()
            tills.write({"payment_method_ids": [Command.link(method.id)]})

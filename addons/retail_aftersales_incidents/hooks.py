# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def post_init_hook(env):
    """The late service and warranty claim rules for every company, so that
    both become incidents from the start (edit or archive them in the rules)."""
    env["retail.incident.rule"]._retail_create_default_rules(
        env["res.company"].search([])
    )

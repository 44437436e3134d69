# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def post_init_hook(env):
    """Every company gets the default incident rules (till figures corrected
    by the server...), so that those events become incidents from the start;
    new companies get them when created."""
    env["retail.incident.rule"]._retail_create_default_rules(
        env["res.company"].search([])
    )

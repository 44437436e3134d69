# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def post_init_hook(env):
    """One active rule per company for the offline card shortfall event, so
    that shortfalls become incidents from the start (edit or archive them in
    the incident rules)."""
    env["retail.incident.rule"]._retail_card_shortfall_rules(
        env["res.company"].search([])
    )

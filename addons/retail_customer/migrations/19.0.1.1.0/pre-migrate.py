# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The purchase KPIs and the personal data requests are modules of their own,
which install themselves with this one: a database updated from an earlier
version installs them in the same run, so that their fields, tables and data
stay (updated alone, this module would drop them)."""


def migrate(cr, version):
    cr.execute(
        """
        UPDATE ir_module_module SET state = 'to install'
         WHERE name IN ('retail_customer_kpi', 'retail_customer_gdpr')
           AND state = 'uninstalled'
        """
    )

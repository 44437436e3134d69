# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ResPartner(models.Model):
    """What other modules add to the till's customer panel, without this module
    depending on them: each extends these hooks with ``super()``."""

    _inherit = "res.partner"

    def _retail_clienteling_facts(self, config):
        """Short facts of the customer shown as badges on the panel at the till
        ``config`` (points, tier...).

        :return: [{"key": str, "label": str, "value": str}]
        """
        self.ensure_one()
        return []

    def _retail_clienteling_sections(self, config):
        """Lists shown on the panel (open incidents, active gift lists...):
        ``items`` are shown as a list of lines; a module that shows more
        (columns, a button) sends its ``rows`` too and extends the panel's
        template for its ``key``.

        :return: [{"key": str, "title": str, "items": [str], "rows": [dict]}]
        """
        self.ensure_one()
        return []

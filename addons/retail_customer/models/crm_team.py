# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CrmTeam(models.Model):
    _inherit = "crm.team"

    retail_channel_id = fields.Many2one(
        "retail.channel",
        string="Channel",
        help="Channel recorded on the sale orders of this team.",
    )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class RetailIncidentCategory(models.Model):
    _name = "retail.incident.category"
    _inherit = ["pos.load.mixin"]
    _description = "Incident Category"
    _order = "sequence, name, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Leave empty to share the category with every company of the group.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Default Responsible",
        help="Responsible of incidents logged in this category at the till.",
    )

    @api.model
    def _load_pos_data_domain(self, data, config):
        return [("company_id", "in", [config.company_id.id, False])]

    @api.model
    def _load_pos_data_fields(self, config):
        return ["id", "name"]

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RetailClientelingReportMixin(models.AbstractModel):
    """What the till's sales analyses of clienteling are read by: one row per
    till order line, with its date, product, category, store, store group (the
    till's sales team) and company."""

    _name = "retail.clienteling.report.mixin"
    _inherit = ["retail.report.view.mixin"]
    _description = "Clienteling Analysis Dimensions"
    _order = "date desc, id desc"

    date = fields.Datetime(readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    categ_id = fields.Many2one(
        "product.category", string="Product Category", readonly=True
    )
    config_id = fields.Many2one("pos.config", string="Store", readonly=True)
    crm_team_id = fields.Many2one("crm.team", string="Store Group", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)

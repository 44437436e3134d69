# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    retail_channel_id = fields.Many2one(
        "retail.channel",
        string="Channel",
        compute="_compute_retail_channel_id",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
        help="Channel of the order: from the sales team, or chosen here.",
    )

    @api.depends("team_id")
    def _compute_retail_channel_id(self):
        for order in self:
            order.retail_channel_id = (
                order.team_id.retail_channel_id
                or order.retail_channel_id
                or self.env.ref(
                    "retail_customer.retail_channel_wholesale", raise_if_not_found=False
                )
            )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.fields import Domain


class ProductPricelist(models.Model):
    _inherit = "product.pricelist"

    retail_gift_registry_id = fields.Many2one(
        "retail.gift.registry",
        string="Gift List Offer",
        index="btree_not_null",
        readonly=True,
        copy=False,
        help="The owners of this settled gift list get this pricelist: the items "
        "nobody bought at the list's discount until the offer's end date.",
    )

    @api.model
    def _load_pos_data_domain(self, data, config):
        # the owners' offers of the till's company load with the till's
        # pricelists, so that choosing an owner as customer applies it
        domain = super()._load_pos_data_domain(data, config)
        return Domain.OR(
            [
                domain,
                [
                    ("retail_gift_registry_id", "!=", False),
                    ("company_id", "in", (config.company_id.id, False)),
                ],
            ]
        )

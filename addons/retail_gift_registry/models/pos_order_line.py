# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

LINK_FIELDS = (
    "gift_registry_id",
    "gift_registry_item_id",
    "gift_registry_guest",
    "gift_registry_message",
    "gift_registry_keep",
)


class PosOrderLine(models.Model):
    _inherit = "pos.order.line"

    gift_registry_id = fields.Many2one(
        "retail.gift.registry",
        string="Gift List",
        index="btree_not_null",
        ondelete="restrict",
    )
    gift_registry_item_id = fields.Many2one(
        "retail.gift.registry.item",
        string="Gift List Item",
        index="btree_not_null",
        ondelete="restrict",
    )
    gift_registry_guest = fields.Char(string="Guest Name")
    gift_registry_message = fields.Text(string="Guest Message")
    gift_registry_keep = fields.Boolean(string="Kept for the Owners")
    gift_registry_surplus_qty = fields.Float(
        string="Bought Beyond the List", readonly=True, copy=False
    )

    @api.model
    def _load_pos_data_fields(self, config):
        return super()._load_pos_data_fields(config) + list(LINK_FIELDS)

    @api.model_create_multi
    def create(self, vals_list):
        # A refund line keeps the link of the line it refunds (the till sends
        # refunded_orderline_id only): one read for the whole batch.
        refunded_ids = {
            vals["refunded_orderline_id"]
            for vals in vals_list
            if vals.get("refunded_orderline_id") and not vals.get("gift_registry_id")
        }
        if refunded_ids:
            refunded = {
                line.id: line
                for line in self.browse(refunded_ids).filtered("gift_registry_id")
            }
            for vals in vals_list:
                line = refunded.get(vals.get("refunded_orderline_id"))
                if line and not vals.get("gift_registry_id"):
                    vals.update(
                        {
                            "gift_registry_id": line.gift_registry_id.id,
                            "gift_registry_item_id": line.gift_registry_item_id.id,
                            "gift_registry_guest": line.gift_registry_guest,
                            "gift_registry_keep": line.gift_registry_keep,
                        }
                    )
        return super().create(vals_list)

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

LINK_FIELDS = (
    "retail_gift_registry_id",
    "retail_gift_registry_item_id",
    "retail_gift_registry_guest",
    "retail_gift_registry_message",
    "retail_gift_registry_keep",
)


class PosOrderLine(models.Model):
    _inherit = "pos.order.line"

    retail_gift_registry_id = fields.Many2one(
        "retail.gift.registry",
        string="Gift List",
        index="btree_not_null",
        ondelete="restrict",
    )
    retail_gift_registry_item_id = fields.Many2one(
        "retail.gift.registry.item",
        string="Gift List Item",
        index="btree_not_null",
        ondelete="restrict",
    )
    retail_gift_registry_guest = fields.Char(string="Guest Name")
    retail_gift_registry_message = fields.Text(string="Guest Message")
    retail_gift_registry_keep = fields.Boolean(string="Kept for the Owners")
    retail_gift_registry_surplus_qty = fields.Float(
        string="Bought Beyond the List", readonly=True, copy=False
    )
    retail_gift_registry_exchange_of_id = fields.Many2one(
        "pos.order.line",
        string="Exchange of",
        index="btree_not_null",
        readonly=True,
        copy=False,
        help="The refunded gift of the list this line replaces at the till.",
    )
    retail_gift_registry_exchanged_for_ids = fields.One2many(
        "pos.order.line",
        "retail_gift_registry_exchange_of_id",
        string="Exchanged for",
        readonly=True,
    )
    retail_gift_registry_exchange_note = fields.Char(
        string="Exchange", compute="_compute_retail_gift_registry_exchange_note"
    )

    @api.model
    def _retail_till_fields(self):
        return super()._retail_till_fields() | {
            "retail_gift_registry_id",
            "retail_gift_registry_item_id",
            "retail_gift_registry_guest",
            "retail_gift_registry_message",
            "retail_gift_registry_keep",
        }

    def _retail_check_paid_write(self, vals, frozen):
        # which list, item, guest and delivery a paid line was counted for
        # stays as the sync recorded it (a refund or an exchange changes it)
        return super()._retail_check_paid_write(vals, frozen | set(LINK_FIELDS))

    @api.depends(
        "retail_gift_registry_exchange_of_id.product_id",
        "retail_gift_registry_exchanged_for_ids.product_id",
    )
    def _compute_retail_gift_registry_exchange_note(self):
        for line in self:
            if line.retail_gift_registry_exchange_of_id:
                line.retail_gift_registry_exchange_note = self.env._(
                    "Exchange of %(product)s",
                    product=line.retail_gift_registry_exchange_of_id.product_id.display_name,
                )
            elif line.retail_gift_registry_exchanged_for_ids:
                line.retail_gift_registry_exchange_note = self.env._(
                    "Exchanged for %(products)s",
                    products=", ".join(
                        line.retail_gift_registry_exchanged_for_ids.product_id.mapped(
                            "display_name"
                        )
                    ),
                )
            else:
                line.retail_gift_registry_exchange_note = False

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
            if vals.get("refunded_orderline_id")
            and not vals.get("retail_gift_registry_id")
        }
        if refunded_ids:
            refunded = {
                line.id: line
                for line in self.browse(refunded_ids).filtered(
                    "retail_gift_registry_id"
                )
            }
            for vals in vals_list:
                line = refunded.get(vals.get("refunded_orderline_id"))
                if line and not vals.get("retail_gift_registry_id"):
                    vals.update(
                        {
                            "retail_gift_registry_id": line.retail_gift_registry_id.id,
                            "retail_gift_registry_item_id": (
                                line.retail_gift_registry_item_id.id
                            ),
                            "retail_gift_registry_guest": (
                                line.retail_gift_registry_guest
                            ),
                            "retail_gift_registry_keep": line.retail_gift_registry_keep,
                        }
                    )
        lines = super().create(vals_list)
        lines._retail_gift_registry_link_exchanges()
        return lines

    def _retail_gift_registry_link_exchanges(self):
        """An exchange at the till is one order that refunds a gift of a list
        and sells something else: the new lines join the same list (the item of
        their product if the list has one) with the guest, message and choice of
        delivery of the refunded gift, and keep which refund they replace."""
        for order in self.order_id:
            refunds = order.lines.filtered(
                lambda line: line.qty < 0 and line.retail_gift_registry_id
            )
            new_lines = order.lines.filtered(
                lambda line: line.qty > 0
                and not line.retail_gift_registry_id
                and not line.refunded_orderline_id
            )
            if not refunds or not new_lines or len(refunds.retail_gift_registry_id) > 1:
                continue
            registry = refunds.retail_gift_registry_id
            refund = refunds[0]
            gift = refund.refunded_orderline_id or refund
            items = {item.product_id: item for item in registry.item_ids}
            for line in new_lines:
                line.write(
                    {
                        "retail_gift_registry_id": registry.id,
                        "retail_gift_registry_item_id": items.get(
                            line.product_id, False
                        )
                        and items[line.product_id].id,
                        "retail_gift_registry_guest": gift.retail_gift_registry_guest,
                        "retail_gift_registry_message": (
                            gift.retail_gift_registry_message
                        ),
                        "retail_gift_registry_keep": gift.retail_gift_registry_keep,
                        "retail_gift_registry_exchange_of_id": refund.id,
                    }
                )

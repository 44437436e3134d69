# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class RetailGiftRegistry(models.Model):
    _inherit = "retail.gift.registry"

    def action_deliver_now(self):
        """Deliver every gift still held for the owners of the lists (the
        owners ask for them before the list closes)."""
        self._gift_registry_ensure_deliverable()
        self._gift_registry_release(
            self.env["stock.move"].search(self._gift_registry_held_domain())
        )
        return True

    def action_view_deliveries(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "stock.action_picking_tree_all"
        )
        action["domain"] = [("retail_gift_registry_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    def _gift_registry_delivery_partner(self):
        self.ensure_one()
        return self.delivery_partner_id or self.owner_id

    def _gift_registry_delivery_datetime(self):
        self.ensure_one()
        day = self.delivery_date or self.event_date
        return fields.Datetime.to_datetime(day) if day else fields.Datetime.now()

    def _gift_registry_procurement_values(self):
        """Procurement values of a kept gift bought on a sale order."""
        self.ensure_one()
        partner = self._gift_registry_delivery_partner()
        date = self._gift_registry_delivery_datetime()
        return {
            "retail_gift_registry_id": self.id,
            "partner_id": partner.id,
            "date_planned": date,
            "date_deadline": date,
        }

    def _gift_registry_picking_vals(self, picking_type, **extra):
        """A held delivery of kept gifts to the list's delivery address."""
        self.ensure_one()
        partner = self._gift_registry_delivery_partner()
        destination = (
            partner.property_stock_customer
            or picking_type.default_location_dest_id
            or self.env["stock.warehouse"]._get_partner_locations()[0]
        )
        return {
            "partner_id": partner.id,
            "picking_type_id": picking_type.id,
            "location_id": picking_type.default_location_src_id.id,
            "location_dest_id": destination.id,
            "scheduled_date": self._gift_registry_delivery_datetime(),
            "company_id": self.company_id.id,
            "retail_gift_registry_id": self.id,
            "retail_gift_registry_held": True,
            **extra,
        }

    def _gift_registry_held_domain(self):
        return [
            ("retail_gift_registry_id", "in", self.ids),
            ("picking_id.retail_gift_registry_held", "=", True),
            ("state", "not in", ("done", "cancel")),
        ]

    def _gift_registry_ensure_deliverable(self):
        self._ensure_state(
            ("open", "closed"),
            self.env._("Kept gifts are delivered from open or closed lists only."),
        )

    def _gift_registry_release(self, moves):
        """Release held ``moves`` for delivery now: a held transfer whose
        moves all leave is released as it is; the moves leaving a transfer
        that keeps others go to a new transfer of their own (native copy).

        :return: the released transfers
        """
        moves = moves.filtered(
            lambda m: m.picking_id.retail_gift_registry_held
            and m.state not in ("done", "cancel")
        )
        if not moves:
            raise UserError(
                self.env._(
                    "Nothing is held for the owners of %(names)s: there is no "
                    "kept gift to deliver.",
                    names=", ".join(self.mapped("name")),
                )
            )
        moves.retail_gift_registry_id._gift_registry_ensure_deliverable()
        now = fields.Datetime.now()
        released = self.env["stock.picking"]
        for picking in moves.picking_id:
            leaving = moves.filtered(lambda m, p=picking: m.picking_id == p)
            staying = (
                picking.move_ids.filtered(lambda m: m.state not in ("done", "cancel"))
                - leaving
            )
            if not staying:
                picking.write(
                    {"retail_gift_registry_held": False, "scheduled_date": now}
                )
                released |= picking
                continue
            new = picking.copy(
                {
                    "move_ids": [],
                    "retail_gift_registry_held": False,
                    "scheduled_date": now,
                }
            )
            leaving._do_unreserve()
            leaving.write({"picking_id": new.id})
            leaving._action_assign()
            released |= new
        for registry in moves.retail_gift_registry_id:
            registry.message_post(
                body=self.env._(
                    "Kept gifts released for delivery: %(pickings)s",
                    pickings=", ".join(
                        released.filtered(
                            lambda p, r=registry: p.retail_gift_registry_id == r
                        ).mapped("name")
                    ),
                )
            )
        return released

    def _gift_registry_update_delivered(self):
        """A closed list whose kept gifts all left is delivered."""
        closed = self.filtered(lambda r: r.state == "closed" and r.picking_ids)
        if not closed:
            return
        pending = dict(
            self.env["stock.picking"]._read_group(
                [
                    ("retail_gift_registry_id", "in", closed.ids),
                    ("state", "not in", ("done", "cancel")),
                ],
                ["retail_gift_registry_id"],
                ["__count"],
            )
        )
        delivered = closed.filtered(lambda r: not pending.get(r))
        # sudo: the last kept gift left (a done transfer, whoever validated
        # it): the list is delivered, as the system records it
        delivered.sudo().write({"state": "delivered"})

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer promotions: customer and segment discounts, discount cards and
the customers they are for."""

from odoo import api, fields, models


class LoyaltyProgram(models.Model):
    _inherit = "loyalty.program"

    @api.model
    def _retail_discount_card_domain(self):
        """Discount cards in force: cards of discount-card programs issued to a
        holder from the back office (not the cards that orders create to count
        the program's uses), not expired."""
        return [
            ("program_id.retail_promotion_type", "=", "discount_card"),
            ("partner_id", "!=", False),
            ("order_id", "=", False),
            ("source_pos_order_id", "=", False),
            "|",
            ("expiration_date", "=", False),
            ("expiration_date", ">=", fields.Date.context_today(self)),
        ]

    def action_retail_discount_cards(self):
        """The discount cards of this program, to issue them to their holders."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Discount Cards"),
            "res_model": "loyalty.card",
            "view_mode": "list,form",
            "domain": [
                ("program_id", "=", self.id),
                ("order_id", "=", False),
                ("source_pos_order_id", "=", False),
            ],
            "context": {"default_program_id": self.id},
        }

    @api.model
    def _retail_customer_types(self):
        """The promotion types reserved to some customers (those with a
        ``_retail_promotion_<type>_reserved_to`` method)."""
        selection = self._fields["retail_promotion_type"].get_values(self.env)
        return [
            kind
            for kind in selection
            if self._retail_promotion_method(kind, "reserved_to")
        ]

    def _retail_customer_matches(self, partner):
        """Whether the promotion is for `partner`: always, unless its type is
        reserved to some customers. Mirrored in the POS by retailCustomerMatches
        (static/src/app/models/pos_order.esm.js)."""
        self.ensure_one()
        reserved_to = self._retail_promotion_method(
            self.retail_promotion_type, "reserved_to"
        )
        return reserved_to(partner) if reserved_to else True

    def _retail_promotion_customer_reserved_to(self, partner):
        """One of its customers or a member of one of its segments."""
        return bool(
            partner & self.retail_partner_ids
            or partner.retail_segment_ids & self.retail_segment_ids
        )

    def _retail_promotion_employee_reserved_to(self, partner):
        """An employee."""
        return bool(partner.retail_is_employee)

    def _retail_promotion_discount_card_reserved_to(self, partner):
        """The holder of a card in force."""
        # sudo: whether the customer holds a card in force (a count only)
        return bool(
            partner
            and self.env["loyalty.card"]
            .sudo()
            .search_count(
                self._retail_discount_card_domain()
                + [("program_id", "=", self.id), ("partner_id", "=", partner.id)],
                limit=1,
            )
        )

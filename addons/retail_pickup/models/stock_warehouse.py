# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

EXPIRY_ACTIONS = [
    ("release", "Release the goods"),
    ("cancel", "Cancel the order"),
]


class StockWarehouse(models.Model):
    """A store where customers collect their reservations: its opening hours,
    how long it holds them, when it reminds the customer and what it does when
    the hold ends."""

    _inherit = "stock.warehouse"

    retail_pickup_store = fields.Boolean(
        string="Pick-up Store",
        help="Customers may collect their orders here: the order's delivery "
        "leaves from this store, and the customer is told when it is ready.",
    )
    retail_pickup_opening_hours = fields.Text(
        string="Opening Hours",
        translate=True,
        help="Given to the customer in the pick-up messages.",
    )
    retail_pickup_hold_days = fields.Integer(
        string="Hold Days",
        default=7,
        help="Days the store holds a reservation once its goods are ready.",
    )
    retail_pickup_reminder_days = fields.Integer(
        string="Reminder Days Before",
        default=2,
        help="The customer is reminded this many days before the hold ends "
        "(0: no reminder).",
    )
    retail_pickup_expiry_action = fields.Selection(
        EXPIRY_ACTIONS,
        string="When the Hold Ends",
        default="release",
        required=True,
        help="Release: the delivery's reserved goods go back to the shelf, the "
        "order stays open. Cancel: the order is cancelled.",
    )

    @api.constrains("retail_pickup_hold_days", "retail_pickup_reminder_days")
    def _check_retail_pickup_days(self):
        for warehouse in self:
            if warehouse.retail_pickup_hold_days < 1:
                raise ValidationError(
                    self.env._(
                        "%(store)s must hold reservations at least one day.",
                        store=warehouse.name,
                    )
                )
            reminder = warehouse.retail_pickup_reminder_days
            if reminder < 0 or reminder >= warehouse.retail_pickup_hold_days:
                raise ValidationError(
                    self.env._(
                        "The reminder of %(store)s must come between 0 and "
                        "%(days)s days before the hold ends.",
                        store=warehouse.name,
                        days=warehouse.retail_pickup_hold_days - 1,
                    )
                )

    def _retail_pickup_address(self):
        """The store's address on one line, for the customer."""
        self.ensure_one()
        partner = self.partner_id
        parts = [
            partner.street,
            partner.street2,
            f"{partner.zip or ''} {partner.city or ''}",
        ]
        return ", ".join(part.strip() for part in parts if part and part.strip())

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class EventRegistration(models.Model):
    _inherit = "event.registration"

    retail_receipt_order_id = fields.Many2one(
        "pos.order",
        string="Invited on Receipt",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        help="The till order whose receipt printed this invitation.",
    )

    # One invitation per receipt, whatever the retries.
    _retail_one_invitation_per_receipt = models.UniqueIndex(
        "(retail_receipt_order_id) WHERE retail_receipt_order_id IS NOT NULL",
        "A receipt prints one invitation.",
    )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RetailSegment(models.Model):
    _inherit = "retail.segment"

    retail_loyalty_receipt_message = fields.Char(
        string="Loyalty Receipt Message",
        translate=True,
        help="Printed on the POS receipt of the segment's customers who hold a card "
        "of a retail ledger program, when their tier has no message of its own.",
    )

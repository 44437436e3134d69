# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

SERVICE_TYPES = [
    ("alteration", "Alteration"),
    ("repair", "Repair"),
    ("warranty", "Warranty claim"),
]


class ProductTemplate(models.Model):
    _inherit = "product.template"

    retail_warranty_months = fields.Integer(
        string="Warranty (months)",
        help="Months from the purchase date during which a warranty claim on "
        "this product is free.",
    )
    retail_service_type = fields.Selection(
        SERVICE_TYPES,
        string="After-sales service",
        help="A service product offered at the till for this kind of "
        "after-sales service; its sales price is the service's price.",
    )

    _retail_warranty_months_positive = models.Constraint(
        "CHECK(retail_warranty_months IS NULL OR retail_warranty_months >= 0)",
        "A warranty cannot last a negative number of months.",
    )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class RetailPickupMessage(models.Model):
    """A pick-up message is about a reservation or about a finished service,
    never both."""

    _inherit = "retail.pickup.message"

    _one_subject = models.Constraint(
        "CHECK((order_id IS NULL) != (repair_id IS NULL))",
        "A pick-up message is about one reservation or one service.",
    )

    order_id = fields.Many2one(required=False)
    repair_id = fields.Many2one(
        "repair.order",
        string="Service",
        readonly=True,
        index="btree_not_null",
        ondelete="cascade",
    )

    @api.depends("repair_id.company_id")
    def _compute_company_id(self):
        res = super()._compute_company_id()
        for message in self.filtered("repair_id"):
            message.company_id = message.repair_id.company_id
        return res

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError


class ResPartner(models.Model):
    _inherit = "res.partner"

    retail_is_employee = fields.Boolean(
        string="Staff Member",
        help="The customer is an employee: employee discounts apply to them.",
    )
    retail_segment_id_list = fields.Json(
        compute="_compute_retail_segment_id_list",
        help="Ids of the customer's segments, for the customer discounts of the till.",
    )

    retail_discount_card_program_ids = fields.Json(
        compute="_compute_retail_discount_card_program_ids",
        help="Ids of the discount-card programs of which the customer holds a card "
        "in force, for the till.",
    )

    @api.depends("retail_segment_ids")
    def _compute_retail_segment_id_list(self):
        for partner in self:
            partner.retail_segment_id_list = partner.retail_segment_ids.ids

    def _compute_retail_discount_card_program_ids(self):
        domain = self.env["loyalty.program"]._retail_discount_card_domain()
        # sudo: which discount card programs the customer holds (ids only)
        groups = dict(
            self.env["loyalty.card"]
            .sudo()
            ._read_group(
                domain + [("partner_id", "in", self.ids)],
                ["partner_id"],
                ["program_id:array_agg"],
            )
        )
        for partner in self:
            partner.retail_discount_card_program_ids = sorted(
                set(groups.get(partner, []))
            )

    @api.model
    def _load_pos_data_fields(self, config):
        return super()._load_pos_data_fields(config) + [
            "retail_segment_id_list",
            "retail_discount_card_program_ids",
            "retail_is_employee",
        ]

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("retail_is_employee") for vals in vals_list):
            self._retail_check_employee_flag()
        return super().create(vals_list)

    def write(self, vals):
        if "retail_is_employee" in vals:
            self._retail_check_employee_flag()
        return super().write(vals)

    @api.model
    def _retail_check_employee_flag(self):
        """Who is an employee (and gets employee discounts) is decided by
        managers, not by the cashier who creates or edits a customer."""
        user = self.env.user
        if not self.env.su and not (
            user.has_group("point_of_sale.group_pos_manager")
            or user.has_group("sales_team.group_sale_manager")
        ):
            raise AccessError(
                self.env._("Only managers may mark a customer as an employee.")
            )

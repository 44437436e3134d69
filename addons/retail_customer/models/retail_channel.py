# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

# Partner fields a company may require when a customer of a channel is created.
REQUIRABLE_PARTNER_FIELDS = (
    "email",
    "phone",
    "mobile",
    "national_id",
    "street",
    "zip",
    "city",
    "state_id",
    "country_id",
    "vat",
)


class RetailChannel(models.Model):
    _name = "retail.channel"
    _inherit = ["pos.load.mixin"]
    _description = "Sales Channel"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True, help="Technical code, unique per company (store, wholesale...)."
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Leave empty to share the channel with every company of the group.",
    )
    required_field_ids = fields.Many2many(
        "ir.model.fields",
        string="Required Customer Fields",
        domain=[
            ("model", "=", "res.partner"),
            ("name", "in", REQUIRABLE_PARTNER_FIELDS),
        ],
        help="Fields a customer of this channel must have when created or changed.",
    )
    customer_count = fields.Integer(compute="_compute_customer_count")

    _code_company_uniq = models.UniqueIndex(
        "(code, COALESCE(company_id, 0))",
        "A channel with this code already exists in this company.",
    )

    def _compute_customer_count(self):
        counts = dict(
            self.env["res.partner"]._read_group(
                [("retail_channel_id", "in", self.ids)],
                ["retail_channel_id"],
                ["__count"],
            )
        )
        for channel in self:
            channel.customer_count = counts.get(channel, 0)

    @api.model
    def _load_pos_data_domain(self, data, config):
        # A handful of records: every channel the store's company may use.
        return [("company_id", "in", [config.company_id.id, False])]

    @api.model
    def _load_pos_data_fields(self, config):
        return ["id", "name", "code"]

    def _retail_required_field_names(self):
        """Names of the partner fields that this channel requires."""
        return set(self.sudo().required_field_ids.mapped("name"))

    def action_view_customers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "retail_customer.res_partner_action_retail_customers"
        )
        action["domain"] = [("retail_channel_id", "=", self.id)]
        return action

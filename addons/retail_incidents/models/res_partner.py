# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.fields import Domain


class ResPartner(models.Model):
    _inherit = "res.partner"

    retail_incident_ids = fields.One2many(
        "retail.incident", "partner_id", string="Incidents"
    )
    retail_incident_count = fields.Integer(
        string="Incident Count", compute="_compute_retail_incident_counts"
    )
    retail_incident_open_count = fields.Integer(
        string="Open Incidents", compute="_compute_retail_incident_counts"
    )

    @api.depends("retail_incident_ids.state")
    def _compute_retail_incident_counts(self):
        if not self.env["retail.incident"].has_access("read"):
            self.retail_incident_count = self.retail_incident_open_count = 0
            return
        groups = self.env["retail.incident"]._read_group(
            Domain("partner_id", "in", self.ids), ["partner_id", "is_open"], ["__count"]
        )
        total, open_ = {}, {}
        for partner, is_open, count in groups:
            total[partner] = total.get(partner, 0) + count
            if is_open:
                open_[partner] = count
        for partner in self:
            partner.retail_incident_count = total.get(partner, 0)
            partner.retail_incident_open_count = open_.get(partner, 0)

    @api.model
    def _load_pos_data_fields(self, config):
        return super()._load_pos_data_fields(config) + ["retail_incident_open_count"]

    def action_view_retail_incidents(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "retail_incidents.retail_incident_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.fields import Domain


class RepairOrder(models.Model):
    _inherit = "repair.order"

    retail_late_incident_id = fields.Many2one(
        "retail.incident", string="Late service incident", readonly=True, copy=False
    )
    retail_warranty_incident_id = fields.Many2one(
        "retail.incident", string="Warranty claim incident", readonly=True, copy=False
    )

    def _retail_incident_place(self):
        """Store and warehouse of an incident raised on this service."""
        return {
            "pos_config_id": self.retail_pos_config_id.id,
            "warehouse_id": self.picking_type_id.warehouse_id.id,
        }

    def _retail_service_taken(self):
        res = super()._retail_service_taken()
        self.filtered(
            lambda r: r.retail_service_type == "warranty"
            and not r.retail_warranty_incident_id
        )._retail_raise_service_incident(
            "service_warranty", "retail_warranty_incident_id"
        )
        return res

    def _retail_raise_service_incident(self, event, link_field):
        """One incident per service for ``event``, remembered on the service."""
        incidents = self.env["retail.incident"]
        # sudo: the services were checked by the caller (the till's intake or the
        # system's daily job); incidents and their links are the system's.
        for service in self.sudo():
            incident = incidents._retail_raise_incident(
                event,
                service,
                [{}],
                [
                    {
                        "service_type": service.retail_service_type,
                        "promised_date": fields.Date.to_string(
                            service.retail_promised_date
                        ),
                    }
                ],
                related=[service.sale_order_id],
            )
            if incident:
                service[link_field] = incident
                incidents |= incident
        return incidents

    @api.model
    def _retail_raise_late_incidents(self):
        """Daily: one incident per late service (promised date passed, not
        ready), raised once."""
        late = self.sudo().search(
            self._retail_late_domain() & Domain("retail_late_incident_id", "=", False)
        )
        return late._retail_raise_service_incident(
            "service_late", "retail_late_incident_id"
        )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.retail_customer.tests.pos_tour import RetailPosTourCase


@tagged("post_install", "-at_install")
class TestRetailClientelingIncidentsPosUi(RetailPosTourCase):
    def test_panel_shows_the_open_incidents(self):
        clara = self.env["res.partner"].create({"name": "Clara Incidents"})
        Incident = self.env["retail.incident"]
        values = {"partner_id": clara.id, "description": "Zip broken"}
        Incident.create(
            {**values, "pos_config_id": self.main_pos_config.id, "name": "INC-TOUR-1"}
        )
        Incident.create(
            {
                **values,
                "name": "INC-TOUR-2",
                "state": "resolved",
                "resolution": "Zip replaced",
            }
        )
        self.main_pos_config.with_user(self.pos_user).open_ui()
        self.start_pos_tour("RetailClientelingIncidentsTour", login="pos_user")

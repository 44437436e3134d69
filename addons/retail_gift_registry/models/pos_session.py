# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class PosSession(models.Model):
    _inherit = "pos.session"

    @api.model
    def _load_pos_data_models(self, config):
        # loaded empty at session start (their domains are False): the till adds
        # the lists and items it searches, so that order lines can link to them
        return super()._load_pos_data_models(config) + [
            "retail.gift.registry",
            "retail.gift.registry.item",
        ]

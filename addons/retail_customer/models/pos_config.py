# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# PostgreSQL's integer ids
MAX_ID = 2**31 - 1


class PosConfig(models.Model):
    _inherit = "pos.config"

    retail_channel_id = fields.Many2one(
        "retail.channel",
        string="Channel",
        default=lambda self: self._retail_default_channel(),
        help="Channel recorded on this store's orders and given to the customers "
        "created at its till (its required fields apply there).",
    )

    @api.model
    def _retail_default_channel(self):
        return self.env.ref(
            "retail_customer.retail_channel_store", raise_if_not_found=False
        )

    @api.model
    def _retail_till(self, config_id):
        """The till of id ``config_id`` that a till's call names, one the user
        may read, or a ValidationError in the cashier's terms."""
        if type(config_id) is not int or not 0 < config_id <= MAX_ID:
            raise ValidationError(
                self.env._("Expected the id of a till, got %(value)r.", value=config_id)
            )
        # one query when the till is there and readable (record rules applied)
        found = self.with_context(active_test=False).search([("id", "=", config_id)])
        if found:
            return self.browse(found.ids)
        config = self.browse(config_id).exists()
        if not config:
            raise ValidationError(self.env._("This till does not exist."))
        config.check_access("read")
        return config

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    retail_card_lookup_max_failures = fields.Integer(
        string="Failed card lookups allowed",
        config_parameter="retail_card.lookup_max_failures",
        default=10,
        help="Failed lookups or wrong PINs, per user or per till, after which the "
        "next lookups are refused until the window has passed.",
    )
    retail_card_lookup_window_seconds = fields.Integer(
        string="Lookup window (seconds)",
        config_parameter="retail_card.lookup_window_seconds",
        default=60,
    )

    @api.constrains(
        "retail_card_lookup_max_failures", "retail_card_lookup_window_seconds"
    )
    def _check_retail_card_lookup_throttle(self):
        for settings in self:
            if (
                settings.retail_card_lookup_max_failures < 1
                or settings.retail_card_lookup_window_seconds < 1
            ):
                raise ValidationError(
                    self.env._(
                        "The lookup throttle needs at least one failure in a window "
                        "of at least one second."
                    )
                )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

SUGGESTION_SOURCES = [
    ("optional", "Optional product"),
    ("pair", "Bought together"),
    ("habit", "Customer's habits"),
]


class PosOrderLine(models.Model):
    """A line the cashier added from a suggestion of the till."""

    _inherit = "pos.order.line"

    retail_suggested = fields.Boolean(
        string="Suggested",
        help="Added from a suggestion of the till.",
    )
    retail_suggestion_source = fields.Selection(
        SUGGESTION_SOURCES,
        string="Suggestion Source",
        help="Why the till suggested this product.",
    )

    @api.model
    def _retail_till_fields(self):
        return super()._retail_till_fields() | {
            "retail_suggested",
            "retail_suggestion_source",
        }

    @api.model
    def _load_pos_data_fields(self, config):
        return [
            *super()._load_pos_data_fields(config),
            "retail_suggested",
            "retail_suggestion_source",
        ]

    @api.model
    def _retail_clean_suggestion_values(self, vals):
        """Make the suggestion fields of a till's line values well formed (in
        place): a boolean mark, a known source, a source only on a marked line."""
        if "retail_suggested" in vals:
            vals["retail_suggested"] = vals["retail_suggested"] is True
        source = vals.get("retail_suggestion_source")
        if source is not None and (
            not isinstance(source, str)
            or source not in dict(SUGGESTION_SOURCES)
            or not vals.get("retail_suggested")
        ):
            vals["retail_suggestion_source"] = False

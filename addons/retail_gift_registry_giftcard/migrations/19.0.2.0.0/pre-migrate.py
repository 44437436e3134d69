# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The company's gift card settings of the gift lists carry the suite's prefix
(``gift_registry_giftcard_series_id`` is
``retail_gift_registry_giftcard_series_id``...): columns, field records and
field xml ids are renamed, so that the companies keep their settings."""

from odoo.addons.retail_gift_registry.migrations import rename_column, rename_field

COLUMNS = (
    "gift_registry_giftcard_series_id",
    "gift_registry_giftcard_account_id",
    "gift_registry_bonus_account_id",
)


def migrate(cr, version):
    for old in COLUMNS:
        rename_column(cr, "res_company", old, f"retail_{old}")
        rename_field(cr, "retail_gift_registry_giftcard", old, f"retail_{old}")

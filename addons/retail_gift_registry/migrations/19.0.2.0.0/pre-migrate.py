# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The fields the module adds to Odoo's models carry the suite's prefix
(``gift_registry_id`` is ``retail_gift_registry_id``...): their columns,
indexes, field records and field xml ids are renamed, so that the links of
orders, deliveries, pricelists and settings to the lists are kept."""

from odoo.addons.retail_gift_registry.migrations import rename_column, rename_field

# table: the columns renamed (the field ``retail_<column>``)
COLUMNS = {
    "pos_order_line": (
        "gift_registry_id",
        "gift_registry_item_id",
        "gift_registry_guest",
        "gift_registry_message",
        "gift_registry_keep",
        "gift_registry_surplus_qty",
        "gift_registry_exchange_of_id",
    ),
    "product_pricelist": ("gift_registry_id",),
    "product_template": ("gift_registry_contribution",),
    "res_company": (
        "gift_registry_program_id",
        "gift_registry_bonus_percent",
        "gift_registry_discount_percent",
        "gift_registry_discount_days",
    ),
    "sale_order": (
        "gift_registry_id",
        "gift_registry_guest",
        "gift_registry_message",
    ),
    "sale_order_line": (
        "gift_registry_id",
        "gift_registry_item_id",
        "gift_registry_guest",
        "gift_registry_message",
        "gift_registry_keep",
        "gift_registry_surplus_qty",
        "gift_registry_qty_back",
    ),
    "stock_move": (
        "gift_registry_id",
        "gift_registry_item_id",
        "gift_registry_pos_line_id",
    ),
    "stock_picking": ("gift_registry_id", "gift_registry_held"),
}
# fields without a column (computed, one2many, settings)
OTHER_FIELDS = (
    "gift_registry_exchanged_for_ids",
    "gift_registry_exchange_note",
)


def migrate(cr, version):
    names = set(OTHER_FIELDS)
    for table, columns in COLUMNS.items():
        for old in columns:
            rename_column(cr, table, old, f"retail_{old}")
            names.add(old)
    for old in sorted(names):
        rename_field(cr, "retail_gift_registry", old, f"retail_{old}")

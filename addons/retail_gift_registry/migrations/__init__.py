# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Helpers of the migration scripts of the gift list modules."""

from odoo.tools import SQL
from odoo.tools.sql import column_exists, index_exists, make_index_name
from odoo.tools.sql import rename_column as sql_rename_column


def rename_column(cr, table, old, new):
    """Rename the column ``old`` of ``table`` and its index, if it exists."""
    if not column_exists(cr, table, old):
        return
    sql_rename_column(cr, table, old, new)
    index = make_index_name(table, old)
    if index_exists(cr, index):
        cr.execute(
            SQL(
                "ALTER INDEX %s RENAME TO %s",
                SQL.identifier(index),
                SQL.identifier(make_index_name(table, new)),
            )
        )


def rename_field(cr, module, old, new):
    """The field records named ``old`` on every model (settings and variants
    included) and their xml ids (field_<model>__<name>) become ``new``'s."""
    cr.execute(
        SQL(
            "UPDATE ir_model_data AS data "
            "SET name = 'field_' || REPLACE(field.model, '.', '_') || '__' || %s "
            "FROM ir_model_fields AS field "
            "WHERE data.model = 'ir.model.fields' AND data.res_id = field.id "
            "AND data.module = %s AND field.name = %s",
            new,
            module,
            old,
        )
    )
    cr.execute(SQL("UPDATE ir_model_fields SET name = %s WHERE name = %s", new, old))
    cr.execute(
        SQL(
            "UPDATE ir_model_fields SET relation_field = %s WHERE relation_field = %s",
            new,
            old,
        )
    )

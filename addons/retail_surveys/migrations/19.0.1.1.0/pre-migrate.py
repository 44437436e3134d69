# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The week days of the asking rules are the fields of retail.schedule.mixin
(retail_monday, ...): the columns are renamed so that the rules keep their days."""

from odoo.tools import SQL

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def migrate(cr, version):
    for day in DAYS:
        cr.execute(
            SQL(
                "SELECT 1 FROM information_schema.columns "
                "WHERE table_name = 'retail_survey_rule' AND column_name = %s",
                day,
            )
        )
        if cr.fetchone():
            cr.execute(
                SQL(
                    "ALTER TABLE retail_survey_rule RENAME COLUMN %s TO %s",
                    SQL.identifier(day),
                    SQL.identifier(f"retail_{day}"),
                )
            )

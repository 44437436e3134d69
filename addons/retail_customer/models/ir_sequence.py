# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools import SQL


class IrSequence(models.Model):
    _inherit = "ir.sequence"

    def _retail_next_batch(self, count):
        """``count`` next values of this sequence, in one query for a standard
        sequence (``_next`` one at a time otherwise)."""
        self.ensure_one()
        if not count:
            return []
        if self.implementation != "standard" or self.use_date_range:
            return [self._next() for _i in range(count)]
        rows = self.env.execute_query(
            SQL(
                "SELECT nextval(%s) FROM generate_series(1, %s)",
                f"ir_sequence_{self.id:03d}",
                count,
            )
        )
        return [self.get_next_char(row[0]) for row in rows]

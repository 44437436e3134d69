# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What a posting writes once the ledger engine has checked it: the history
rows (in one INSERT for a large posting: the bulk path), the cards' balances
with the other fields the ledger keeps, in one UPDATE, and Odoo's "when
reaching" communications of the cards that passed a milestone."""

from odoo import api, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

# From this many plain movements, a posting writes its history rows in one SQL
# statement (the bulk path) instead of through the ORM.
BULK_MIN_LINES = 500


class LoyaltyCard(models.Model):
    _inherit = "loyalty.card"

    @api.model
    def _retail_ledger_card_fields(self):
        """Stored card fields, besides the balance, that the ledger keeps from
        the movements and a posting may write with the balances
        (``card_values`` of ``_retail_post_movements``). Extended by the
        modules that keep such a field."""
        return set()

    @api.model
    def _retail_check_card_values(self, lines, card_values):
        """Refuse ``card_values`` for cards the posting does not move, or of
        fields the ledger does not keep; return them ({} when none)."""
        if not card_values:
            return {}
        fields = {name for values in card_values.values() for name in values}
        foreign = fields - self._retail_ledger_card_fields()
        if foreign or set(card_values) - {line["card_id"] for line in lines}:
            raise ValidationError(
                self.env._(
                    "A posting writes only the fields the ledger keeps, on the "
                    "cards it moves: %(fields)s",
                    fields=", ".join(sorted(foreign)) or self.env._("other cards"),
                )
            )
        return card_values

    def _retail_record_movements(self, lines, balances, card_values=None):
        """Create the lines' history rows in one batch and write the new
        balances of the cards they move (with their ``card_values``, see
        ``_retail_post_movements``) in one query. A large posting of plain
        movements (no store, no reversal: a campaign's point load, the expiry
        job, personal coupons) is the bulk path: its rows are inserted in one
        SQL statement (``_retail_insert_history``).

        :return: the cards moved
        """
        if len(lines) >= BULK_MIN_LINES and not any(
            line["store_id"] or line["reversed_id"] for line in lines
        ):
            self._retail_insert_history(lines)
        else:
            self.env["loyalty.history"].create(
                [self._retail_history_vals(line) for line in lines]
            )
        moved = self.browse({line["card_id"] for line in lines})
        moved._retail_write_balances(
            {card_id: balances[card_id] for card_id in moved.ids}, card_values
        )
        return moved

    def _retail_send_reach_communications(self, before, balances):
        """Odoo's "when reaching" communications of the cards whose balance
        rose from ``before`` to ``balances`` past a milestone of their program,
        as a write of points sends them (Odoo sends one when a milestone lies
        in (before, after]; the cards that passed none are left out first, in
        one query, so that a campaign's load reads no customer)."""
        rose = [card_id for card_id in self.ids if balances[card_id] > before[card_id]]
        if not rose:
            return
        self.env["loyalty.mail"].flush_model(
            ["active", "program_id", "trigger", "points"]
        )
        self.flush_model(["program_id", "partner_id"])
        passed = [
            card_id
            for (card_id,) in self.env.execute_query(
                SQL(
                    """
                    SELECT card.id
                      FROM loyalty_card AS card
                      JOIN unnest(%s, %s, %s) AS moved(id, old, new)
                           ON moved.id = card.id
                     WHERE card.partner_id IS NOT NULL
                       AND EXISTS (
                           SELECT 1 FROM loyalty_mail AS plan
                            WHERE plan.program_id = card.program_id
                              AND plan.active
                              AND plan.trigger = 'points_reach'
                              AND plan.points > moved.old
                              AND plan.points <= moved.new)
                    """,
                    self._retail_sql_array(rose, "int"),
                    self._retail_sql_array(
                        [before[card_id] for card_id in rose], "float8"
                    ),
                    self._retail_sql_array(
                        [balances[card_id] for card_id in rose], "float8"
                    ),
                )
            )
        ]
        gained = self.browse(passed)
        if gained:
            gained._send_points_reach_communication(
                {
                    card: {"old": before[card.id], "new": balances[card.id]}
                    for card in gained
                }
            )

    @api.model
    def _retail_insert_history(self, lines):
        """The bulk path of ``_retail_record_movements``: the lines' history rows
        in one INSERT, as ``create`` would write them (same columns and
        defaults, the unique indexes of keys and reversals enforced by
        PostgreSQL), for lines already checked by the engine, without store or
        reversed row (whose company and reversal checks need the ORM)."""
        History = self.env["loyalty.history"]
        History.flush_model()
        columns = [
            ("card_id", "int"),
            ("description", "text"),
            ("issued", "float8"),
            ("used", "float8"),
            ("order_model", "varchar"),
            ("order_id", "int"),
            ("retail_kind", "varchar"),
            ("retail_balance_after", "float8"),
            ("retail_reason", "text"),
            ("retail_idempotency_key", "varchar"),
        ]
        rows = [self._retail_history_vals(line) for line in lines]
        arrays = SQL(", ").join(
            self._retail_sql_array(
                [row[name] or None for row in rows]
                if type_ != "float8"
                else [row[name] or 0.0 for row in rows],
                type_,
            )
            for name, type_ in columns
        )
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO loyalty_history (%(names)s, create_uid, create_date,
                                             write_uid, write_date)
                SELECT new.*, %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM unnest(%(arrays)s) AS new
                """,
                names=SQL(", ").join(SQL.identifier(name) for name, _t in columns),
                uid=self.env.uid,
                now=self.env.cr.now(),
                arrays=arrays,
            )
        )
        History.invalidate_model()
        self.browse({line["card_id"] for line in lines}).invalidate_recordset(
            ["history_ids"]
        )

    @api.model
    def _retail_history_vals(self, line):
        amount = line["amount"]
        return {
            "card_id": line["card_id"],
            "description": line["description"],
            "issued": amount if amount > 0 else 0.0,
            "used": -amount if amount < 0 else 0.0,
            "order_model": line["order_model"],
            "order_id": line["order_id"],
            "retail_kind": line["kind"],
            "retail_balance_after": line["balance_after"],
            "retail_reversed_id": line["reversed_id"],
            "retail_reason": line["reason"],
            "retail_idempotency_key": line["key"],
            "retail_store_id": line["store_id"],
        }

    def _retail_write_balances(self, balances, card_values=None):
        """Write the cards' new balances {card id: points}, and the other
        fields ``card_values`` gives ({card id: {field: value}}, fields of
        ``_retail_ledger_card_fields``), in one query: one new version of each
        card row."""
        ids = list(balances)
        card_values = card_values or {}
        names = sorted({name for values in card_values.values() for name in values})
        self.flush_recordset(names)
        self.invalidate_recordset(["points", "write_uid", "write_date", *names])
        columns = [
            (SQL.identifier(name), SQL.identifier(f"{name}_given")) for name in names
        ]
        self.env.cr.execute(
            SQL(
                """
                UPDATE loyalty_card AS card
                   SET points = new.points, write_uid = %(uid)s,
                       write_date = %(now)s %(sets)s
                  FROM unnest(%(ids)s, %(points)s %(arrays)s)
                       AS new(id, points %(columns)s)
                 WHERE card.id = new.id
                """,
                uid=self.env.uid,
                now=self.env.cr.now(),
                ids=self._retail_sql_array(ids, "int"),
                points=self._retail_sql_array(
                    [balances[card_id] for card_id in ids], "float8"
                ),
                # each field: its value for the cards that give one, else kept
                sets=SQL("").join(
                    SQL(
                        ", %s = CASE WHEN new.%s THEN new.%s ELSE card.%s END",
                        column,
                        given,
                        column,
                        column,
                    )
                    for column, given in columns
                ),
                arrays=SQL("").join(
                    SQL(", %s", self._retail_card_value_arrays(ids, card_values, name))
                    for name in names
                ),
                columns=SQL("").join(
                    SQL(", %s, %s", column, given) for column, given in columns
                ),
            )
        )
        self.browse(ids).modified(["points", *names])

    def _retail_card_value_arrays(self, ids, card_values, name):
        """The arrays of field ``name`` for the cards ``ids``: its values, and
        whether ``card_values`` gives one."""
        values = [card_values.get(card_id, {}).get(name, False) for card_id in ids]
        return SQL(
            "%s, %s",
            self._retail_sql_array(
                [None if value is False else value for value in values],
                self._fields[name].column_type[1],
            ),
            self._retail_sql_array(
                [name in card_values.get(card_id, {}) for card_id in ids], "bool"
            ),
        )

    @api.model
    def _retail_sql_array(self, values, sql_type):
        """``values`` as one array parameter of PostgreSQL type ``sql_type``:
        the text of the array (``{1,2,NULL}``, texts double-quoted and
        escaped), which PostgreSQL reads much faster than the ``ARRAY[...]``
        expression psycopg2 writes for a list, for the bulk path's 200,000
        values per column. ``None`` is NULL; dates and numbers are written as
        their text."""
        text = "{" + ",".join(map(_array_item, values)) + "}"
        return SQL("%s::%s[]", text, SQL(sql_type))


def _array_item(value):
    """One element of an array's text (see ``_retail_sql_array``)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'

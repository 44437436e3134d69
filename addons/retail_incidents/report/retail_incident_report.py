# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

from ..models.retail_incident import ORIGINS

# Dimensions of the analysis (fields of the report).
GROUPBY_FIELDS = (
    "origin",
    "category_id",
    "pos_config_id",
    "warehouse_id",
    "user_id",
    "month",
)


class RetailIncidentReport(models.Model):
    """One row per incident, with the time to resolution in hours (empty while
    the incident is open, so that averages count resolved incidents only)."""

    _name = "retail.incident.report"
    _description = "Incident Analysis"
    _auto = False
    _order = "date desc"

    name = fields.Char(string="Reference", readonly=True)
    date = fields.Datetime(string="Incident Date", readonly=True)
    month = fields.Date(readonly=True)
    date_resolved = fields.Datetime(string="Resolution Date", readonly=True)
    origin = fields.Selection(ORIGINS, readonly=True)
    category_id = fields.Many2one("retail.incident.category", readonly=True)
    pos_config_id = fields.Many2one("pos.config", string="Store", readonly=True)
    warehouse_id = fields.Many2one("stock.warehouse", readonly=True)
    user_id = fields.Many2one("res.users", string="Responsible", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    event_code = fields.Selection(
        selection=lambda self: self.env["retail.incident"]._selection_event_code(),
        string="Event",
        readonly=True,
    )
    state = fields.Selection(
        selection=lambda self: self.env["retail.incident"]
        ._fields["state"]
        ._description_selection(self.env),
        readonly=True,
    )
    is_open = fields.Boolean(readonly=True)
    resolution_hours = fields.Float(
        string="Avg. Time to Resolution (h)", readonly=True, aggregator="avg"
    )

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT i.id, i.name, i.date, date_trunc('month', i.date)::date AS month,
                   i.date_resolved, i.origin, i.category_id, i.pos_config_id,
                   i.warehouse_id, i.user_id, i.partner_id, i.company_id,
                   i.event_code, i.state, i.is_open,
                   CASE WHEN i.state = 'resolved' AND i.date_resolved IS NOT NULL
                        THEN EXTRACT(EPOCH FROM i.date_resolved - i.date) / 3600.0
                   END AS resolution_hours
              FROM retail_incident i
            """
        )

    @api.model
    def _retail_resolution_stats(self, groupby, domain=None):
        """Per value of ``groupby``: incidents, open ones, resolved ones, average
        and 90th percentile of the time to resolution in hours (one query).

        :return: list of dicts {key, count, open, resolved, avg_hours, p90_hours}
            ordered by key; ``key`` is a record, a selection value or a date
        """
        if groupby not in GROUPBY_FIELDS:
            raise ValueError(groupby)
        # Record rules apply: the query reads only the rows the user may see.
        query = self._search(Domain(domain or Domain.TRUE))
        hours = SQL.identifier(self._table, "resolution_hours")
        rows = self.env.execute_query(
            SQL(
                """
                SELECT %(key)s AS key, COUNT(*),
                       COUNT(*) FILTER (WHERE %(is_open)s),
                       COUNT(%(hours)s), AVG(%(hours)s),
                       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY %(hours)s)
                  FROM %(from)s
                 WHERE %(where)s
                 GROUP BY 1
                 ORDER BY 1 NULLS LAST
                """,
                key=SQL.identifier(self._table, groupby),
                is_open=SQL.identifier(self._table, "is_open"),
                hours=hours,
                **{"from": query.from_clause},
                where=query.where_clause or SQL("TRUE"),
            )
        )
        field = self._fields[groupby]
        result = []
        for value, count, open_count, resolved, avg, p90 in rows:
            if field.type == "many2one":
                value = self.env[field.comodel_name].browse(value)
            result.append(
                {
                    "key": value,
                    "count": count,
                    "open": open_count,
                    "resolved": resolved,
                    "avg_hours": None if avg is None else float(avg),
                    "p90_hours": None if p90 is None else float(p90),
                }
            )
        return result

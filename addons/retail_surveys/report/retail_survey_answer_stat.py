# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL

# Measures kept as sums in the materialised rows and divided per group, so
# that an average over several rows weighs each answer once.
WEIGHTED = {
    "order_amount": ("amount_sum", "answer_count"),
    "order_units": ("units_sum", "answer_count"),
    "rating": ("rating_sum", "rating_count"),
}


class RetailSurveyAnswerStat(models.Model):
    """The answers given at the tills counted per day, questionnaire, question,
    answer (or rating), store, segment, channel and identified/anonymous: the
    pivot and graph of the head office. A materialised view (one row per
    combination instead of one per answer line), refreshed by a scheduled
    action (hourly) and on demand; `refreshed_at` says when. The answers of the
    last hour are in *Answer Lines* (`retail.survey.answer.report`, a plain
    view) until the next refresh.

    Averages (basket, units, rating) and the share of each answer within its
    question are computed per group from sums (see `_read_group`)."""

    _name = "retail.survey.answer.stat"
    _description = "Store Questionnaire Answers Statistics"
    _auto = False
    _order = "date desc, id desc"

    survey_id = fields.Many2one("survey.survey", string="Questionnaire", readonly=True)
    question_id = fields.Many2one("survey.question", readonly=True)
    answer_id = fields.Many2one("survey.question.answer", readonly=True)
    rating = fields.Integer(readonly=True, aggregator="avg")
    date = fields.Date(readonly=True, help="Day the questionnaire was answered (UTC).")
    config_id = fields.Many2one("pos.config", string="Store", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    identified = fields.Boolean(string="Identified Customer", readonly=True)
    segment_id = fields.Many2one("retail.segment", readonly=True)
    channel_id = fields.Many2one("retail.channel", readonly=True)
    answer_count = fields.Integer(string="Answers", readonly=True)
    answer_share = fields.Float(
        string="Share of Question (%)",
        readonly=True,
        aggregator="sum",
        help="Answers of the group per 100 respondents of the question in the same "
        "group without the answer (store, period, segment...): the share of each "
        "answer; a multiple choice may total more than 100.",
    )
    order_amount = fields.Float(
        string="Average Basket", readonly=True, aggregator="avg"
    )
    order_units = fields.Float(string="Average Units", readonly=True, aggregator="avg")
    respondent_weight = fields.Float(readonly=True)
    amount_sum = fields.Float(readonly=True)
    units_sum = fields.Float(readonly=True)
    rating_sum = fields.Integer(readonly=True)
    rating_count = fields.Integer(readonly=True)
    refreshed_at = fields.Datetime(string="Refreshed On", readonly=True)

    def _select_sql(self):
        """Each line weighs 1 / (lines of its questionnaire and question), so
        that the weights of a group sum to its respondents."""
        return SQL(
            """
            WITH lines AS (
                SELECT ui.survey_id,
                       l.question_id,
                       l.suggested_answer_id AS answer_id,
                       CASE WHEN l.answer_type = 'scale' THEN l.value_scale END
                           AS rating,
                       (ui.retail_date AT TIME ZONE 'UTC')::date AS date,
                       ui.retail_config_id AS config_id,
                       ui.retail_company_id AS company_id,
                       ui.partner_id IS NOT NULL AS identified,
                       ui.retail_segment_id AS segment_id,
                       ui.retail_channel_id AS channel_id,
                       ui.retail_amount,
                       ui.retail_units,
                       1.0 / count(*) OVER (PARTITION BY l.user_input_id, l.question_id)
                           AS weight
                  FROM survey_user_input_line l
                  JOIN survey_user_input ui ON ui.id = l.user_input_id
                 WHERE ui.retail_status = 'answered'
                   AND l.skipped IS NOT TRUE
            )
            SELECT row_number() OVER () AS id,
                   survey_id, question_id, answer_id, rating, date, config_id,
                   company_id, identified, segment_id, channel_id,
                   count(*) AS answer_count,
                   NULL::float AS answer_share,
                   NULL::float AS order_amount,
                   NULL::float AS order_units,
                   sum(weight)::float AS respondent_weight,
                   sum(retail_amount) AS amount_sum,
                   sum(retail_units) AS units_sum,
                   sum(rating) AS rating_sum,
                   count(rating) AS rating_count,
                   now() AT TIME ZONE 'UTC' AS refreshed_at
              FROM lines
             GROUP BY survey_id, question_id, answer_id, rating, date, config_id,
                      company_id, identified, segment_id, channel_id
            """
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE MATERIALIZED VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._select_sql(),
            )
        )
        for name, columns in (
            ("survey_date", "survey_id, date"),
            ("config_date", "config_id, date"),
            ("company", "company_id"),
        ):
            self.env.cr.execute(
                SQL(
                    "CREATE INDEX %s ON %s (%s)",
                    SQL.identifier(f"{self._table}_{name}_idx"),
                    SQL.identifier(self._table),
                    SQL(columns),
                )
            )
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX %s ON %s (id)",
                SQL.identifier(f"{self._table}_id_idx"),
                SQL.identifier(self._table),
            )
        )

    @api.model
    def _retail_refresh(self):
        """Recount the answers (scheduled hourly; also the *Refresh* action).
        CONCURRENTLY: the screens keep reading the previous figures meanwhile."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "REFRESH MATERIALIZED VIEW CONCURRENTLY %s",
                SQL.identifier(self._table),
            )
        )
        self.invalidate_model()

    @api.model
    def action_retail_refresh(self):
        self.check_access("read")
        self.sudo()._retail_refresh()
        return {"type": "ir.actions.client", "tag": "reload"}

    # Weighted averages and shares per group
    @api.model
    def _read_group(
        self,
        domain,
        groupby=(),
        aggregates=(),
        having=(),
        offset=0,
        limit=None,
        order=None,
    ):
        raw = self._retail_raw_aggregates(aggregates)
        rows = super()._read_group(domain, groupby, raw, having, offset, limit, order)
        shares = None
        if rows and self._retail_wants_share(aggregates):
            shares = self._retail_shares(domain, [tuple(groupby)])[0]
        return [
            self._retail_final_row(row, groupby, aggregates, raw, shares)
            for row in rows
        ]

    @api.model
    def _read_grouping_sets(self, domain, grouping_sets, aggregates=(), order=None):
        raw = self._retail_raw_aggregates(aggregates)
        results = super()._read_grouping_sets(domain, grouping_sets, raw, order)
        shares = [None] * len(grouping_sets)
        if self._retail_wants_share(aggregates) and any(results):
            shares = self._retail_shares(domain, grouping_sets)
        return [
            [
                self._retail_final_row(row, groupby, aggregates, raw, share)
                for row in rows
            ]
            for rows, groupby, share in zip(results, grouping_sets, shares, strict=True)
        ]

    @api.model
    def _retail_wants_share(self, aggregates):
        return any(spec.split(":")[0] == "answer_share" for spec in aggregates)

    @api.model
    def _retail_raw_aggregates(self, aggregates):
        """What to ask SQL for: the sums behind the averages, nothing for the
        share (computed afterwards), the rest as asked."""
        raw = []
        for spec in aggregates:
            fname = spec.split(":")[0]
            if fname in WEIGHTED and spec.endswith(":avg"):
                raw += [f"{name}:sum" for name in WEIGHTED[fname]]
            elif fname != "answer_share":
                raw.append(spec)
        return list(dict.fromkeys(raw))

    @api.model
    def _retail_final_row(self, row, groupby, aggregates, raw, shares):
        size = len(groupby)
        values = dict(zip(raw, row[size:], strict=True))
        final = list(row[:size])
        for spec in aggregates:
            fname = spec.split(":")[0]
            if fname == "answer_share":
                final.append((shares or {}).get(tuple(row[:size]), 0.0))
            elif fname in WEIGHTED and spec.endswith(":avg"):
                total, count = (values[f"{name}:sum"] for name in WEIGHTED[fname])
                final.append(total / count if count else None)
            else:
                final.append(values[spec])
        return tuple(final)

    @api.model
    def _retail_shares(self, domain, grouping_sets):
        """For each grouping set, {group key: share}: 100 × the answers of the
        group / the respondents of the same group without its answer dimensions
        (answer, rating), summed over the questions the group holds. Two
        grouping-set queries whatever the number of sets."""
        answer_dims = {"answer_id", "rating"}

        def base(groupby):
            return tuple(s for s in groupby if s.split(":")[0] not in answer_dims)

        def with_question(groupby):
            return groupby if "question_id" in groupby else (*groupby, "question_id")

        grouping_sets = [tuple(groupby) for groupby in grouping_sets]
        count_sets = list(dict.fromkeys(with_question(g) for g in grouping_sets))
        total_sets = list(dict.fromkeys(with_question(base(g)) for g in grouping_sets))
        counts = dict(
            zip(
                count_sets,
                super()._read_grouping_sets(domain, count_sets, ["answer_count:sum"]),
                strict=True,
            )
        )
        totals = {
            groupby: {row[:-1]: row[-1] for row in rows}
            for groupby, rows in zip(
                total_sets,
                super()._read_grouping_sets(
                    domain, total_sets, ["respondent_weight:sum"]
                ),
                strict=True,
            )
        }
        result = []
        for groupby in grouping_sets:
            count_set = with_question(groupby)
            total_set = with_question(base(groupby))
            positions = [count_set.index(spec) for spec in total_set]
            figures = {}
            for row in counts[count_set]:
                key = tuple(row[: len(groupby)])
                total = totals[total_set].get(tuple(row[p] for p in positions), 0)
                answers, respondents = figures.get(key, (0, 0.0))
                figures[key] = (answers + row[-1], respondents + total)
            result.append(
                {
                    key: round(100.0 * answers / respondents, 6) if respondents else 0.0
                    for key, (answers, respondents) in figures.items()
                }
            )
        return result

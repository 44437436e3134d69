# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL


class RetailSurveyAnswerReport(models.Model):
    """One row per answer given at a till (a chosen answer or a rating), with
    the store, cashier, customer segment, channel and the order's amount and
    units. Reads two tables through indexes (survey_user_input_line.user_input_id
    and the store/date index of survey_user_input); the pivot and graph views
    aggregate it in SQL."""

    _name = "retail.survey.answer.report"
    _description = "Store Questionnaire Answers Analysis"
    _auto = False
    _order = "date desc, id desc"

    user_input_id = fields.Many2one("survey.user_input", string="Answer", readonly=True)
    survey_id = fields.Many2one("survey.survey", string="Questionnaire", readonly=True)
    question_id = fields.Many2one("survey.question", readonly=True)
    answer_id = fields.Many2one("survey.question.answer", readonly=True)
    rating = fields.Integer(readonly=True, aggregator="avg")
    date = fields.Datetime(readonly=True)
    config_id = fields.Many2one("pos.config", string="Store", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    cashier_id = fields.Many2one("res.users", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    identified = fields.Boolean(string="Identified Customer", readonly=True)
    segment_id = fields.Many2one("retail.segment", readonly=True)
    channel_id = fields.Many2one("retail.channel", readonly=True)
    order_id = fields.Many2one("pos.order", string="POS Order", readonly=True)
    answer_count = fields.Integer(string="Answers", readonly=True)
    order_amount = fields.Float(
        string="Average Basket", readonly=True, aggregator="avg"
    )
    order_units = fields.Float(string="Average Units", readonly=True, aggregator="avg")
    answer_share = fields.Float(
        string="Share of Question (%)",
        readonly=True,
        aggregator="sum",
        help="Answers of the group per 100 respondents of the question in the same "
        "group without the answer (store, period, segment...): the share of each "
        "answer; a multiple choice may total more than 100. Computed when grouping "
        "(see _retail_shares); empty on a single answer line.",
    )

    def _select_sql(self):
        return SQL(
            """
            SELECT l.id AS id,
                   ui.id AS user_input_id,
                   ui.survey_id,
                   l.question_id,
                   l.suggested_answer_id AS answer_id,
                   CASE WHEN l.answer_type = 'scale' THEN l.value_scale END AS rating,
                   ui.retail_date AS date,
                   ui.retail_config_id AS config_id,
                   ui.retail_company_id AS company_id,
                   ui.retail_cashier_id AS cashier_id,
                   ui.partner_id,
                   ui.partner_id IS NOT NULL AS identified,
                   ui.retail_segment_id AS segment_id,
                   ui.retail_channel_id AS channel_id,
                   ui.retail_pos_order_id AS order_id,
                   1 AS answer_count,
                   ui.retail_amount AS order_amount,
                   ui.retail_units AS order_units,
                   NULL::float AS answer_share
              FROM survey_user_input_line l
              JOIN survey_user_input ui ON ui.id = l.user_input_id
             WHERE ui.retail_status = 'answered'
               AND l.skipped IS NOT TRUE
            """
        )

    # Share of each answer within its question, per group of the pivot/graph
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
        rows = super()._read_group(
            domain, groupby, aggregates, having, offset, limit, order
        )
        if not self._retail_share_columns(groupby, aggregates) or not rows:
            return rows
        return self._retail_put_shares(
            rows, groupby, aggregates, self._retail_shares(domain, [groupby])[0]
        )

    @api.model
    def _read_grouping_sets(self, domain, grouping_sets, aggregates=(), order=None):
        results = super()._read_grouping_sets(domain, grouping_sets, aggregates, order)
        if not self._retail_share_columns((), aggregates):
            return results
        shares = self._retail_shares(domain, grouping_sets)
        return [
            self._retail_put_shares(rows, groupby, aggregates, share)
            for rows, groupby, share in zip(results, grouping_sets, shares, strict=True)
        ]

    @api.model
    def _retail_share_columns(self, groupby, aggregates):
        """Positions in a result row of the answer_share aggregates."""
        return [
            len(groupby) + index
            for index, spec in enumerate(aggregates)
            if spec.split(":")[0] == "answer_share"
        ]

    @api.model
    def _retail_put_shares(self, rows, groupby, aggregates, shares):
        columns = self._retail_share_columns(groupby, aggregates)
        size = len(groupby)
        result = []
        for row in rows:
            row = list(row)
            for column in columns:
                row[column] = shares.get(tuple(row[:size]), 0.0)
            result.append(tuple(row))
        return result

    @api.model
    def _retail_shares(self, domain, grouping_sets):
        """For each grouping set, {group key: share}: 100 × the answers of the
        group / the respondents (questionnaires answering the question) of the
        same group without its answer dimensions (answer, rating), summed over
        the questions the group holds. Two grouping-set queries whatever the
        number of sets: answers per set and question, respondents per set
        without answers and per question."""
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
                super()._read_grouping_sets(domain, count_sets, ["__count"]),
                strict=True,
            )
        )
        totals = {
            groupby: {row[:-1]: row[-1] for row in rows}
            for groupby, rows in zip(
                total_sets,
                super()._read_grouping_sets(
                    domain, total_sets, ["user_input_id:count_distinct"]
                ),
                strict=True,
            )
        }
        result = []
        for groupby in grouping_sets:
            count_set = with_question(groupby)
            total_set = with_question(base(groupby))
            total_positions = [count_set.index(spec) for spec in total_set]
            figures = {}
            for row in counts[count_set]:
                key = tuple(row[: len(groupby)])
                total = totals[total_set].get(
                    tuple(row[position] for position in total_positions), 0
                )
                answers, respondents = figures.get(key, (0, 0))
                figures[key] = (answers + row[-1], respondents + total)
            result.append(
                {
                    key: 100.0 * answers / respondents if respondents else 0.0
                    for key, (answers, respondents) in figures.items()
                }
            )
        return result

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._select_sql(),
            )
        )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.tools import SQL

from odoo.addons.retail_customer.tools import bulk_statements

from .mailing_mailing import DEFAULT_ATTRIBUTION_DAYS

# Customer fields the results can be split by; "segment" goes through the
# customers' segments (a customer of two segments counts in both).
RESULT_DIMENSIONS = {
    "store": "retail_preferred_store_id",
    "channel": "retail_channel_id",
    "segment": None,
}
# Memory of the results queries' sorts and hashes (a campaign of 100,000
# recipients: its members are grouped in memory, not on disk).
RESULTS_WORK_MEM = "32MB"
# Fields the results queries read, flushed first.
RESULT_FIELDS = {
    "mailing.trace": ["mass_mailing_id", "model", "res_id", "trace_status"],
    "mailing.mailing": ["sent_date", "campaign_id", "mailing_type"],
    "utm.campaign": ["retail_attribution_days"],
    "retail.marketing.holdout": ["mailing_id", "partner_id"],
    "pos.order": ["partner_id", "date_order", "state", "amount_total"],
    "sale.order": ["partner_id", "date_order", "state", "amount_total"],
    "res.partner": [
        "retail_consent_email",
        "retail_consent_email_date",
        "retail_consent_sms",
        "retail_consent_sms_date",
        "retail_preferred_store_id",
        "retail_channel_id",
        "retail_segment_ids",
    ],
}


class MailingMailing(models.Model):
    """Purchases measured after a send, read by set-based SQL composed of
    named parts: the members (recipients and holdout customers of the
    mailings, with their attribution window), their orders, the purchases of
    the members grouped by mailing or campaign (and by a customer dimension),
    and the recipients who unsubscribed."""

    _inherit = "mailing.mailing"

    def _retail_results_rows(self):
        """A recurring mailing's results are those of its daily runs."""
        recurring = self.filtered("retail_occasion")
        rows, unsubscribed = self._retail_results_query(
            SQL("m.id"), (self - recurring)._origin.ids
        )
        if recurring:
            runs = self.search([("retail_recurring_id", "in", recurring._origin.ids)])
            more_rows, more_unsubscribed = self._retail_results_query(
                SQL("m.retail_recurring_id"), runs.ids
            )
            rows.update(more_rows)
            unsubscribed.update(more_unsubscribed)
        return rows, unsubscribed

    @api.model
    def _retail_results_query(self, key, mailing_ids):
        """Purchases after the send of ``mailing_ids``, grouped by ``key`` (an
        SQL expression on the mailing ``m``: its id, its campaign...): for the
        recipients and for the holdout customers, how many customers, how many
        bought at the till (paid or posted POS orders) or on a confirmed sale
        order within the attribution window of the mailing's campaign, their
        orders and revenue; and how many recipients withdrew their consent for
        the channel after the send. Two set-based queries.

        Returns ``({(key, holdout): (customers, buyers, orders, revenue)},
        {key: unsubscribed})``."""
        if not mailing_ids:
            return {}, {}
        rows = self._retail_results_purchases(key, mailing_ids)
        with bulk_statements(self.env, RESULTS_WORK_MEM):
            unsubscribed = self.env.execute_query(
                self._retail_results_unsubscribed_sql(key, list(mailing_ids))
            )
        purchases = {}
        for key_id, _value, holdout, *figures in rows:
            purchases[key_id, holdout] = tuple(figures)
        return purchases, dict(unsubscribed)

    @api.model
    def _retail_results_purchases(self, key, mailing_ids, dimension=None):
        """``[(key, dimension value, holdout, customers, buyers, orders,
        revenue)]`` of ``mailing_ids``; the dimension value is None without
        ``dimension`` (one of ``RESULT_DIMENSIONS``)."""
        if not mailing_ids:
            return []
        for model, fnames in RESULT_FIELDS.items():
            self.env[model].flush_model(fnames)
        ids = list(mailing_ids)
        join, value = self._retail_results_dimension_sql(dimension)
        with bulk_statements(self.env, RESULTS_WORK_MEM):
            rows = self.env.execute_query(
                SQL(
                    """
                    WITH members AS (%(members)s), orders AS (%(orders)s)
                    SELECT mb.key, %(value)s, mb.holdout,
                           COUNT(DISTINCT mb.partner_id),
                           COUNT(DISTINCT o.partner_id),
                           COUNT(o.partner_id),
                           COALESCE(SUM(o.amount_total), 0)
                      FROM members mb
                      %(join)s
                      LEFT JOIN orders o
                        ON o.partner_id = mb.partner_id
                       AND o.date_order >= mb.start_date
                       AND o.date_order < mb.stop_date
                     GROUP BY 1, 2, 3
                    """,
                    members=self._retail_results_members_sql(key, ids),
                    orders=self._retail_results_orders_sql(),
                    value=value,
                    join=join,
                )
            )
        return [(*row[:6], float(row[6])) for row in rows]

    @api.model
    def _retail_results_dimension_sql(self, dimension):
        """(join, expression) giving the ``dimension`` of a member ``mb``."""
        if not dimension:
            return SQL(), SQL("NULL::int")
        if dimension == "segment":
            return (
                SQL(
                    "LEFT JOIN retail_segment_partner_rel sp "
                    "ON sp.partner_id = mb.partner_id"
                ),
                SQL("sp.segment_id"),
            )
        return (
            SQL("JOIN res_partner p ON p.id = mb.partner_id"),
            SQL.identifier("p", RESULT_DIMENSIONS[dimension]),
        )

    @api.model
    def _retail_results_window_sql(self):
        """End of the attribution window of a mailing ``m`` of campaign ``c``."""
        return SQL(
            "m.sent_date + make_interval(days => COALESCE(c.retail_attribution_days,"
            " %s))",
            DEFAULT_ATTRIBUTION_DAYS,
        )

    @api.model
    def _retail_results_members_sql(self, key, ids=None, per_campaign=False):
        """The recipients (traces not cancelled) and the holdout customers of
        the sent mailings ``ids`` (every mailing when None): key, partner,
        holdout, start and end of their attribution window. With
        ``per_campaign`` (``key``: the mailing's id or its campaign's), also
        the campaign, a grouping column (a filter on it reaches the traces of
        that campaign only), and ``member_id``, unique to each row."""

        def among(column):
            if ids is None:
                return SQL("TRUE")
            return SQL("%s = ANY(%s)", column, ids)

        def campaign(row_id, parity):
            if not per_campaign:
                return SQL(), SQL()
            return (
                SQL(
                    ", m.campaign_id, MIN(%s)::bigint * 2 + %s AS member_id",
                    row_id,
                    parity,
                ),
                SQL(", m.campaign_id"),
            )

        # recipients' rows even numbers, holdout rows odd ones
        traces_extra, traces_group = campaign(SQL("t.id"), 0)
        holdout_extra, holdout_group = campaign(SQL("h.id"), 1)
        return SQL(
            """
            SELECT %(key)s AS key, t.res_id AS partner_id, FALSE AS holdout,
                   MIN(m.sent_date) AS start_date, MAX(%(window)s) AS stop_date
                   %(traces_extra)s
              FROM mailing_trace t
              JOIN mailing_mailing m ON m.id = t.mass_mailing_id
              LEFT JOIN utm_campaign c ON c.id = m.campaign_id
             WHERE %(traces)s
               AND t.model = 'res.partner'
               AND t.trace_status != 'cancel'
               AND m.sent_date IS NOT NULL
             GROUP BY 1, 2 %(traces_group)s
             UNION ALL
            SELECT %(key)s, h.partner_id, TRUE, MIN(m.sent_date), MAX(%(window)s)
                   %(holdout_extra)s
              FROM retail_marketing_holdout h
              JOIN mailing_mailing m ON m.id = h.mailing_id
              LEFT JOIN utm_campaign c ON c.id = m.campaign_id
             WHERE %(holdouts)s
               AND m.sent_date IS NOT NULL
             GROUP BY 1, 2 %(holdout_group)s
            """,
            key=key,
            window=self._retail_results_window_sql(),
            traces=among(SQL("t.mass_mailing_id")),
            holdouts=among(SQL("h.mailing_id")),
            traces_extra=traces_extra,
            traces_group=traces_group,
            holdout_extra=holdout_extra,
            holdout_group=holdout_group,
        )

    @api.model
    def _retail_results_orders_sql(self, partner=None):
        """The members' purchases: paid or posted till orders and confirmed
        sale orders (refunds and empty orders left out); of the customer
        ``partner`` (an SQL expression) when given, else of the ``members``."""
        if partner is None:
            partner = SQL("(SELECT partner_id FROM members)")
            operator = SQL("IN")
        else:
            operator = SQL("=")
        return SQL(
            """
            SELECT o.partner_id, o.date_order, o.amount_total
              FROM pos_order o
             WHERE o.state IN ('paid', 'done')
               AND o.amount_total > 0
               AND o.partner_id %(operator)s %(partner)s
             UNION ALL
            SELECT o.partner_id, o.date_order, o.amount_total
              FROM sale_order o
             WHERE o.state = 'sale'
               AND o.amount_total > 0
               AND o.partner_id %(operator)s %(partner)s
            """,
            operator=operator,
            partner=partner,
        )

    @api.model
    def _retail_results_unsubscribed_sql(self, key, ids):
        """Recipients who withdrew the channel's consent after their trace."""
        return SQL(
            """
            SELECT %(key)s, COUNT(DISTINCT t.res_id)
              FROM mailing_trace t
              JOIN mailing_mailing m ON m.id = t.mass_mailing_id
              JOIN res_partner p ON p.id = t.res_id
             WHERE t.mass_mailing_id = ANY(%(ids)s)
               AND t.model = 'res.partner'
               AND t.trace_status != 'cancel'
               -- consent dates are kept to the second, trace dates finer
               AND CASE WHEN m.mailing_type = 'sms'
                        THEN p.retail_consent_sms IS NOT TRUE
                             AND p.retail_consent_sms_date
                                 >= date_trunc('second', t.create_date)
                        ELSE p.retail_consent_email IS NOT TRUE
                             AND p.retail_consent_email_date
                                 >= date_trunc('second', t.create_date)
                    END
             GROUP BY 1
            """,
            key=key,
            ids=ids,
        )

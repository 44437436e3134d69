# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class RetailMarketingResultReport(models.Model):
    """One row per customer targeted by a sent mailing to customers (recipient
    or holdout), with the campaign, the customer's preferred store and channel,
    and what they bought within the attribution window; the pivot and graph
    views aggregate it in SQL. Read from the same named queries as the results
    of the mailing and campaign forms."""

    _name = "retail.marketing.result.report"
    _inherit = ["retail.report.view.mixin"]
    _description = "Campaign Results Analysis"
    _auto = False
    _rec_name = "mailing_id"
    _order = "sent_date desc, id"

    campaign_id = fields.Many2one("utm.campaign", readonly=True)
    mailing_id = fields.Many2one("mailing.mailing", readonly=True)
    mailing_type = fields.Selection(
        [("mail", "Email"), ("sms", "SMS")], string="Channel Type", readonly=True
    )
    sent_date = fields.Datetime(string="Sent On", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", string="Customer File", readonly=True)
    store_id = fields.Many2one("pos.config", string="Preferred Store", readonly=True)
    channel_id = fields.Many2one("retail.channel", readonly=True)
    member_type = fields.Selection(
        [("recipient", "Recipients"), ("holdout", "Holdout")], readonly=True
    )
    customer_count = fields.Integer(string="Customers", readonly=True)
    buyer_count = fields.Integer(
        string="Buyers",
        readonly=True,
        help="Customers who bought within the attribution window after the send.",
    )
    order_count = fields.Integer(string="Orders", readonly=True)
    revenue = fields.Float(readonly=True)

    def _select_sql(self):
        # No window function nor shared subquery: a filter on the campaign
        # (or the mailing) reaches the traces of that campaign only, and each
        # member's orders are read through the customer's index.
        Mailing = self.env["mailing.mailing"]
        return SQL(
            """
            SELECT %(id)s AS id,
                   mb.campaign_id,
                   mb.key AS mailing_id,
                   m.mailing_type,
                   m.sent_date,
                   mb.partner_id,
                   p.company_id,
                   p.retail_preferred_store_id AS store_id,
                   p.retail_channel_id AS channel_id,
                   %(segment)s
                   CASE WHEN mb.holdout THEN 'holdout' ELSE 'recipient' END
                       AS member_type,
                   1 AS customer_count,
                   CASE WHEN o.order_count > 0 THEN 1 ELSE 0 END AS buyer_count,
                   o.order_count,
                   o.revenue
              FROM (%(members)s) mb
              JOIN mailing_mailing m ON m.id = mb.key
              JOIN res_partner p ON p.id = mb.partner_id
              %(segment_join)s
              CROSS JOIN LATERAL (
                  SELECT COUNT(*) AS order_count,
                         COALESCE(SUM(o.amount_total), 0) AS revenue
                    FROM (%(orders)s) o
                   WHERE o.date_order >= mb.start_date
                     AND o.date_order < mb.stop_date
              ) o
            """,
            members=Mailing._retail_results_members_sql(SQL("m.id"), per_campaign=True),
            orders=Mailing._retail_results_orders_sql(SQL("mb.partner_id")),
            **self._retail_segment_sql(),
        )

    def _retail_segment_sql(self):
        """The parts of the query that split a customer by segment: none
        here (a customer counts once)."""
        return {"id": SQL("mb.member_id"), "segment": SQL(), "segment_join": SQL()}


class RetailMarketingResultSegmentReport(models.Model):
    """The same rows split by the customers' segments: a customer of two
    segments counts in both, one without segment under none."""

    _name = "retail.marketing.result.segment.report"
    _inherit = "retail.marketing.result.report"
    _description = "Campaign Results Analysis by Segment"
    _auto = False

    segment_id = fields.Many2one("retail.segment", readonly=True)

    def _retail_segment_sql(self):
        return {
            # a member's row per segment (no segment: 0)
            "id": SQL("mb.member_id * 1000000 + COALESCE(sp.segment_id, 0)"),
            "segment": SQL("sp.segment_id AS segment_id,"),
            "segment_join": SQL(
                "LEFT JOIN retail_segment_partner_rel sp ON sp.partner_id = p.id"
            ),
        }

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL

KPI_FIELDS = [
    "retail_first_purchase_date",
    "retail_last_purchase_date",
    "retail_purchase_count",
    "retail_total_spent",
    "retail_average_basket",
    "retail_favorite_category_id",
    "retail_preferred_store_id",
]


class ResPartner(models.Model):
    """Purchase KPIs of a customer, kept up to date incrementally from its POS
    and sale orders (``retail.kpi.order.mixin``)."""

    _inherit = "res.partner"

    # Purchase KPIs: kept up to date by _retail_kpi_apply when orders are
    # confirmed, paid, refunded or cancelled; never recomputed on read.
    retail_first_purchase_date = fields.Datetime(string="First Purchase", readonly=True)
    retail_last_purchase_date = fields.Datetime(string="Last Purchase", readonly=True)
    retail_purchase_count = fields.Integer(string="Purchases", readonly=True)
    retail_total_spent = fields.Monetary(
        string="Total Spent", readonly=True, currency_field="retail_currency_id"
    )
    retail_average_basket = fields.Monetary(
        string="Average Basket", readonly=True, currency_field="retail_currency_id"
    )
    retail_currency_id = fields.Many2one(
        "res.currency", compute="_compute_retail_currency_id"
    )
    retail_favorite_category_id = fields.Many2one(
        "product.category", string="Favourite Category", readonly=True
    )
    retail_preferred_store_id = fields.Many2one(
        "pos.config", string="Preferred Store", readonly=True
    )
    retail_used_channel_ids = fields.Many2many(
        "retail.channel",
        string="Channels Used",
        compute="_compute_retail_used_channel_ids",
    )

    def _compute_retail_currency_id(self):
        self.retail_currency_id = self.env.company.currency_id

    def _compute_retail_used_channel_ids(self):
        # sudo: only the channel ids of these partners come out, whatever the
        # rules on the statistics rows
        stats = (
            self.env["retail.customer.stat"]
            .sudo()
            ._read_group(
                [("partner_id", "in", self.ids), ("kind", "=", "channel")],
                ["partner_id"],
                ["res_id:array_agg"],
            )
        )
        by_partner = {partner.id: ids for partner, ids in stats}
        for partner in self:
            partner.retail_used_channel_ids = self.env["retail.channel"].browse(
                by_partner.get(partner.id, [])
            )

    def _retail_personal_data(self):
        data = super()._retail_personal_data()
        # sudo: the export holds the customer's figures (see the caller's checks)
        partner = self.sudo()
        data["purchases"] = {
            "count": partner.retail_purchase_count,
            "total_spent": partner.retail_total_spent,
            "first": partner.retail_first_purchase_date or None,
            "last": partner.retail_last_purchase_date or None,
        }
        return data

    @api.model
    def _retail_kpi_apply(self, facts, sign=1):
        """Add (sign=1) or remove (sign=-1) purchases from the customers' KPIs.

        ``facts``: list of dicts with partner_id, date, amount (company currency,
        negative for a refund), count (1 for a purchase, 0 for a refund),
        channel_id, store_id and categories ({category_id: amount}).
        Set-based: one UPDATE of the partners, one upsert of the statistics, one
        query for the favourites, whatever the number of orders.
        """
        facts = [f for f in facts if f.get("partner_id")]
        if not facts:
            return
        self._retail_kpi_update_partners(facts, sign)
        self.env["retail.customer.stat"]._retail_add(facts, sign)
        partners = self.browse({f["partner_id"] for f in facts})
        if sign < 0:
            partners._retail_kpi_recompute_dates()
        partners._retail_kpi_recompute_favorites()
        partners.invalidate_recordset(KPI_FIELDS)

    @api.model
    def _retail_kpi_update_partners(self, facts, sign):
        totals = {}
        for fact in facts:
            row = totals.setdefault(
                fact["partner_id"], [0, 0.0, fact["date"], fact["date"]]
            )
            row[0] += fact["count"] * sign
            row[1] += fact["amount"] * sign
            row[2] = min(row[2], fact["date"])
            row[3] = max(row[3], fact["date"])
        ids, counts, amounts, firsts, lasts = [], [], [], [], []
        for partner_id, (count, amount, first, last) in totals.items():
            ids.append(partner_id)
            counts.append(count)
            amounts.append(amount)
            firsts.append(first)
            lasts.append(last)
        self.env["res.partner"].flush_model(KPI_FIELDS)
        dates = (
            SQL(
                """
                retail_first_purchase_date = LEAST(p.retail_first_purchase_date,
                                                   v.first),
                retail_last_purchase_date = GREATEST(p.retail_last_purchase_date,
                                                     v.last),
                """
            )
            if sign > 0
            else SQL("")
        )
        self.env.execute_query(
            SQL(
                """
                UPDATE res_partner p SET %(dates)s
                       retail_purchase_count =
                           COALESCE(p.retail_purchase_count, 0) + v.cnt,
                       retail_total_spent =
                           COALESCE(p.retail_total_spent, 0) + v.amount,
                       retail_average_basket = CASE
                           WHEN COALESCE(p.retail_purchase_count, 0) + v.cnt > 0
                           THEN (COALESCE(p.retail_total_spent, 0) + v.amount)
                                / (COALESCE(p.retail_purchase_count, 0) + v.cnt)
                           ELSE 0 END
                  FROM unnest(%(ids)s::int[], %(counts)s::int[], %(amounts)s::numeric[],
                              %(firsts)s::timestamp[], %(lasts)s::timestamp[])
                       AS v(id, cnt, amount, first, last)
                 WHERE p.id = v.id
                """,
                dates=dates,
                ids=ids,
                counts=counts,
                amounts=amounts,
                firsts=firsts,
                lasts=lasts,
            )
        )

    def _retail_kpi_recompute_dates(self):
        """After a cancellation, first and last purchase come from the orders
        still counted (indexed by partner; only these partners)."""
        self.env["pos.order"].flush_model(["retail_kpi_done", "date_order"])
        self.env["sale.order"].flush_model(["retail_kpi_done", "date_order"])
        self.env.execute_query(
            SQL(
                """
                WITH o AS (
                    SELECT partner_id, date_order FROM pos_order
                     WHERE retail_kpi_done AND partner_id = ANY(%(ids)s)
                    UNION ALL
                    SELECT partner_id, date_order FROM sale_order
                     WHERE retail_kpi_done AND partner_id = ANY(%(ids)s)
                ), d AS (
                    SELECT p.id, MIN(o.date_order) AS first, MAX(o.date_order) AS last
                      FROM unnest(%(ids)s::int[]) AS p(id)
                      LEFT JOIN o ON o.partner_id = p.id
                     GROUP BY p.id
                )
                UPDATE res_partner p
                   SET retail_first_purchase_date = d.first,
                       retail_last_purchase_date = d.last
                  FROM d WHERE p.id = d.id
                """,
                ids=self.ids,
            )
        )

    def _retail_kpi_recompute_favorites(self):
        """Favourite category and preferred store: the highest spend among the
        statistics rows of these partners."""
        self.env.execute_query(
            SQL(
                """
                WITH best AS (
                    SELECT DISTINCT ON (partner_id, kind) partner_id, kind, res_id
                      FROM retail_customer_stat
                     WHERE partner_id = ANY(%(ids)s)
                       AND kind IN ('category', 'store') AND amount > 0
                     ORDER BY partner_id, kind, amount DESC, order_count DESC, res_id
                )
                UPDATE res_partner p
                   SET retail_favorite_category_id = (
                           SELECT res_id FROM best
                            WHERE best.partner_id = p.id AND kind = 'category'),
                       retail_preferred_store_id = (
                           SELECT res_id FROM best
                            WHERE best.partner_id = p.id AND kind = 'store')
                 WHERE p.id = ANY(%(ids)s)
                """,
                ids=self.ids,
            )
        )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class RetailCustomerStat(models.Model):
    """Running totals of a customer per category, store and channel, kept up to
    date incrementally by res.partner._retail_kpi_apply (one row per partner and
    key, upserted in one query per batch of orders)."""

    _name = "retail.customer.stat"
    _description = "Customer Purchase Totals"
    _log_access = False

    partner_id = fields.Many2one(
        "res.partner", required=True, ondelete="cascade", index=True
    )
    kind = fields.Selection(
        [("category", "Product category"), ("store", "Store"), ("channel", "Channel")],
        required=True,
    )
    res_id = fields.Integer(
        string="Key", required=True, help="Id of the category, store or channel."
    )
    amount = fields.Float(digits=(16, 2))
    order_count = fields.Integer()

    _partner_kind_key_uniq = models.UniqueIndex("(partner_id, kind, res_id)")

    def _retail_add(self, facts, sign):
        """Upsert the totals of ``facts`` (see res.partner._retail_kpi_apply)."""
        totals = {}
        for fact in facts:
            keys = [
                ("store", fact.get("store_id"), fact["amount"]),
                ("channel", fact.get("channel_id"), fact["amount"]),
            ]
            keys += [
                ("category", categ_id, amount)
                for categ_id, amount in (fact.get("categories") or {}).items()
            ]
            for kind, res_id, amount in keys:
                if not res_id:
                    continue
                row = totals.setdefault((fact["partner_id"], kind, res_id), [0.0, 0])
                row[0] += amount * sign
                row[1] += fact["count"] * sign
        if not totals:
            return
        partner_ids, kinds, res_ids, amounts, counts = [], [], [], [], []
        for (partner_id, kind, res_id), (amount, count) in totals.items():
            partner_ids.append(partner_id)
            kinds.append(kind)
            res_ids.append(res_id)
            amounts.append(amount)
            counts.append(count)
        self.flush_model()
        self.env.execute_query(
            SQL(
                """
                INSERT INTO retail_customer_stat
                       (partner_id, kind, res_id, amount, order_count)
                SELECT * FROM unnest(%s::int[], %s::varchar[], %s::int[],
                                     %s::numeric[], %s::int[])
                ON CONFLICT (partner_id, kind, res_id) DO UPDATE
                   SET amount = retail_customer_stat.amount + EXCLUDED.amount,
                       order_count = retail_customer_stat.order_count
                                     + EXCLUDED.order_count
                """,
                partner_ids,
                kinds,
                res_ids,
                amounts,
                counts,
            )
        )
        self.invalidate_model()

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class RetailGiftRegistryReport(models.Model):
    """Analysis per list (read-only view): one row per list with its wanted
    and bought quantities, what was given, its guests and its closing bonus,
    for pivots and graphs by type, store, consultant and period.

    Ratios are per list (conversion of the wanted items, average per guest):
    a pivot cell shows the average of its lists' ratios, beside the sums they
    come from (quantities, amounts, guests)."""

    _name = "retail.gift.registry.report"
    _description = "Gift List Analysis"
    _auto = False
    _order = "event_date desc, id desc"

    registry_id = fields.Many2one("retail.gift.registry", string="Gift List")
    company_id = fields.Many2one("res.company")
    currency_id = fields.Many2one(related="company_id.currency_id")
    type_id = fields.Many2one("retail.gift.registry.type", string="List Type")
    store_id = fields.Many2one("pos.config")
    consultant_id = fields.Many2one("res.users")
    event_date = fields.Date()
    date_open = fields.Date(string="Opening Date")
    state = fields.Selection(
        lambda self: self.env["retail.gift.registry"]._fields["state"].selection
    )
    list_count = fields.Integer(string="Lists", aggregator="sum")
    qty_wanted = fields.Float(string="Wanted", digits="Product Unit")
    qty_converted = fields.Float(
        string="Wanted and Bought",
        digits="Product Unit",
        help="Units bought of the wanted items, up to the wanted quantity of "
        "each item (surplus excluded).",
    )
    conversion = fields.Float(
        string="Conversion (%)",
        aggregator="avg",
        help="Wanted units bought out of the wanted units of the list.",
    )
    amount_gifts = fields.Monetary(string="Gifts Bought", currency_field="currency_id")
    amount_contributions = fields.Monetary(
        string="Contributions", currency_field="currency_id"
    )
    amount_total = fields.Monetary(string="Total Bought", currency_field="currency_id")
    guest_count = fields.Integer(string="Guests")
    amount_per_guest = fields.Monetary(
        string="Average per Guest", aggregator="avg", currency_field="currency_id"
    )
    bonus_amount = fields.Monetary(string="Closing Bonus", currency_field="currency_id")

    @property
    def _table_query(self):
        purchases = self.env["retail.gift.registry.purchase"]._table_query
        return SQL(
            """
            WITH purchase AS (%(purchases)s),
            bought AS (
                SELECT item_id, SUM(qty) AS qty
                  FROM purchase
                 WHERE item_id IS NOT NULL AND NOT is_contribution
                 GROUP BY item_id
            ),
            items AS (
                SELECT i.registry_id,
                       SUM(i.qty_wanted) AS qty_wanted,
                       SUM(LEAST(GREATEST(COALESCE(b.qty, 0), 0), i.qty_wanted))
                           AS qty_converted
                  FROM retail_gift_registry_item i
                  LEFT JOIN bought b ON b.item_id = i.id
                 GROUP BY i.registry_id
            ),
            given AS (
                SELECT registry_id,
                       SUM(amount) FILTER (WHERE NOT is_contribution) AS gifts,
                       SUM(amount) FILTER (WHERE is_contribution) AS contributions,
                       SUM(amount) AS total,
                       COUNT(DISTINCT guest_key) FILTER (WHERE qty > 0) AS guests
                  FROM purchase
                 GROUP BY registry_id
            )
            SELECT reg.id AS id,
                   reg.id AS registry_id,
                   reg.company_id AS company_id,
                   reg.type_id AS type_id,
                   reg.pos_config_id AS store_id,
                   reg.user_id AS consultant_id,
                   reg.event_date AS event_date,
                   reg.date_open AS date_open,
                   reg.state AS state,
                   1 AS list_count,
                   COALESCE(items.qty_wanted, 0) AS qty_wanted,
                   COALESCE(items.qty_converted, 0) AS qty_converted,
                   CASE WHEN COALESCE(items.qty_wanted, 0) > 0
                        THEN 100.0 * items.qty_converted / items.qty_wanted
                        ELSE 0 END AS conversion,
                   COALESCE(given.gifts, 0) AS amount_gifts,
                   COALESCE(given.contributions, 0) AS amount_contributions,
                   COALESCE(given.total, 0) AS amount_total,
                   COALESCE(given.guests, 0) AS guest_count,
                   CASE WHEN COALESCE(given.guests, 0) > 0
                        THEN given.total / given.guests
                        ELSE 0 END AS amount_per_guest,
                   COALESCE(reg.bonus_amount, 0) AS bonus_amount
              FROM retail_gift_registry reg
              LEFT JOIN items ON items.registry_id = reg.id
              LEFT JOIN given ON given.registry_id = reg.id
            """,
            purchases=purchases,
        )

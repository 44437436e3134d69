# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import float_round

NO_RESULT = (0, 0, 0, 0.0)


class RetailMarketingResultMixin(models.AbstractModel):
    """Purchases measured after a send: the customers who bought within the
    campaign's attribution window, their revenue and average basket, the same
    for the holdout group, and the lift between them. Read from the mailing
    traces, the holdout records and the POS and sale orders in one query
    (``mailing.mailing._retail_results_query``)."""

    _name = "retail.marketing.result.mixin"
    _description = "Retail Marketing Results"

    retail_currency_id = fields.Many2one(
        "res.currency", compute="_compute_retail_results", string="Results Currency"
    )
    retail_recipient_count = fields.Integer(
        compute="_compute_retail_results",
        string="Recipients",
        help="Customers the send tried to reach (cancelled traces left out).",
    )
    retail_targeted_count = fields.Integer(
        compute="_compute_retail_results",
        string="Targeted",
        help="Recipients and holdout customers.",
    )
    retail_buyer_count = fields.Integer(
        compute="_compute_retail_results",
        string="Buyers",
        help="Recipients who bought at the till or on a confirmed sale order within "
        "the attribution window after the send.",
    )
    retail_order_count = fields.Integer(
        compute="_compute_retail_results", string="Orders"
    )
    retail_revenue = fields.Monetary(
        compute="_compute_retail_results",
        string="Revenue",
        currency_field="retail_currency_id",
    )
    retail_average_basket = fields.Monetary(
        compute="_compute_retail_results",
        string="Average Basket",
        currency_field="retail_currency_id",
    )
    retail_conversion_rate = fields.Float(
        compute="_compute_retail_results",
        string="Conversion (%)",
        help="Buyers among the recipients.",
    )
    retail_holdout_count = fields.Integer(
        compute="_compute_retail_results",
        string="Holdout",
        help="Customers of the audience kept out of the send at random.",
    )
    retail_holdout_buyer_count = fields.Integer(
        compute="_compute_retail_results", string="Holdout Buyers"
    )
    retail_holdout_revenue = fields.Monetary(
        compute="_compute_retail_results",
        string="Holdout Revenue",
        currency_field="retail_currency_id",
    )
    retail_holdout_conversion_rate = fields.Float(
        compute="_compute_retail_results",
        string="Holdout Conversion (%)",
        help="Buyers among the holdout customers, measured over the same window.",
    )
    retail_lift = fields.Float(
        compute="_compute_retail_results",
        string="Lift (points)",
        help="Conversion of the recipients minus conversion of the holdout group, "
        "in percentage points.",
    )
    retail_unsubscribed_count = fields.Integer(
        compute="_compute_retail_results",
        string="Unsubscribed",
        help="Recipients who withdrew their consent for the channel after the send.",
    )

    def _retail_results_rows(self):
        """``({(record id, holdout): (customers, buyers, orders, revenue)},
        {record id: unsubscribed})`` for ``self``; meant to be overridden."""
        return {}, {}

    def _compute_retail_results(self):
        rows, unsubscribed = self._retail_results_rows()
        currency = self.env.company.currency_id
        for record in self:
            key = record._origin.id
            sent = rows.get((key, False), NO_RESULT)
            held = rows.get((key, True), NO_RESULT)
            conversion = 100.0 * sent[1] / sent[0] if sent[0] else 0.0
            held_conversion = 100.0 * held[1] / held[0] if held[0] else 0.0
            record.retail_currency_id = currency
            record.retail_recipient_count = sent[0]
            record.retail_targeted_count = sent[0] + held[0]
            record.retail_buyer_count = sent[1]
            record.retail_order_count = sent[2]
            record.retail_revenue = sent[3]
            record.retail_average_basket = sent[3] / sent[2] if sent[2] else 0.0
            record.retail_conversion_rate = float_round(conversion, 2)
            record.retail_holdout_count = held[0]
            record.retail_holdout_buyer_count = held[1]
            record.retail_holdout_revenue = held[3]
            record.retail_holdout_conversion_rate = float_round(held_conversion, 2)
            record.retail_lift = (
                float_round(conversion - held_conversion, 2) if held[0] else 0.0
            )
            record.retail_unsubscribed_count = unsubscribed.get(key, 0)

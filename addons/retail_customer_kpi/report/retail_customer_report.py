# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class RetailCustomerReport(models.Model):
    """One row per customer with its geography, channel, store and KPIs; the
    pivot and graph views aggregate it in SQL (GROUP BY on this view)."""

    _name = "retail.customer.report"
    _inherit = ["retail.report.view.mixin"]
    _description = "Customer Statistics"
    _auto = False
    _rec_name = "partner_id"
    _order = "partner_id"

    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", string="Customer File", readonly=True)
    country_id = fields.Many2one("res.country", readonly=True)
    state_id = fields.Many2one("res.country.state", string="Province", readonly=True)
    city = fields.Char(readonly=True)
    zip = fields.Char(string="Postal Code", readonly=True)
    channel_id = fields.Many2one("retail.channel", readonly=True)
    store_id = fields.Many2one("pos.config", string="Preferred Store", readonly=True)
    category_id = fields.Many2one(
        "product.category", string="Favourite Category", readonly=True
    )
    is_company = fields.Boolean(readonly=True)
    consent_email = fields.Boolean(string="Email Consent", readonly=True)
    consent_sms = fields.Boolean(string="SMS Consent", readonly=True)
    first_purchase_date = fields.Datetime(readonly=True)
    last_purchase_date = fields.Datetime(readonly=True)
    customer_count = fields.Integer(string="Customers", readonly=True)
    buyer_count = fields.Integer(
        string="Buyers", readonly=True, help="Customers with at least one purchase."
    )
    purchase_count = fields.Integer(string="Purchases", readonly=True)
    total_spent = fields.Float(readonly=True)
    average_basket = fields.Float(readonly=True, aggregator="avg")

    def _select_sql(self):
        return SQL(
            """
            SELECT p.id AS id,
                   p.id AS partner_id,
                   p.company_id,
                   p.country_id,
                   p.state_id,
                   p.city,
                   p.zip,
                   p.retail_channel_id AS channel_id,
                   p.retail_preferred_store_id AS store_id,
                   p.retail_favorite_category_id AS category_id,
                   p.is_company,
                   COALESCE(p.retail_consent_email, FALSE) AS consent_email,
                   COALESCE(p.retail_consent_sms, FALSE) AS consent_sms,
                   p.retail_first_purchase_date AS first_purchase_date,
                   p.retail_last_purchase_date AS last_purchase_date,
                   1 AS customer_count,
                   CASE WHEN COALESCE(p.retail_purchase_count, 0) > 0
                        THEN 1 ELSE 0 END AS buyer_count,
                   COALESCE(p.retail_purchase_count, 0) AS purchase_count,
                   COALESCE(p.retail_total_spent, 0) AS total_spent,
                   COALESCE(p.retail_average_basket, 0) AS average_basket
              FROM res_partner p
             WHERE (p.active OR p.retail_anonymized_date IS NOT NULL)
               AND p.parent_id IS NULL AND p.customer_number IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM res_users u WHERE u.partner_id = p.id)
            """
        )

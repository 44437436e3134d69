# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time

from odoo import api, fields, models
from odoo.tools import SQL


class LoyaltyCard(models.Model):
    """Outstanding gift card money at a date, by company and store."""

    _inherit = "loyalty.card"

    @api.model
    def _retail_giftcard_outstanding(self, date, companies=None):
        """Outstanding gift card money at the end of ``date``, from the ledger:
        [{company_id, store_id, amount}] by company and by the store where the
        money moved (store False: back office). Its total per company equals the
        gift card liability account's balance at that date (sessions closed)."""
        companies = companies or self.env.companies
        # the end of the day (date + 1 day overflows on 9999-12-31)
        end = datetime.combine(fields.Date.to_date(date), time.max)
        rows = self.env.execute_query(
            SQL(
                """
                SELECT card.company_id, row.retail_store_id,
                       SUM(row.issued - row.used)
                  FROM loyalty_history AS row
                  JOIN loyalty_card AS card ON card.id = row.card_id
                  JOIN retail_giftcard_series AS series
                    ON series.id = card.retail_series_id
                 WHERE series.voucher_type = 'multi'
                   AND row.retail_kind IS NOT NULL
                   AND row.create_date <= %s
                   AND card.company_id = ANY(%s)
              GROUP BY card.company_id, row.retail_store_id
              ORDER BY card.company_id, row.retail_store_id NULLS FIRST
                """,
                end,
                companies.ids,
            )
        )
        totals = {
            (company_id, store_id): amount for company_id, store_id, amount in rows
        }
        # offline shortfalls: paid by cards that could not cover them, so they are
        # debited from the liability at session closing but not from the cards
        shortfalls = self.env.execute_query(
            SQL(
                """
                SELECT payment.company_id, pos_order.config_id,
                       SUM(payment.retail_giftcard_shortfall)
                  FROM pos_payment AS payment
                  JOIN pos_order ON pos_order.id = payment.pos_order_id
                  JOIN loyalty_card AS card ON card.id = payment.retail_giftcard_id
                  JOIN retail_giftcard_series AS series
                    ON series.id = card.retail_series_id
                 WHERE payment.retail_giftcard_shortfall != 0
                   AND series.voucher_type = 'multi'
                   AND payment.payment_date <= %s
                   AND payment.company_id = ANY(%s)
              GROUP BY payment.company_id, pos_order.config_id
                """,
                end,
                companies.ids,
            )
        )
        for company_id, store_id, amount in shortfalls:
            key = (company_id, store_id)
            totals[key] = totals.get(key, 0.0) - amount
        return [
            {"company_id": company_id, "store_id": store_id, "amount": amount}
            for (company_id, store_id), amount in totals.items()
        ]

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class RetailMarketingOccasionSent(models.Model):
    """A customer reached (or held out) by a recurring mailing for one
    occurrence of its occasion: the year of a birthday, the last purchase of a
    win-back, the first purchase of a welcome. Reserved in the transaction that
    queues the customer's email or text message; the unique key makes every
    later run, retry or concurrent run skip the customer for that occurrence."""

    _name = "retail.marketing.occasion.sent"
    _description = "Recurring Mailing Sent for an Occasion"
    _order = "id desc"

    mailing_id = fields.Many2one(
        "mailing.mailing",
        string="Recurring Mailing",
        required=True,
        index=True,
        ondelete="cascade",
    )
    run_mailing_id = fields.Many2one(
        "mailing.mailing",
        string="Run",
        required=True,
        index=True,
        ondelete="cascade",
        help="The mailing of the day that carried the message.",
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, ondelete="cascade"
    )
    occasion_key = fields.Char(
        string="Occurrence",
        required=True,
        help="Which occurrence of the occasion: the year of the birthday, the "
        "date of the last purchase for a win-back...",
    )
    holdout = fields.Boolean(
        help="Kept out of the send at random for this occurrence (holdout group)."
    )
    company_id = fields.Many2one("res.company", readonly=True, index=True)

    _occasion_uniq = models.UniqueIndex("(mailing_id, partner_id, occasion_key)")

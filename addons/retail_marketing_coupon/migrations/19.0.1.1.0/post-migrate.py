# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The coupons of a mailing are found through the unique index of a mailing and
customer only: the index of the mailing alone is dropped (PostgreSQL chose it
for a batch's customers and read every coupon of the mailing)."""


def migrate(cr, version):
    cr.execute("DROP INDEX IF EXISTS loyalty_card__retail_mailing_id_index")

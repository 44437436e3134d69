# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _retail_personal_data(self):
        """Add the customer's loyalty cards, with their balances and movements."""
        data = super()._retail_personal_data()
        # sudo: called after the export's access checks (see retail_customer)
        cards = (
            self.env["loyalty.card"]
            .sudo()
            .with_context(active_test=False)
            .search([("partner_id", "=", self.id)], order="id")
        )
        history = self.env["loyalty.history"].sudo()
        rows_by_card = {}
        for row in history.search([("card_id", "in", cards.ids)], order="id"):
            rows_by_card.setdefault(row.card_id.id, []).append(row)
        data["loyalty_cards"] = [
            {
                "code": card.code,
                "program": card.program_id.name,
                "program_type": card.program_id.program_type,
                "balance": card.points,
                "expiration_date": card.expiration_date or None,
                "active": card.active,
                "movements": [
                    {
                        "date": row.create_date,
                        "kind": row.retail_kind or None,
                        "description": row.description,
                        "issued": row.issued,
                        "used": row.used,
                        "balance_after": row.retail_balance_after,
                        "reason": row.retail_reason or None,
                    }
                    for row in rows_by_card.get(card.id, [])
                ],
            }
            for card in cards
        ]
        return data

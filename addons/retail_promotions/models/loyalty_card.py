# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

# a card code typed or scanned at the till (as retail_card's lookup accepts)
CODE_MAX_LENGTH = 64


class LoyaltyCard(models.Model):
    _inherit = "loyalty.card"

    @api.model
    def retail_discount_card_scan(self, code, config_id):
        """The discount card in force whose code the cashier typed or scanned
        at the till `config_id`: {"program_id", "partner_id", "code"}, or False
        when `code` is no discount card of a promotion of this till (the till
        then treats it as a native code). One search on the card code (unique
        index)."""
        config = self._retail_scan_config(config_id)
        if code is None or code is False:
            return False
        if not isinstance(code, str) or len(code) > CODE_MAX_LENGTH or "\x00" in code:
            raise ValidationError(
                self.env._(
                    "Scan or type a card code of at most %(max)s characters.",
                    max=CODE_MAX_LENGTH,
                )
            )
        code = code.strip()
        if not code:
            return False
        card = self.search(
            Domain(self.env["loyalty.program"]._retail_discount_card_domain())
            & Domain("code", "=", code),
            limit=1,
        )
        program = card.program_id
        if (
            not card
            or not program.pos_ok
            or (program.pos_config_ids and config not in program.pos_config_ids)
        ):
            return False
        return {
            "program_id": program.id,
            "partner_id": card.partner_id.id,
            "code": card.code,
        }

    @api.model
    def _retail_scan_config(self, config_id):
        """The till ``config_id`` (an id the user may read), or a ValidationError."""
        return self.env["pos.config"]._retail_till(config_id)

    @api.model
    def _retail_discount_cards_in_force(self, codes):
        """{code: card} of the discount cards in force among `codes`."""
        if not codes:
            return {}
        # sudo: whether scanned codes are cards in force; only the cards come back
        cards = self.sudo().search(
            Domain(self.env["loyalty.program"]._retail_discount_card_domain())
            & Domain("code", "in", list(codes))
        )
        return {card.code: card for card in cards}

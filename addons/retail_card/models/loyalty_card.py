# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Cards of the retail ledger: the fields and the rules the concerns share (who
manages cards). The concerns are in files of their own: the ledger engine
(``loyalty_card_ledger.py``) and the checks of one movement
(``loyalty_card_movement.py``), the native write paths refused or rerouted
(``loyalty_card_guards.py``), cards found, not listed (``loyalty_card_search.py``),
numbers and PINs (``loyalty_card_codes.py``), lookups by number
(``loyalty_card_lookup.py``)."""

from odoo import api, fields, models

from ..trusted import current_trusted_flow

# Balances and amounts are compared to this many decimals (points may be
# fractional, money is rounded by its own module before it is posted).
BALANCE_DIGITS = 6


class LoyaltyCard(models.Model):
    _inherit = "loyalty.card"

    retail_secret_hash = fields.Char(
        string="Secret Hash",
        # "." (models.NO_ACCESS): no group, the superuser only (administrators
        # included do not read it)
        groups=".",
        copy=False,
        readonly=True,
        help="Keyed hash (HMAC-SHA256) of the card's PIN; the PIN itself is never "
        "stored. Set by the card engine only.",
    )
    retail_has_secret = fields.Boolean(
        string="Has PIN",
        compute="_compute_retail_has_secret",
        store=True,
        help="Spending or transferring this card requires its PIN (or scanning "
        "the barcode that holds it).",
    )

    retail_currency_id = fields.Many2one(
        comodel_name="res.currency",
        string="Money Currency",
        compute="_compute_retail_currency_id",
        help="The program's currency when its points are money (gift cards, "
        "eWallets): balances are shown as amounts of it. Empty for points.",
    )

    @api.depends("retail_secret_hash")
    def _compute_retail_has_secret(self):
        for card in self:
            card.retail_has_secret = bool(card.retail_secret_hash)

    @api.depends("program_id.retail_is_money", "program_id.currency_id")
    def _compute_retail_currency_id(self):
        for card in self:
            program = card.program_id
            card.retail_currency_id = program.retail_is_money and program.currency_id

    def _format_points(self, points):
        """Money cards in their program's currency (Odoo does so only when the
        point name is the currency's symbol); points with their name."""
        self.ensure_one()
        if self.program_id.retail_is_money:
            return self.program_id._retail_format_money(points)
        return super()._format_points(points)

    @api.model
    def _retail_card_manager(self):
        """Whether the user manages cards: lists and searches them freely and
        changes their holder and expiry (superuser, store managers, head office,
        Point of Sale and Sales administrators)."""
        if self.env.su:
            return True
        user = self.env.user
        return any(
            user.has_group(group)
            for group in (
                "retail_card.group_card_store_manager",
                "point_of_sale.group_pos_manager",
                "sales_team.group_sale_manager",
            )
        )

    @api.model
    def _retail_restricted(self):
        """Whether searches and reads of the user are restricted (cards are
        found, not listed): not a card manager, outside a trusted flow."""
        return not current_trusted_flow() and not self._retail_card_manager()

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class RetailGiftRegistry(models.Model):
    _inherit = "retail.gift.registry"

    giftcard_move_ids = fields.Many2many(
        "account.move",
        "retail_gift_registry_giftcard_move_rel",
        "registry_id",
        "move_id",
        string="Gift Card Entries",
        readonly=True,
        copy=False,
        groups="account.group_account_readonly",
        help="Journal entries of the credit loaded on the owners' gift card.",
    )

    def _settlement_card(self):
        series = self.company_id.retail_gift_registry_giftcard_series_id
        if not series:
            return super()._settlement_card()
        self.ensure_one()
        card = self._gift_registry_owners_card()
        if card.retail_series_id:
            return card
        Card = self.env["loyalty.card"].sudo()
        card = Card.browse(series.sudo()._generate_cards(1))
        card.partner_id = self.owner_id
        return card

    def _gift_registry_post_credit(self, card, movements):
        """A gift card of a series is loaded as ``retail_giftcard`` loads it:
        per movement one posted entry (Dr the list's credit or bonus account,
        Cr the gift card liability; reversed for a lower amount after a
        reopening) and one ledger row."""
        if not card.retail_series_id:
            return super()._gift_registry_post_credit(card, movements)
        self.ensure_one()
        company = self.company_id
        liability = company._retail_giftcard_liability_account()
        today = fields.Date.context_today(self)
        moves = self.env["account.move"]
        for movement in movements:
            counterpart = self._giftcard_counterpart(movement["key"].split("/")[2])
            amount = movement["amount"]
            debit, credit = (
                (counterpart, liability) if amount > 0 else (liability, counterpart)
            )
            moves |= company._retail_giftcard_move(
                movement["description"], abs(amount), debit, credit, today
            )
        card._retail_activate()
        result = super()._gift_registry_post_credit(card, movements)
        # a gift list manager settles without accounting rights
        self.sudo().giftcard_move_ids = [fields.Command.link(m.id) for m in moves]
        return result

    def _giftcard_counterpart(self, kind):
        company = self.company_id
        account = (
            company.retail_gift_registry_bonus_account_id
            if kind == "bonus"
            else company.retail_gift_registry_giftcard_account_id
        )
        if not account:
            raise UserError(
                self.env._(
                    "Choose the account of the gift list credit and the one of the "
                    "closing bonus in the settings before settling list %(name)s "
                    "on a gift card.",
                    name=self.name,
                )
            )
        return account

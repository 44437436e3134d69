# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import UserError, ValidationError


class LoyaltyCard(models.Model):
    """Lost or stolen gift cards: blocking them (store managers, with the
    reason) and moving a blocked card's balance to another card of its series."""

    _inherit = "loyalty.card"

    def action_retail_open_block(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Block Gift Card"),
            "res_model": "retail.giftcard.block",
            "view_mode": "form",
            "target": "new",
            "context": {"default_card_id": self[:1].id},
        }

    def action_retail_block(self, reason):
        """Block lost or stolen cards (store managers), with the reason."""
        self._retail_check_manager()
        if not isinstance(reason, str) or not reason.strip():
            raise ValidationError(self.env._("Say why the gift card is blocked."))
        # sudo: store manager of the cards' companies, checked above
        cards = self.sudo()
        wrong = cards.filtered(
            lambda card: not card.retail_series_id or card.retail_state == "blocked"
        )
        if wrong:
            raise UserError(
                self.env._(
                    "Only unblocked cards of a gift card series can be blocked: "
                    "%(codes)s",
                    codes=", ".join(wrong.mapped("code")),
                )
            )
        cards._retail_lock_balances()
        cards.write({"retail_state": "blocked", "retail_block_reason": reason.strip()})
        for card in cards:
            card.message_post(
                body=self.env._(
                    "Gift card blocked by %(user)s: %(reason)s",
                    user=self.env.user.name,
                    reason=reason.strip(),
                )
            )
        return True

    def action_retail_transfer(self, target, reason, store_id=None):
        """Move the whole balance of a blocked card to another card of the same
        series (store managers, with the reason): two ``transfer`` rows."""
        if len(self) != 1:
            raise UserError(self.env._("Move the balance of one card at a time."))
        self._retail_check_manager()
        if not isinstance(reason, str) or not reason.strip():
            raise ValidationError(self.env._("Say why the balance is transferred."))
        # the store is checked before the target card is activated
        self._retail_check_stores({self._retail_record_id(store_id)} - {False})
        target = self.browse(self._retail_record_id(target))
        if not target.exists():
            raise UserError(self.env._("The card to transfer to does not exist."))
        target._retail_check_companies()
        # sudo: store manager of both cards' companies, checked above
        source, target = self.sudo(), target.sudo()
        source._retail_check_transfer_to(target)
        balances = (source | target)._retail_lock_balances()
        amount = balances[source.id]
        if source.currency_id.is_zero(amount):
            raise UserError(
                self.env._("Card %(code)s has no balance to move.", code=source.code)
            )
        source.retail_series_id._check_balance_limit(amount, balances[target.id])
        target._retail_activate()
        self._retail_post_movements(
            source._retail_transfer_movements(target, amount, reason, store_id)
        )
        return True

    def _retail_check_transfer_to(self, target):
        """Refuse to move this card's balance to ``target`` unless this card is
        blocked and ``target`` is another card of its series that may hold
        money (inactive or active)."""
        self.ensure_one()
        if self.retail_state != "blocked":
            raise UserError(
                self.env._(
                    "Block card %(code)s before moving its balance.", code=self.code
                )
            )
        if target == self or target.retail_series_id != self.retail_series_id:
            raise UserError(
                self.env._(
                    "The balance of %(code)s can only go to another card of series "
                    "%(series)s.",
                    code=self.code,
                    series=self.retail_series_id.name,
                )
            )
        if target.retail_state not in ("inactive", "active"):
            raise UserError(
                self.env._(
                    "Card %(code)s is %(state)s: it cannot receive a balance.",
                    code=target.code,
                    state=target._retail_state_label(),
                )
            )

    def _retail_transfer_movements(self, target, amount, reason, store_id):
        """The two ``transfer`` rows moving ``amount`` from this card to
        ``target``."""
        self.ensure_one()
        return [
            {
                "card": self,
                "amount": -amount,
                "kind": "transfer",
                "reason": reason,
                "description": self.env._("Transferred to %(code)s", code=target.code),
                "store_id": store_id,
            },
            {
                "card": target,
                "amount": amount,
                "kind": "transfer",
                "reason": reason,
                "description": self.env._("Transferred from %(code)s", code=self.code),
                "store_id": store_id,
            },
        ]

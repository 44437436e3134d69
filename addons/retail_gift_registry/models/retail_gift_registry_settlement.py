# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import float_is_zero, float_round


class RetailGiftRegistry(models.Model):
    _inherit = "retail.gift.registry"

    def action_settle(self):
        """Credit the owners (contributions, gifts not taken, closing bonus) on
        their card, one ledger movement per kind and list, and open the discount
        offer on the unbought items."""
        self._ensure_state(
            ("closed", "delivered"),
            self.env._("Only closed or delivered lists can be settled."),
        )
        self._ensure_manager()
        self.check_access("write")
        for registry in self:
            registry._settle()
        return True

    def _settlement_amounts(self):
        """{kind: amount} the owners are due for the list: contributions, gifts
        not taken (at the average price paid for the item) and closing bonus."""
        self.ensure_one()
        # the totals are computed from the order lines: read them fresh
        self.env.flush_all()
        self.invalidate_recordset(
            ["amount_gifts", "amount_contributions", "amount_total"]
        )
        self.item_ids.invalidate_recordset(["qty_bought", "average_price"])
        currency = self.currency_id
        not_taken = sum(
            item.qty_not_taken * item.average_price for item in self.item_ids
        )
        percent = self.company_id.retail_gift_registry_bonus_percent
        bonus = self.amount_total * percent / 100.0 if percent > 0 else 0.0
        return {
            "contributions": currency.round(self.amount_contributions),
            "not_taken": currency.round(not_taken),
            "bonus": currency.round(bonus),
        }

    def _settlement_card(self):
        self.ensure_one()
        program = self.company_id.retail_gift_registry_program_id
        if not program:
            raise UserError(
                self.env._(
                    "Choose the gift card or eWallet program of the owners' credit "
                    "in the settings before settling list %(name)s.",
                    name=self.name,
                )
            )
        card = self._gift_registry_owners_card()
        if not card and program.program_type == "ewallet":
            card = self.env["loyalty.card"].search(
                [
                    ("program_id", "=", program.id),
                    ("partner_id", "=", self.owner_id.id),
                ],
                limit=1,
            )
        if not card:
            # sudo: the owners' new card of the credit, created by a gift list
            # manager (checked by the settling action) who may lack loyalty rights
            card = (
                self.env["loyalty.card"]
                .sudo()
                .create(
                    {
                        "program_id": program.id,
                        "partner_id": self.owner_id.id,
                        "points": 0.0,
                    }
                )
            )
        return card

    def _gift_registry_owners_card(self):
        """The card of earlier settlements, if an owner of the list holds it
        (after a change of owners, the new owners get a card of their own)."""
        self.ensure_one()
        card = self.credit_card_id
        owners = self.owner_id | self.co_owner_id
        # sudo: only the holder of the list's card is compared with its owners
        if card and card.sudo().partner_id not in owners:
            return card.browse()
        return card

    def _gift_registry_post_credit(self, card, movements):
        """Post the settlement ``movements`` on the owners' ``card``, all or
        nothing (meant to be overridden: the gift card bridge adds the
        accounting of a gift card load)."""
        self.ensure_one()
        return self.env["loyalty.card"]._retail_post_movements(movements)

    def _settle(self):
        """Credit the owners what the list owes them now, less what earlier
        settlements (before a reopening) credited, then record the payout and
        open the discount offer."""
        self.ensure_one()
        amounts = self._settlement_amounts()
        card = self._settlement_card()
        movements = self._settlement_movements(card, amounts)
        if movements:
            self._gift_registry_post_credit(card, movements)
        self._settlement_record(card, amounts)
        self._gift_registry_offer_discount()
        self.message_post(
            body=self.env._(
                "List settled: %(amount)s due to the owners, on card %(code)s.",
                amount=self.currency_id.format(sum(amounts.values())),
                code=card.code,
            )
        )

    def _settlement_labels(self):
        """{kind: description} of the ledger movements of the list."""
        self.ensure_one()
        return {
            "contributions": self.env._(
                "Gift list %(name)s: contributions", name=self.name
            ),
            "not_taken": self.env._(
                "Gift list %(name)s: gifts not taken", name=self.name
            ),
            "bonus": self.env._("Gift list %(name)s: closing bonus", name=self.name),
        }

    def _settlement_credited(self, kinds):
        """What earlier settlements of the list credited, by kind among
        ``kinds``, and the number of the settlement to come: the key of each
        movement is <model>/<id>/<kind>/<settlement>.

        :return: ({kind: amount}, settlement number)
        """
        self.ensure_one()
        # sudo: the list's own ledger rows, read to credit only the difference;
        # the settling action checked the manager group and the write access
        rows = (
            self.env["loyalty.history"]
            .sudo()
            .search_fetch(
                [
                    ("order_model", "=", self._name),
                    ("order_id", "=", self.id),
                    ("retail_kind", "!=", False),
                ],
                ["retail_idempotency_key", "issued", "used"],
            )
        )
        already = dict.fromkeys(kinds, 0.0)
        settlements = set()
        for row in rows:
            parts = (row.retail_idempotency_key or "").split("/")
            if len(parts) == 4 and parts[2] in already:
                already[parts[2]] += row.issued - row.used
                settlements.add(parts[3])
        return already, len(settlements) + 1

    def _settlement_movements(self, card, amounts):
        """The ledger movements on ``card`` that bring what the list credited
        to ``amounts`` ({kind: amount}): one per kind that changed."""
        self.ensure_one()
        already, settlement = self._settlement_credited(amounts)
        labels = self._settlement_labels()
        rounding = self.currency_id.rounding
        movements = []
        for kind, amount in amounts.items():
            delta = float_round(amount - already[kind], precision_rounding=rounding)
            if float_is_zero(delta, precision_rounding=rounding):
                continue
            movements.append(
                {
                    "card": card,
                    "amount": delta,
                    "kind": "load" if delta > 0 else "adjust",
                    "description": labels[kind],
                    "reason": self.env._("List reopened and settled again")
                    if delta < 0
                    else False,
                    "order_model": self._name,
                    "order_id": self.id,
                    "store_id": self.pos_config_id.id or False,
                    "key": f"{self._name}/{self.id}/{kind}/{settlement}",
                }
            )
        return movements

    def _settlement_record(self, card, amounts):
        """Record the payout on the list: settled today on ``card``, with its
        bonus and the company's discount offer on the unbought items."""
        self.ensure_one()
        company = self.company_id
        today = fields.Date.context_today(self)
        discount = company.retail_gift_registry_discount_percent
        self._gift_registry_write_action(
            {
                "state": "settled",
                "date_settled": today,
                "credit_card_id": card.id,
                "bonus_amount": amounts["bonus"],
                "discount_percent": discount,
                "discount_date_end": fields.Date.add(
                    today, days=company.retail_gift_registry_discount_days
                )
                if discount > 0
                else False,
            }
        )

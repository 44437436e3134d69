# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

MAX_ID = 2**31 - 1


class RetailLoyaltyAdjust(models.TransientModel):
    """Load or deduct points by hand, with a reason from the configured list, on
    selected cards or on the cards of selected customers or of a segment (bulk
    load). Only store managers and head office."""

    _name = "retail.loyalty.adjust"
    _description = "Load or Deduct Loyalty Points"

    program_id = fields.Many2one(
        "loyalty.program",
        required=True,
        domain="[('retail_ledger', '=', True)]",
    )
    operation = fields.Selection(
        [("load", "Load points"), ("deduct", "Deduct points")],
        required=True,
        default="load",
    )
    points = fields.Float(required=True)
    reason_id = fields.Many2one("retail.loyalty.adjust.reason")
    note = fields.Char()
    card_ids = fields.Many2many("loyalty.card", string="Cards")
    partner_ids = fields.Many2many("res.partner", string="Customers")
    segment_id = fields.Many2one("retail.segment")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        model = self.env.context.get("active_model")
        active_ids = self._retail_active_ids()
        if model == "loyalty.card" and "card_ids" in fields_list:
            cards = self.env["loyalty.card"].browse(active_ids)
            values["card_ids"] = [fields.Command.set(cards.ids)]
            if len(cards.program_id) == 1:
                values["program_id"] = cards.program_id.id
        elif model == "res.partner" and "partner_ids" in fields_list:
            values["partner_ids"] = [fields.Command.set(active_ids)]
        return values

    @api.model
    def _retail_active_ids(self):
        """The ids selected in the list the wizard is opened from (ids of
        another type in the context are left out)."""
        active_ids = self.env.context.get("active_ids")
        if not isinstance(active_ids, list | tuple):
            return []
        return [rid for rid in active_ids if type(rid) is int and 0 < rid <= MAX_ID]

    def action_apply(self):
        """Post one adjustment per card; all or nothing.

        :return: {card id: new balance}
        """
        self.ensure_one()
        self.env["loyalty.card"]._retail_check_store_manager()
        if self.points <= 0:
            raise ValidationError(
                self.env._(
                    "Give a positive number of points to load or deduct, not "
                    "%(points)s.",
                    points=self.points,
                )
            )
        if not self.reason_id:
            raise ValidationError(self.env._("Choose the reason of the movement."))
        cards = self._retail_target_cards()
        if not cards:
            raise UserError(self.env._("Select cards, customers or a segment."))
        expired = cards.search_fetch(
            [
                ("id", "in", cards.ids),
                ("expiration_date", "<", fields.Date.context_today(self)),
            ],
            ["code"],
        )
        if expired:
            raise UserError(
                self.env._(
                    "These cards are expired: %(codes)s",
                    codes=", ".join(expired.mapped("code")),
                )
            )
        reason = self.reason_id.name
        if self.note:
            reason = f"{reason}: {self.note}"
        amount = self.points if self.operation == "load" else -self.points
        return self.env["loyalty.card"]._retail_post_movements(
            [
                {
                    "card": card_id,
                    "amount": amount,
                    "kind": "adjust",
                    "reason": reason,
                    "key": f"retail_loyalty/adjust/{self.id}/{card_id}",
                }
                for card_id in cards.ids
            ]
        )

    def _retail_target_cards(self):
        """The selected cards, plus the program's cards of the selected customers
        and segment (created for a load when a customer has none)."""
        self.ensure_one()
        wrong = self.card_ids.filtered(lambda card: card.program_id != self.program_id)
        if wrong:
            raise ValidationError(
                self.env._(
                    "Card %(code)s is not a card of %(program)s.",
                    code=wrong[0].code,
                    program=self.program_id.name,
                )
            )
        partners = self._retail_target_partners()
        if not partners:
            return self.card_ids
        # sudo: users may not create cards; the program was checked readable and
        # the ledger checks the cards again (check_access) before moving points
        self.program_id.check_access("read")
        Card = self.env["loyalty.card"].sudo()
        existing = Card.search(
            [
                ("program_id", "=", self.program_id.id),
                ("partner_id", "in", partners.ids),
            ]
        )
        # the customers holding one of those cards, read in one query (a
        # campaign's load reaches every customer)
        Card.flush_model(["partner_id"])
        covered = {
            partner_id
            for (partner_id,) in self.env.execute_query(
                SQL(
                    "SELECT DISTINCT partner_id FROM loyalty_card WHERE id = ANY(%s)",
                    Card._retail_sql_array(existing.ids, "int"),
                )
            )
        }
        missing = [pid for pid in partners.ids if pid not in covered]
        new = Card.browse()
        if missing and self.operation == "load":
            new = Card.with_context(action_no_send_mail=True).create(
                [
                    {"program_id": self.program_id.id, "partner_id": partner_id}
                    for partner_id in missing
                ]
            )
        return (self.card_ids | existing | new).with_env(self.env)

    def _retail_target_partners(self):
        """The selected customers and those of the segment, archived ones left
        out, in one query (the fields' own reading checks each customer's
        archive flag record by record)."""
        wizard = self.with_context(active_test=False)
        ids = set(wizard.partner_ids.ids) | set(wizard.segment_id.partner_ids.ids)
        Partner = self.env["res.partner"]
        return Partner.search([("id", "in", list(ids))], order="id") if ids else Partner

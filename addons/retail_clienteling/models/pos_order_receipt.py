# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields, models
from odoo.exceptions import AccessError

from odoo.addons.retail_customer.models.retail_till_payload_mixin import in_till_sync

# What the server decided to print on the receipt: set when the order is paid,
# never by a till or a user.
RECEIPT_FIELDS = frozenset(
    {
        "retail_receipt_rule_id",
        "retail_receipt_message",
        "retail_receipt_coupon_code",
        "retail_receipt_event_code",
    }
)


class PosOrder(models.Model):
    _inherit = "pos.order"

    retail_receipt_rule_id = fields.Many2one(
        "retail.receipt.rule",
        string="Receipt Message Rule",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
    )
    retail_receipt_message = fields.Text(
        string="Receipt Message",
        readonly=True,
        copy=False,
        help="The personal message printed on the customer's receipt.",
    )
    retail_receipt_coupon_code = fields.Char(
        string="Receipt Coupon",
        readonly=True,
        copy=False,
        help="The personal coupon printed on the receipt.",
    )
    retail_receipt_event_code = fields.Char(
        string="Receipt Invitation",
        readonly=True,
        copy=False,
        help="The registration code of the invitation printed on the receipt.",
    )

    def write(self, vals):
        if RECEIPT_FIELDS & set(vals) and not self.env.su and not in_till_sync():
            raise AccessError(
                self.env._(
                    "The message printed on a receipt is decided by the system "
                    "when the order is paid."
                )
            )
        return super().write(vals)

    def _process_saved_order(self, draft):
        facts = rules = None
        if not draft and self.partner_id and not self.retail_receipt_rule_id:
            rules = self.env["retail.receipt.rule"]._retail_rules_of_company(
                self.company_id
            )
        if rules:
            # the customer's figures before this order counts in them
            facts = self._retail_receipt_facts()
        order_id = super()._process_saved_order(draft)
        if facts is not None and self.state in ("paid", "done", "invoiced"):
            self._retail_apply_receipt_rule(facts, rules)
        return order_id

    def _retail_receipt_facts(self):
        """What the receipt rules read of the customer, besides the order."""
        self.ensure_one()
        partner = self.partner_id
        last = partner.retail_last_purchase_date
        today = fields.Date.context_today(self, self.date_order)
        # sudo: the birth date of the order's own customer, read by the server's
        # processing of the paid order to compare months, never sent to the till.
        birth = partner.sudo().retail_birth_date
        return {
            "days_since_last": (today - last.date()).days if last else None,
            "birth_month": birth.month if birth else None,
            "month": today.month,
            "tiers": partner._retail_receipt_tiers(),
        }

    def _retail_apply_receipt_rule(self, facts, rules=None):
        """Decide the receipt's message (one, by priority), issue its coupon or
        invitation, and keep what is printed on the order. Run once, when the
        till's order is paid (``rules``: its company's rules, when read)."""
        self.ensure_one()
        if self.retail_receipt_rule_id or self.is_refund:
            return
        rule = self.env["retail.receipt.rule"]._retail_rule_for_order(
            self, facts, rules
        )
        if not rule:
            return
        coupon_code = event_code = event_name = ""
        if rule.coupon_program_id:
            coupon_code = self._retail_issue_receipt_coupon(rule).code
        if rule.event_id:
            registration = self._retail_register_to_event(rule)
            event_code = registration.barcode
            event_name = rule.event_id.name
        self.write(
            {
                "retail_receipt_rule_id": rule.id,
                "retail_receipt_message": rule._retail_render(
                    self, coupon_code=coupon_code, event_name=event_name
                ),
                "retail_receipt_coupon_code": coupon_code or False,
                "retail_receipt_event_code": event_code or False,
            }
        )

    def _retail_issue_receipt_coupon(self, rule):
        """The personal coupon of this receipt: a card of the rule's coupon
        program for the customer, credited through the ledger with the points
        of one reward (single use). One per order, whatever the retries."""
        # sudo: the coupon is issued by the server's processing of the paid
        # order, whose cashier may not create cards; the rule was read with
        # their rights and belongs to the order's company.
        Card = self.env["loyalty.card"].sudo()
        card = Card.search([("retail_receipt_order_id", "=", self.id)], limit=1)
        if card:
            return card
        # sudo: the rule's coupon program (read above with the cashier's rights),
        # whose rewards the cashier may not read.
        program = rule.coupon_program_id.sudo()
        points = min(program.reward_ids.mapped("required_points") or [1.0]) or 1.0
        expiration = False
        if rule.coupon_valid_days:
            expiration = fields.Date.context_today(self) + timedelta(
                days=rule.coupon_valid_days
            )
        card = Card.create(
            {
                "program_id": program.id,
                "partner_id": self.partner_id.id,
                "retail_receipt_order_id": self.id,
                "expiration_date": expiration,
            }
        )
        Card._retail_post_movements(
            [
                {
                    "card": card,
                    "amount": points,
                    "kind": "earn",
                    "description": self.env._(
                        "Coupon printed on receipt %(order)s", order=self.name
                    ),
                    "order_model": "pos.order",
                    "order_id": self.id,
                    "store_id": self.config_id.id,
                    "key": Card._retail_movement_key("retail.receipt.coupon", self.id),
                }
            ]
        )
        return card

    def _retail_register_to_event(self, rule):
        """The customer's registration to the rule's private event: the one
        they have (confirmed or open), or a new one for this receipt."""
        # sudo: the invitation is issued by the server's processing of the paid
        # order, whose cashier has no rights on events; the rule was read with
        # their rights and belongs to the order's company.
        Registration = self.env["event.registration"].sudo()
        registration = Registration.search(
            [
                ("event_id", "=", rule.event_id.id),
                ("partner_id", "=", self.partner_id.id),
                ("state", "!=", "cancel"),
            ],
            limit=1,
        )
        if registration:
            return registration
        return Registration.create(
            {
                "event_id": rule.event_id.id,
                "partner_id": self.partner_id.id,
                "retail_receipt_order_id": self.id,
            }
        )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import UTC

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)

# Program types whose reward lines the server re-checks and spreads over the lines
# they discount: promotions (retail or native), not gift cards, eWallets or loyalty.
PROMOTION_PROGRAM_TYPES = ("promotion", "buy_x_get_y", "next_order_coupons")


class PosOrder(models.Model):
    _inherit = "pos.order"

    retail_promotion_flagged = fields.Boolean(
        string="Promotion to Check",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The order was paid with a promotion that was not applicable at its "
        "date and store (checked when the till synchronised it).",
    )
    retail_promotion_issue = fields.Text(
        string="Promotion Issue", readonly=True, copy=False
    )
    retail_discount_card_code = fields.Char(
        string="Discount Card Scanned",
        readonly=True,
        copy=False,
        help="Code of the discount card the cashier typed or scanned: its discount "
        "applies to this order even when the customer is not its holder (checked "
        "again when the till synchronises the order).",
    )

    @api.model
    def _retail_till_fields(self):
        return super()._retail_till_fields() | {"retail_discount_card_code"}

    @api.model
    def _process_order(self, order, existing_order):
        order_id = super()._process_order(order, existing_order)
        pos_order = self.browse(order_id)
        if order.get("state") != "draft":
            pos_order._retail_check_employee_discounts()
        if not pos_order.is_refund and pos_order.lines.reward_id:
            pos_order._retail_check_promotions()
            pos_order.lines._retail_allocate_promotions()
        return order_id

    def _retail_check_employee_discounts(self):
        """Employee discounts synchronised from a till are checked against what
        is left of the employee's ceiling for the month (the till computes the
        discount from an allowance it asked before: another till may have used
        it since)."""
        lines = self.lines.filtered(
            lambda line: line.reward_id.program_id.retail_promotion_type == "employee"
        )
        self.env["loyalty.program"]._retail_check_employee_ceilings(self, lines)

    def _retail_promotion_moment(self):
        """The order's date in the store's promotion time zone (the company's)."""
        self.ensure_one()
        tz = pytz.timezone(self.config_id.retail_promotion_tz or "UTC")
        return self.date_order.replace(tzinfo=UTC).astimezone(tz)

    def _retail_check_promotions(self):
        """Re-check, at the order's date and store, the promotions of its reward
        lines (the till checks them with the browser clock), and that a discount
        card's discount goes with the customer's card or the card scanned at the
        till (_retail_discount_card_reasons). A draft order is
        refused with the reasons; a paid order is kept (the customer has paid and
        left) and flagged with the reasons for the back office."""
        self.ensure_one()
        programs = self.lines.reward_id.program_id.filtered(
            lambda p: p.retail_promotion_type
            or p.program_type in PROMOTION_PROGRAM_TYPES
        )
        reasons = programs._retail_not_applicable_reasons(
            self._retail_promotion_moment(), self.config_id, self.company_id
        )
        reasons.update(
            self._retail_discount_card_reasons(
                programs.filtered(lambda program: program not in reasons)
            )
        )
        if not reasons:
            return
        issue = "\n".join(
            self.env._("%(name)s: %(reason)s", name=program.name, reason=reason)
            for program, reason in reasons.items()
        )
        if self.state == "draft":
            raise UserError(
                self.env._(
                    "Order %(order)s: these promotions do not apply at this store "
                    "at %(moment)s; remove them before payment:\n%(issue)s",
                    order=self.pos_reference or self.name,
                    moment=self._retail_promotion_moment().strftime("%Y-%m-%d %H:%M"),
                    issue=issue,
                )
            )
        _logger.warning("POS order %s flagged: %s", self.name, issue)
        self.write({"retail_promotion_flagged": True, "retail_promotion_issue": issue})
        self.message_post(
            body=self.env._(
                "Promotions not applicable at this order's date and store:\n%(issue)s",
                issue=issue,
            )
        )

    def _retail_discount_card_reasons(self, programs):
        """{program: reason} for the discount-card promotions of `programs` that
        this order may not have: its customer holds no card of the program in
        force, and the card scanned at the till (if any) is no card of the
        program in force."""
        self.ensure_one()
        cards = self.env["loyalty.card"]._retail_discount_cards_in_force(
            [self.retail_discount_card_code] if self.retail_discount_card_code else []
        )
        scanned = cards.get(self.retail_discount_card_code)
        reasons = {}
        for program in programs:
            if program.retail_promotion_type != "discount_card":
                continue
            if scanned and scanned.program_id == program:
                continue
            if program._retail_customer_matches(self.partner_id):
                continue
            reasons[program] = (
                self.env._(
                    "discount card %(code)s is not a card of this promotion in force",
                    code=self.retail_discount_card_code,
                )
                if self.retail_discount_card_code
                else self.env._("the customer holds no discount card in force")
            )
        return reasons

    def action_retail_promotion_checked(self):
        """The back office has dealt with the flagged promotion."""
        self.write({"retail_promotion_flagged": False})
        return True

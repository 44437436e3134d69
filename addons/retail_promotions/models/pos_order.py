# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import UTC

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_amount

_logger = logging.getLogger(__name__)

# Program types whose reward lines the server re-checks and spreads over the lines
# they discount: promotions (retail or native), not gift cards, eWallets or loyalty.
PROMOTION_PROGRAM_TYPES = ("promotion", "buy_x_get_y", "next_order_coupons")
# The server's audit of the promotions of a till order: set by the sync, cleared
# by a manager's action with a reason (action_retail_clear_till_flag).
PROMOTION_AUDIT_FIELDS = frozenset(
    {
        "retail_promotion_flagged",
        "retail_promotion_issue",
        "retail_promotion_server_amounts",
    }
)


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
    retail_promotion_server_amounts = fields.Json(
        string="Promotion Amounts Corrected",
        readonly=True,
        copy=False,
        help="{reward line id: amount, taxes included} of the promotion reward "
        "lines whose discount the till made larger than the promotion gives: the "
        "server's figure, used for everything the server posts (customer "
        "statistics, the refunds' shares).",
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

    def _retail_check_paid_write(self, vals):
        if not self.env.su and PROMOTION_AUDIT_FIELDS & set(vals):
            raise AccessError(
                self.env._(
                    "The check of an order's promotions is set by the system; a "
                    "manager clears it with a reason."
                )
            )
        return super()._retail_check_paid_write(vals)

    def _process_payment_lines(self, pos_order, order, pos_session, draft):
        # The server's line totals are in (retail_customer), nothing is posted
        # yet: the promotions' amounts are checked before points and KPIs.
        res = super()._process_payment_lines(pos_order, order, pos_session, draft)
        # whatever the till says of the order (is_refund is its field), a
        # discount sold is checked
        if not draft and order._retail_sold_promotion_lines():
            order._retail_check_promotion_amounts()
        return res

    def _retail_sold_promotion_lines(self):
        """The promotion reward lines the order gives (not refunds of them)."""
        return self.lines._retail_promotion_reward_lines().filtered(
            lambda line: line.qty > 0 and not line.refunded_orderline_id
        )

    @api.model
    def _process_order(self, order, existing_order):
        order_id = super()._process_order(order, existing_order)
        pos_order = self.browse(order_id)
        if order.get("state") != "draft":
            pos_order._retail_check_employee_discounts()
        if (
            not pos_order.is_refund and pos_order.lines.reward_id
        ) or pos_order._retail_sold_promotion_lines():
            pos_order._retail_check_promotions()
            pos_order.lines._retail_allocate_promotions()
        pos_order.lines._retail_check_refunded_reward_lines()
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
        tz = pytz.timezone(self.config_id.retail_store_tz or "UTC")
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
        customer_types = programs._retail_customer_types()
        for program in programs.filtered(
            lambda program: program not in reasons
            and program.retail_promotion_type in customer_types
            and program.retail_promotion_type != "discount_card"
            and not program._retail_customer_matches(self.partner_id)
        ):
            reasons[program] = self.env._("the promotion is not for this customer")
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
        self._retail_flag_promotion_issue(
            [issue],
            self.env._(
                "Promotions not applicable at this order's date and store:\n%(issue)s",
                issue=issue,
            ),
        )

    def _retail_flag_promotion_issue(self, issues, message):
        """Flag the order's promotions with ``issues`` (list of str), note
        ``message`` in its chatter and report them (the foundation's hook: an
        incident for the store with retail_incidents)."""
        self.ensure_one()
        text = "\n".join(filter(None, [self.retail_promotion_issue, *issues]))
        # sudo: the audit flag is the system's, written whoever syncs the order
        self.sudo().write(
            {"retail_promotion_flagged": True, "retail_promotion_issue": text}
        )
        self.message_post(body=message)
        self._retail_report_till_issue(issues)

    def _retail_check_promotion_amounts(self):
        """Recompute, from the server's line figures, the most each promotion of
        the order's reward lines may give (loyalty.program.
        _retail_pos_discount_bound: the engine of sale orders for the scaled
        promotions, the percentage for the others, never more than the lines it
        discounts, nothing when its rules are not met), and compare with the
        till's reward lines. Where the till gave more, the server's figure is
        kept for what the server posts (retail_promotion_server_amounts), the
        difference is logged and the order flagged; a paid order is not refused.

        :return: the issues found (list of str)
        """
        self.ensure_one()
        corrections, issues = self._retail_promotion_bound_issues()
        if not issues:
            return issues
        _logger.warning(
            "POS order %s (%s): promotion amounts differ from the server's "
            "(difference %s): %s",
            self.name,
            self.uuid,
            self._retail_promotion_correction(corrections),
            " ".join(issues),
        )
        # sudo: the server's figures are the system's, written whoever syncs
        self.sudo().retail_promotion_server_amounts = corrections
        self._retail_flag_promotion_issue(
            issues,
            self.env._(
                "Promotion amounts corrected by the server:\n%(issue)s",
                issue="\n".join(issues),
            ),
        )
        return issues

    def _retail_promotion_bound_issues(self):
        """(corrections, issues) of _retail_check_promotion_amounts: for each
        promotion, in the order they apply, the till's discount compared with
        the server's bound; where the till gave more, {line id: the server's
        amount} of its reward lines and the issue in words."""
        currency = self.currency_id
        product_lines = self.lines.filtered(
            lambda line: not line.reward_id
            and not line.is_reward_line
            and line.qty > 0
            and not line.combo_parent_id
            and not line.refunded_orderline_id
        )
        reward_lines = self._retail_sold_promotion_lines()
        tolerance = currency.rounding * (len(self.lines) + 1)
        corrections = {}
        issues = []
        left = product_lines._retail_amount()
        for program in reward_lines.reward_id.program_id._retail_application_order():
            lines = reward_lines.filtered(
                lambda line, p=program: line.reward_id.program_id == p
            )
            given = -lines._retail_amount()
            bound, reason = program._retail_pos_discount_bound(
                lines, product_lines, self.partner_id
            )
            # all the promotions together never more than the basket
            bound = max(0.0, min(bound, left))
            if currency.compare_amounts(given, bound + tolerance) <= 0:
                left -= max(given, 0.0)
                continue
            factor = bound / given if given else 0.0
            for line in lines:
                corrections[str(line.id)] = currency.round(
                    line._retail_amount() * factor
                )
            left -= bound
            issues.append(
                self.env._(
                    "%(name)s: the till gave %(given)s, the promotion gives at most "
                    "%(bound)s (%(reason)s).",
                    name=program.name,
                    given=format_amount(self.env, given, currency),
                    bound=format_amount(self.env, bound, currency),
                    reason=reason,
                )
            )
        return corrections, issues

    def _retail_promotion_correction(self, corrections=None):
        """What the server's promotion figures add to the till's total (>= 0:
        the till gave more discount than the promotions give)."""
        self.ensure_one()
        corrections = (
            self.retail_promotion_server_amounts if corrections is None else corrections
        ) or {}
        lines = self.lines.browse([int(line_id) for line_id in corrections])
        return sum(corrections[str(line.id)] - line._retail_amount() for line in lines)

    def _retail_server_total(self):
        """The till's promotion discounts beyond what the promotions give are
        not counted (customer statistics)."""
        total = super()._retail_server_total()
        if self.retail_promotion_server_amounts:
            total += self._retail_promotion_correction()
        return total

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

    def action_retail_clear_till_flag(self, reason):
        """Store managers clear the promotions' check too, with the reason
        (kept in the chatter), after the foundation's checks."""
        res = super().action_retail_clear_till_flag(reason)
        flagged = self.filtered("retail_promotion_flagged")
        for order in flagged:
            order.message_post(
                body=self.env._(
                    "Check of the promotions cleared by %(user)s: %(reason)s",
                    user=self.env.user.name,
                    reason=reason.strip(),
                )
            )
        # sudo: a manager clears the system's flag, after super()'s checks
        flagged.sudo().write({"retail_promotion_flagged": False})
        return res

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from collections import defaultdict

from odoo import models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

from odoo.addons.retail_customer.models.retail_till_payload_mixin import till_sync

from ..trusted import trusted_flow

_logger = logging.getLogger(__name__)

# Points are compared to this many decimals (pos_loyalty rounds to 2).
POINTS_DIGITS = 2
# Most numbers of new cards one validation may check.
NEW_CODES_MAX = 100


class PosOrder(models.Model):
    _inherit = "pos.order"

    def validate_coupon_programs(self, point_changes, new_codes):
        """pos_loyalty's check, before the order is paid, that the numbers of
        the cards it sells are new: a lookup by number, throttled per user; a
        number that exists is logged as a failed lookup."""
        Card = self.env["loyalty.card"]
        if not isinstance(new_codes, list | tuple) or len(new_codes) > NEW_CODES_MAX:
            raise ValidationError(
                self.env._(
                    "Expected a list of at most %(max)s card numbers.",
                    max=NEW_CODES_MAX,
                )
            )
        codes = [Card._retail_clean_code(code) for code in new_codes]
        if codes:
            Card._retail_check_throttle("card")
        with trusted_flow("pos.order.validate_coupon_programs"):
            result = super().validate_coupon_programs(point_changes, codes)
        if codes and not result.get("successful"):
            # sudo: existence only, for the failure log
            taken = Card.sudo().search([("code", "in", codes)], limit=1)
            if taken:
                Card._retail_log_failed_lookup("card", taken.code)
        return result

    def confirm_coupon_programs(self, coupon_data):
        """pos_loyalty's confirmation of the order's cards, after the order is
        paid: the points the till sends that the server cannot justify from the
        order's lines are not added (see ``_retail_justify_coupon_points``);
        the rest runs natively, as a trusted flow (the native method writes
        card points and history rows as the user) and as part of the server's
        processing of the till's order (it links the paid order's reward lines
        to the coupons it creates, which the paid-order guards of
        retail_customer let only that processing do)."""
        self.ensure_one()
        self.check_access("write")
        coupon_data = self._retail_justify_coupon_points(coupon_data)
        with trusted_flow("pos.order.confirm_coupon_programs"), till_sync():
            return super().confirm_coupon_programs(coupon_data)

    def _retail_justify_coupon_points(self, coupon_data):
        """The till's ``coupon_data`` with the points the server can justify.

        - Existing cards must be readable by the user (company rules) and of
          the program the till names.
        - Credits (positive points) of a program, summed over its cards (new
          and existing), are at most what the program's rules give for the
          order's lines as the server knows them (server-recomputed line
          totals; unpaid or cancelled orders, and programs the order's till
          does not offer, give nothing), less
          what the order already credited to cards of that program. For gift
          card and eWallet programs (1 point per currency unit of their
          product) this is the amount of the order's lines of their products,
          so that a card sold or topped up gets what was paid for it, once.
          For other programs it is an upper bound computed with every rule of
          the program (money, unit and order modes; minimum quantities and
          amounts ignored, which only lowers the native figure).
        - Debits (negative points) and zero changes pass as the till sends
          them (they take points from cards; pos_loyalty's validation checked
          the balance before payment).

        The excess is dropped (the first cards keep their points), logged and
        reported on the order (``_retail_flag_till_issue``).
        """
        data = self._retail_parse_coupon_data(coupon_data)
        programs = self._retail_check_coupon_cards(data)
        issues = self._retail_cap_coupon_credits(data, programs)
        if issues:
            _logger.warning(
                "POS order %s (user %s): unjustified card points dropped: %s",
                self.name,
                self.env.uid,
                issues,
            )
            self._retail_flag_till_issue(issues)
        return data

    def _retail_parse_coupon_data(self, coupon_data):
        """The till's ``coupon_data`` as {card id: copy of its change}; refuse
        what is not a dict of card ids to changes naming a program and points."""
        if not isinstance(coupon_data, dict):
            raise ValidationError(self.env._("Expected the order's card changes."))
        data = {}
        for key, value in coupon_data.items():
            try:
                key = int(key)
            except (TypeError, ValueError):
                raise ValidationError(
                    self.env._("Expected card ids, got %(key)r.", key=key)
                ) from None
            if (
                not isinstance(value, dict)
                or type(value.get("program_id")) is not int
                or not isinstance(value.get("points") or 0, int | float)
                or isinstance(value.get("points"), bool)
            ):
                raise ValidationError(
                    self.env._("Malformed card change %(key)s.", key=key)
                )
            data[key] = dict(value)
        return data

    def _retail_check_coupon_cards(self, data):
        """Refuse unknown programs, and existing cards the user may not read or
        that are not of the program the till names.

        :return: the programs named (``loyalty.program``)
        """
        Program = self.env["loyalty.program"]
        programs = Program.browse({value["program_id"] for value in data.values()})
        if programs - programs.exists():
            raise ValidationError(self.env._("Unknown loyalty program."))
        existing = self.env["loyalty.card"].browse(
            [key for key in data if key > 0]
            + [
                value["coupon_id"]
                for value in data.values()
                if type(value.get("coupon_id")) is int and value["coupon_id"] > 0
            ]
        )
        existing = existing.exists()
        existing.check_access("read")
        for key, value in data.items():
            card = existing.filtered(lambda card, key=key: card.id == key)
            if card and card.program_id.id != value["program_id"]:
                raise ValidationError(
                    self.env._(
                        "Card %(code)s is not a card of the program the till names.",
                        code=card.code,
                    )
                )
        return programs

    def _retail_cap_coupon_credits(self, data, programs):
        """Lower the credits of ``data`` (in place, the first cards keep their
        points) to what the order justifies for each program.

        :return: the texts of the programs capped, for the order's till issues
        """
        credits = defaultdict(float)
        for value in data.values():
            if (value.get("points") or 0) > 0:
                credits[value["program_id"]] += value["points"]
        issues = []
        for program in programs.filtered(lambda program: credits.get(program.id)):
            allowed = self._retail_coupon_points_allowed(program)
            if (
                float_compare(
                    credits[program.id], allowed, precision_digits=POINTS_DIGITS
                )
                <= 0
            ):
                continue
            left = allowed
            for value in data.values():
                points = value.get("points") or 0
                if value["program_id"] != program.id or points <= 0:
                    continue
                value["points"] = min(points, max(left, 0.0))
                left -= value["points"]
            issues.append(
                self.env._(
                    "The till sent %(sent)s points for %(program)s, the order's "
                    "lines justify %(allowed)s: only these were added.",
                    sent=credits[program.id],
                    program=program.name,
                    allowed=allowed,
                )
            )
        return issues

    def _retail_coupon_points_allowed(self, program):
        """Points the order's lines give to cards of ``program`` (server
        figures), less those the order already credited to its cards."""
        self.ensure_one()
        if self.state in ("draft", "cancel") or program not in (
            self.config_id._get_program_ids()
        ):
            return 0.0
        lines = self.lines.filtered(lambda line: not line.is_reward_line)
        points = 0.0
        # sudo: the program's rules, read to recompute the till's figures
        for rule in program.sudo().rule_ids:
            products = lines.product_id.filtered_domain(
                rule._get_valid_product_domain()
            )
            matching = lines.filtered(lambda line, p=products: line.product_id in p)
            if not matching:
                continue
            if rule.reward_point_mode == "money":
                points += rule.reward_point_amount * matching._retail_amount()
            elif rule.reward_point_mode == "unit":
                points += rule.reward_point_amount * sum(matching.mapped("qty"))
            else:
                points += rule.reward_point_amount
        # sudo: what this order already credited, whoever's rows they are
        [[issued]] = (
            self.env["loyalty.history"]
            .sudo()
            ._read_group(
                [
                    ("order_model", "=", self._name),
                    ("order_id", "=", self.id),
                    ("card_id.program_id", "=", program.id),
                ],
                [],
                ["issued:sum"],
            )
        )
        return max(points - (issued or 0.0), 0.0)

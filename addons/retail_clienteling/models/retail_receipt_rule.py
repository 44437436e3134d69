# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

# The placeholders a message may hold, replaced when the receipt is printed.
PLACEHOLDERS = ("name", "first_name", "store", "coupon", "event")
PLACEHOLDER_RE = re.compile(r"\{([^{}]*)\}")
MAX_MESSAGE = 1000
MAX_DAYS = 36500
MAX_VALID_DAYS = 3650
MAX_PRIORITY = 1000000


class RetailReceiptRule(models.Model):
    """A personal message printed on the receipt of a customer's till order:
    who gets it (segment, tier, channel, last purchase, birthday month,
    products bought) and what it gives (a text, a personal coupon, an
    invitation to a private event). One message per receipt: the first rule
    that matches, by priority."""

    _name = "retail.receipt.rule"
    _description = "Receipt Message Rule"
    _order = "priority desc, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    priority = fields.Integer(
        default=10,
        help="When several rules match an order, the one with the highest "
        "priority prints its message (the oldest one on a tie).",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    # conditions: an empty one matches every customer
    segment_ids = fields.Many2many(
        "retail.segment",
        string="Segments",
        check_company=True,
        help="The customer belongs to one of these segments.",
    )
    tier = fields.Reference(
        selection="_selection_tier",
        help="The customer's loyalty tier (with the loyalty module).",
    )
    channel_ids = fields.Many2many(
        "retail.channel",
        string="Customer Channels",
        help="The customer's channel is one of these.",
    )
    config_ids = fields.Many2many(
        "pos.config",
        string="Stores",
        check_company=True,
        help="The order is paid at one of these tills.",
    )
    last_purchase_min_days = fields.Integer(
        string="Last Purchase At Least (days)",
        help="The customer's previous purchase (till or sale order) is at least "
        "this many days old; 0: no condition. A first purchase does not match.",
    )
    last_purchase_max_days = fields.Integer(
        string="Last Purchase At Most (days)",
        help="The customer's previous purchase is at most this many days old; "
        "0: no condition. A first purchase does not match.",
    )
    birthday_month = fields.Boolean(
        help="The order is paid in the month of the customer's birthday.",
    )
    product_ids = fields.Many2many(
        "product.product",
        string="Products Bought",
        check_company=True,
        help="The order sells one of these products (or of the categories below).",
    )
    categ_ids = fields.Many2many(
        "product.category",
        string="Categories Bought",
        help="The order sells a product of one of these categories (or their "
        "subcategories).",
    )
    once_per_customer = fields.Boolean(
        string="Once per Customer",
        default=True,
        help="A customer receives this message once; their next receipts print "
        "the next rule that matches.",
    )
    # what the receipt prints
    message = fields.Text(
        required=True,
        translate=True,
        help="Printed in the customer's language. Placeholders: {name}, "
        "{first_name}, {store}, {coupon} (the personal coupon code), {event} (the "
        "event's name).",
    )
    coupon_program_id = fields.Many2one(
        "loyalty.program",
        string="Personal Coupon",
        check_company=True,
        domain="[('program_type', '=', 'coupons')]",
        ondelete="restrict",
        help="A coupon program: the customer receives a coupon of their own, "
        "single use, redeemable at a later till order. Its code is printed.",
    )
    coupon_valid_days = fields.Integer(
        string="Coupon Valid For (days)",
        help="The coupon expires this many days after the receipt; 0 keeps the "
        "program's own dates.",
    )
    event_id = fields.Many2one(
        "event.event",
        string="Private Event",
        check_company=True,
        ondelete="restrict",
        help="The customer is registered to this event; the registration code "
        "is printed.",
    )

    @api.model
    def _selection_tier(self):
        """The models of loyalty tiers a rule may name; the loyalty side adds
        its tier model (and ``res.partner._retail_receipt_tiers``)."""
        return []

    @api.constrains(
        "priority",
        "message",
        "last_purchase_min_days",
        "last_purchase_max_days",
        "coupon_valid_days",
    )
    def _check_figures(self):
        for rule in self:
            if abs(rule.priority) > MAX_PRIORITY:
                raise ValidationError(
                    self.env._(
                        "The priority of %(rule)s is between -%(max)s and %(max)s.",
                        rule=rule.name,
                        max=MAX_PRIORITY,
                    )
                )
            rule._check_message(rule.message or "")
            for days in (rule.last_purchase_min_days, rule.last_purchase_max_days):
                if not 0 <= days <= MAX_DAYS:
                    raise ValidationError(
                        self.env._(
                            "The days since the last purchase of %(rule)s are "
                            "between 0 and %(max)s.",
                            rule=rule.name,
                            max=MAX_DAYS,
                        )
                    )
            if (
                rule.last_purchase_max_days
                and rule.last_purchase_min_days > rule.last_purchase_max_days
            ):
                raise ValidationError(
                    self.env._(
                        "The last purchase of %(rule)s cannot be at least "
                        "%(min)s and at most %(max)s days old.",
                        rule=rule.name,
                        min=rule.last_purchase_min_days,
                        max=rule.last_purchase_max_days,
                    )
                )
            if not 0 <= rule.coupon_valid_days <= MAX_VALID_DAYS:
                raise ValidationError(
                    self.env._(
                        "The coupon of %(rule)s is valid for 0 to %(max)s days.",
                        rule=rule.name,
                        max=MAX_VALID_DAYS,
                    )
                )

    def _check_message(self, message):
        if len(message) > MAX_MESSAGE or "\x00" in message:
            raise ValidationError(
                self.env._(
                    "The message of %(rule)s is text of at most %(max)s characters.",
                    rule=self.name,
                    max=MAX_MESSAGE,
                )
            )
        unknown = sorted(set(PLACEHOLDER_RE.findall(message)).difference(PLACEHOLDERS))
        if unknown:
            raise ValidationError(
                self.env._(
                    "The message of %(rule)s names unknown placeholders: "
                    "%(unknown)s. Use %(known)s.",
                    rule=self.name,
                    unknown=", ".join(unknown),
                    known=", ".join(f"{{{name}}}" for name in PLACEHOLDERS),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_text_values(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_text_values(vals)
        return super().write(vals)

    @api.model
    def _check_text_values(self, vals):
        """Texts the database cannot store (NUL bytes) refused in the user's
        terms before they reach it."""
        for name in ("name", "message"):
            value = vals.get(name) if isinstance(vals, dict) else None
            if isinstance(value, str) and "\x00" in value:
                raise ValidationError(
                    self.env._("A rule's name and message are plain text.")
                )

    @api.constrains("coupon_program_id", "event_id")
    def _check_gifts(self):
        for rule in self:
            program = rule.coupon_program_id
            if program and program.program_type != "coupons":
                raise ValidationError(
                    self.env._(
                        "The personal coupon of %(rule)s must be a coupon "
                        "program, not %(program)s.",
                        rule=rule.name,
                        program=program.display_name,
                    )
                )
            if rule.event_id and rule.coupon_program_id:
                raise ValidationError(
                    self.env._(
                        "%(rule)s gives a coupon or an invitation, not both: "
                        "make two rules.",
                        rule=rule.name,
                    )
                )

    # ------------------------------------------------------------------
    # Which rule an order prints
    # ------------------------------------------------------------------

    @api.model
    def _retail_rules_of_company(self, company):
        """The active rules of ``company``, by priority."""
        return self.search([("company_id", "=", company.id)], order=self._order)

    @api.model
    def _retail_rule_for_order(self, order, facts, rules=None):
        """The rule whose message ``order`` prints (or an empty recordset): the
        first active rule of the order's company, by priority, whose
        conditions all hold. ``facts`` are the customer's figures read before
        the order counted (``pos.order._retail_receipt_facts``); ``rules``: the
        company's rules when the caller has read them
        (``_retail_rules_of_company``)."""
        if rules is None:
            rules = self._retail_rules_of_company(order.company_id)
        given = self._retail_rules_given(rules, order.partner_id)
        for rule in rules:
            if rule in given:
                continue
            if rule._retail_matches(order, facts):
                return rule
        return self.browse()

    @api.model
    def _retail_rules_given(self, rules, partner):
        """The rules of ``rules`` given once per customer that ``partner``
        already received on another receipt."""
        once = rules.filtered("once_per_customer")
        if not once:
            return self.browse()
        return (
            self.env["pos.order"]
            .search(
                [
                    ("retail_receipt_rule_id", "in", once.ids),
                    ("partner_id", "=", partner.id),
                ]
            )
            .retail_receipt_rule_id
        )

    def _retail_matches(self, order, facts):
        self.ensure_one()
        partner = order.partner_id
        checks = (
            not self.segment_ids or bool(self.segment_ids & partner.retail_segment_ids),
            not self.tier or f"{self.tier._name},{self.tier.id}" in facts["tiers"],
            not self.channel_ids or partner.retail_channel_id in self.channel_ids,
            not self.config_ids or order.config_id in self.config_ids,
            self._retail_last_purchase_matches(facts["days_since_last"]),
            not self.birthday_month or facts["birth_month"] == facts["month"],
        )
        return all(checks) and self._retail_products_match(order)

    def _retail_last_purchase_matches(self, days):
        if not (self.last_purchase_min_days or self.last_purchase_max_days):
            return True
        if days is None:
            return False
        return days >= self.last_purchase_min_days and (
            not self.last_purchase_max_days or days <= self.last_purchase_max_days
        )

    def _retail_products_match(self, order):
        if not (self.product_ids or self.categ_ids):
            return True
        sold = order.lines.filtered(lambda line: line.qty > 0).product_id
        if sold & self.product_ids:
            return True
        return bool(
            self.categ_ids
            and sold.filtered_domain(Domain("categ_id", "child_of", self.categ_ids.ids))
        )

    def _retail_render(self, order, coupon_code="", event_name=""):
        """The rule's message for ``order``, in its customer's language."""
        self.ensure_one()
        partner = order.partner_id
        message = self.with_context(lang=partner.lang or self.env.lang).message or ""
        values = {
            "name": partner.name or "",
            "first_name": (partner.name or "").split(" ")[0],
            "store": order.config_id.name or "",
            "coupon": coupon_code or "",
            "event": event_name or "",
        }
        return PLACEHOLDER_RE.sub(
            lambda match: values.get(match.group(1), match.group(0)), message
        )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date

# Largest id PostgreSQL's integer columns hold.
MAX_RECORD_ID = 2**31 - 1
# A card's tier (its points multiplier): set by the scheduled recomputation, or
# by a manager's action with a reason (action_retail_set_tier), never written
# directly by a user.
TIER_FIELDS = frozenset({"retail_tier_id", "retail_tier_locked", "retail_tier_reason"})


class LoyaltyCard(models.Model):
    _inherit = "loyalty.card"

    retail_tier_id = fields.Many2one(
        "retail.loyalty.tier",
        string="Tier",
        index="btree_not_null",
        tracking=True,
        domain="[('program_id', '=', program_id)]",
    )
    retail_tier_locked = fields.Boolean(
        string="Tier Set by Hand",
        tracking=True,
        help="The scheduled tier recomputation leaves this card's tier alone.",
    )
    retail_tier_reason = fields.Char(string="Tier Override Reason", tracking=True)
    retail_tier_name = fields.Char(related="retail_tier_id.name", string="Tier Name")
    retail_tier_multiplier = fields.Float(
        related="retail_tier_id.multiplier", string="Tier Multiplier"
    )
    retail_tier_message = fields.Char(
        related="retail_tier_id.receipt_message", string="Tier Receipt Message"
    )
    retail_receipt_message = fields.Char(
        compute="_compute_retail_receipt_message",
        help="Message printed on the POS receipt: the tier's, else the first one "
        "of the customer's segments.",
    )
    retail_points_pending = fields.Float(
        string="Pending Points",
        compute="_compute_retail_points_pending",
        help="Points earned by recent orders, spendable when their return window "
        "is over.",
    )
    retail_expiring_points = fields.Float(
        string="Points Expiring Soon",
        compute="_compute_retail_expiring",
        help="Points that expire within the program's notice period, all lots "
        "together (the notice gives each lot with its day).",
    )
    retail_expiring_date = fields.Date(
        string="Next Expiry",
        compute="_compute_retail_expiring",
        help="Day the earliest of those lots expires: the expiry job removes "
        "its points that day.",
    )
    retail_expiring_days = fields.Integer(
        string="Days to Next Expiry", compute="_compute_retail_expiring"
    )
    retail_expiring_lots = fields.Json(
        compute="_compute_retail_expiring",
        help="Technical: the lots of points that expire within the notice "
        "period, [[expiry day, points], ...], soonest first.",
    )
    retail_notice_date = fields.Date(
        readonly=True, copy=False, help="When the last loyalty notice was sent."
    )
    retail_order_points_ids = fields.One2many(
        "retail.loyalty.order.points", "card_id", string="Order Points"
    )

    retail_allowed_rewards = fields.Json(
        compute="_compute_retail_allowed_rewards",
        help="Technical: ids of the rewards this card may claim (tier, segment and "
        "customer channel limits of retail ledger programs), for the POS.",
    )

    @api.depends(
        "retail_tier_id.receipt_message",
        "partner_id.commercial_partner_id.retail_segment_ids",
    )
    def _compute_retail_receipt_message(self):
        for card in self:
            segments = card.partner_id.commercial_partner_id.retail_segment_ids.sorted()
            card.retail_receipt_message = card.retail_tier_id.receipt_message or next(
                (
                    segment.retail_loyalty_receipt_message
                    for segment in segments
                    if segment.retail_loyalty_receipt_message
                ),
                False,
            )

    @api.depends("retail_tier_id", "partner_id", "program_id.reward_ids")
    def _compute_retail_allowed_rewards(self):
        for card in self:
            card.retail_allowed_rewards = card._retail_allowed_rewards().ids

    @api.depends("retail_order_points_ids.points_pending")
    def _compute_retail_points_pending(self):
        # sudo: the cards' own order points (cashiers of the card's company
        # read cards, not always the order points of another store's company)
        pending = dict(
            self.env["retail.loyalty.order.points"]
            .sudo()
            ._read_group(
                [("card_id", "in", self.ids), ("state", "=", "pending")],
                ["card_id"],
                ["points_pending:sum"],
            )
        )
        for card in self:
            card.retail_points_pending = pending.get(card, 0.0)

    @api.model
    def _load_pos_data_fields(self, config):
        return super()._load_pos_data_fields(config) + [
            "retail_tier_name",
            "retail_tier_multiplier",
            "retail_tier_message",
            "retail_points_pending",
            "retail_allowed_rewards",
            "retail_receipt_message",
        ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._retail_check_tier_write(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._retail_check_tier_write(vals)
        # sale_loyalty moves the points of cards by hand when reward lines of a
        # confirmed order change; cards of retail ledger programs move through
        # the ledger only (sale.order.line posts the difference).
        if "points" in vals and self.env.context.get("retail_loyalty_sale_line"):
            ledger = self.filtered("program_id.retail_ledger")
            if ledger:
                others = {key: value for key, value in vals.items() if key != "points"}
                if others:
                    super(LoyaltyCard, ledger).write(others)
                return super(LoyaltyCard, self - ledger).write(vals)
        return super().write(vals)

    @api.model
    def _retail_check_tier_write(self, vals):
        if not self.env.su and TIER_FIELDS & set(vals):
            raise AccessError(
                self.env._(
                    "A card's tier is set by the system; a store manager sets it by "
                    "hand with a reason (Set Tier)."
                )
            )

    @api.model
    def _retail_kinds_allowing_negative(self):
        """Points spent offline (the till took them within the store's offline
        caps, the order has landed) may take the balance below zero: the card
        shows the shortfall and its next earnings recover it. Only the loyalty
        engine asks for it, through its own context key, for spend movements."""
        kinds = super()._retail_kinds_allowing_negative()
        if self.env.context.get("retail_loyalty_offline_spend"):
            kinds.add("spend")
        return kinds

    def _retail_allowed_rewards(self):
        """Rewards of the card's program it may claim: all of them outside
        retail ledger programs; else none when the program's segment or channel
        limits leave the customer out, and only those open to the card's tier."""
        self.ensure_one()
        program = self.program_id
        rewards = program.reward_ids
        if not program.retail_ledger:
            return rewards
        if not program._retail_admits_customer(self.partner_id):
            return rewards.browse()
        return rewards.filtered(
            lambda reward: not reward.retail_tier_ids
            or self.retail_tier_id in reward.retail_tier_ids
        )

    def _retail_check_rewards_allowed(self, rewards):
        """Refuse rewards this card may not claim (tier, segment, channel)."""
        self.ensure_one()
        refused = rewards - self._retail_allowed_rewards()
        if refused:
            raise UserError(
                self.env._(
                    "Card %(code)s (tier %(tier)s) may not claim the reward "
                    "%(reward)s.",
                    code=self.code,
                    tier=self.retail_tier_id.name or self.env._("none"),
                    reward=refused[0].description,
                )
            )

    def _retail_check_store_manager(self):
        if not self.env.su and not self.env.user.has_group(
            "retail_card.group_card_store_manager"
        ):
            raise AccessError(
                self.env._("Only store managers and head office may do this.")
            )

    def _retail_check_manager_access(self):
        """A store manager (or head office) acting on cards of the companies the
        request acts in: the card rules apply (read), and a card of a program
        of another company is refused, whatever ids were sent."""
        self._retail_check_store_manager()
        if self.env.su:
            return
        self.check_access("read")
        foreign = self.filtered(
            lambda card: card.company_id and card.company_id not in self.env.companies
        )
        if foreign:
            raise AccessError(
                self.env._(
                    "Card %(code)s belongs to another company.", code=foreign[0].code
                )
            )

    def action_retail_set_tier(self, tier_id, reason):
        """Set the cards' tier by hand, with a reason; the scheduled
        recomputation leaves them alone until ``action_retail_unlock_tier``."""
        self._retail_check_manager_access()
        if not isinstance(reason, str) or not reason.strip():
            raise ValidationError(self.env._("Say why the tier is set by hand."))
        # An id of the right type (retail_card refuses text, floats, lists...)
        # and of PostgreSQL's integer range, before it reaches a query.
        tier_id = self._retail_record_id(tier_id)
        if tier_id and tier_id > MAX_RECORD_ID:
            raise ValidationError(self.env._("This tier does not exist."))
        tier = self.env["retail.loyalty.tier"].browse(tier_id).exists()
        if tier_id and not tier:
            raise ValidationError(self.env._("This tier does not exist."))
        wrong = self.filtered(lambda card: tier and card.program_id != tier.program_id)
        if wrong:
            raise ValidationError(
                self.env._(
                    "Tier %(tier)s belongs to another program than card %(card)s.",
                    tier=tier.name,
                    card=wrong[0].code,
                )
            )
        # sudo: the tier fields are the system's; a manager of the cards'
        # companies sets them by hand after the checks above
        self.sudo().write(
            {
                "retail_tier_id": tier.id,
                "retail_tier_locked": True,
                "retail_tier_reason": reason.strip(),
            }
        )
        return True

    def action_retail_unlock_tier(self):
        self._retail_check_manager_access()
        # sudo: a manager of the cards' companies (checked above) gives the tier
        # back to the scheduled recomputation
        self.sudo().write({"retail_tier_locked": False, "retail_tier_reason": False})
        return True

    # ------------------------------------------------------------------
    # Notices
    # ------------------------------------------------------------------

    @api.depends_context("retail_notice_days")
    def _compute_retail_expiring(self):
        today = fields.Date.today()
        lots = self._retail_expiring_lots()
        for card in self:
            card_lots = lots.get(card._origin.id, [])
            card.retail_expiring_points = round(
                sum(points for __, points in card_lots), 2
            )
            card.retail_expiring_date = card_lots[0][0] if card_lots else False
            card.retail_expiring_days = (
                max(0, (card_lots[0][0] - today).days) if card_lots else 0
            )
            card.retail_expiring_lots = [
                [fields.Date.to_string(day), points] for day, points in card_lots
            ]

    def _retail_expiring_lots(self):
        """The lots of points of the cards that expire within their program's
        notice period (the context's ``retail_notice_days`` if given), on the
        day the expiry job removes them (``loyalty.program._retail_expiry_lots``).

        :return: {card id: [(expiry day, points), ...]}, soonest first
        """
        today = fields.Date.today()
        lots = {}
        for program, cards in self.grouped("program_id").items():
            days = self.env.context.get("retail_notice_days") or (
                program.retail_notice_days
            )
            if program.retail_ledger and program.retail_expiry_months and days:
                card_ids = cards._origin.ids
                if card_ids:
                    lots.update(
                        program._retail_expiry_lots(
                            card_ids, until=today + relativedelta(days=days)
                        )
                    )
        return lots

    def _retail_expiry_phrases(self):
        """The card's points that expire within the notice period, one phrase
        per lot, in the customer's language and date format: "30 Points expire
        on 12/12/2026 (in 5 days)". The email and the SMS notices print them
        (the lots of a batch of cards are read at once)."""
        self.ensure_one()
        card = self.with_context(lang=self.partner_id.lang or self.env.lang)
        lang = card.env.lang
        today = fields.Date.today()
        phrases = []
        for day_string, points in self.retail_expiring_lots or []:
            day = fields.Date.to_date(day_string)
            days = max(0, (day - today).days)
            values = {
                "points": card._format_points(points).strip(),
                "date": format_date(card.env, day, lang_code=lang),
                "days": days,
            }
            if days == 0:
                phrases.append(
                    card.env._("%(points)s expire today, %(date)s", **values)
                )
            elif days == 1:
                phrases.append(
                    card.env._("%(points)s expire tomorrow, %(date)s", **values)
                )
            else:
                phrases.append(
                    card.env._(
                        "%(points)s expire on %(date)s (in %(days)s days)", **values
                    )
                )
        return phrases

    def action_retail_send_notice(self):
        """Send the balance and expiry notice to the cards' customers now."""
        self._retail_check_manager_access()
        return self._retail_send_notices()

    def _retail_send_notices(self):
        """Email and SMS the cards' balance, tier and expiring points (per lot,
        see ``_retail_expiry_phrases``) to the customers that
        ``res.partner._retail_can_contact`` allows on each channel (consent, an
        address or number, not blacklisted, neither archived nor anonymised);
        log each sending on the customer. Batch: one mail batch, one SMS batch,
        one log batch.

        :return: {"email": count, "sms": count, "skipped": count}
        """
        # sudo: the cron or a manager of the cards' companies (checked by
        # action_retail_send_notice) reads the customers' consents and numbers
        cards = self.sudo().filtered(lambda card: card.partner_id)
        emailable = cards.partner_id._retail_can_contact("email")
        textable = cards.partner_id._retail_can_contact("sms")
        by_email = cards.filtered(lambda card: card.partner_id in emailable)
        by_sms = cards.filtered(
            lambda card: card.partner_id in textable and card._retail_sms_number()
        )
        if by_email:
            self.env.ref("retail_loyalty.mail_template_loyalty_notice").send_mail_batch(
                by_email.ids
            )
        if by_sms:
            template = self.env.ref("retail_loyalty.sms_template_loyalty_notice")
            bodies = template._render_field("body", by_sms.ids, compute_lang=True)
            # sudo: users may not create SMS; the notices of the cards above
            self.env["sms.sms"].sudo().create(
                [
                    {
                        "number": card._retail_sms_number(),
                        "partner_id": card.partner_id.id,
                        "body": bodies[card.id],
                    }
                    for card in by_sms
                ]
            )
        (by_email | by_sms)._retail_log_notices(by_email, by_sms)
        (by_email | by_sms).write({"retail_notice_date": fields.Date.today()})
        return {
            "email": len(by_email),
            "sms": len(by_sms),
            "skipped": len(cards - by_email - by_sms),
        }

    def _retail_log_notices(self, by_email, by_sms):
        """Log on their customers the notices of these cards, sent by email
        (``by_email``) and/or SMS (``by_sms``), in one batch."""
        logs = {}
        for card in self:
            channels = []
            if card in by_email:
                channels.append(self.env._("email"))
            if card in by_sms:
                channels.append(self.env._("SMS"))
            logs[card.partner_id.id] = self.env._(
                "Loyalty notice sent by %(channels)s: %(points)s points on card "
                "%(code)s, %(expiring)s expiring.",
                channels=" + ".join(channels),
                points=card.points,
                code=card.code,
                expiring=card.retail_expiring_points,
            )
        if logs:
            # sudo: the notice is logged on customers the user may not write
            self.env["res.partner"].browse(logs).sudo()._message_log_batch(bodies=logs)

    def _send_points_reach_communication(self, points_changes):
        """Odoo's "when reaching" emails of retail ledger programs go only to
        the customers ``res.partner._retail_can_contact`` allows by email; the
        cards of other programs keep Odoo's behaviour."""
        ledger = self.filtered(
            lambda card: card.program_id.retail_ledger
            and card.partner_id
            and card.program_id.communication_plan_ids.filtered(
                lambda plan: plan.trigger == "points_reach"
            )
        )
        if not ledger:
            return super()._send_points_reach_communication(points_changes)
        # sudo: only the customers' consents and addresses are read
        allowed = ledger.sudo().partner_id._retail_can_contact("email")
        refused = ledger.filtered(lambda card: card.partner_id not in allowed)
        return super(LoyaltyCard, self - refused)._send_points_reach_communication(
            points_changes
        )

    def _retail_sms_number(self):
        self.ensure_one()
        partner = self.partner_id
        return partner.retail_mobile_sanitized or partner.phone_sanitized

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import SQL, split_every

MAX_VALID_DAYS = 3650
# Coupons inserted per statement when a send issues them.
ISSUE_CHUNK = 20000


class MailingMailing(models.Model):
    _inherit = "mailing.mailing"

    retail_coupon_program_id = fields.Many2one(
        "loyalty.program",
        string="Personal Coupon",
        domain="[('program_type', '=', 'coupons')]",
        ondelete="restrict",
        help="A coupon program: each recipient receives a coupon of their own, "
        "issued when the mailing is sent, redeemable once at the till or on a "
        "sale order. Print its code with the Campaign Coupon Code placeholder.",
    )
    retail_coupon_valid_days = fields.Integer(
        string="Coupon Valid For (days)",
        help="The coupons expire this many days after they are issued; 0 keeps "
        "the program's own dates.",
    )
    retail_coupon_count = fields.Integer(
        string="Coupons Issued", compute="_compute_retail_coupon_counts"
    )
    retail_coupon_redeemed_count = fields.Integer(
        string="Coupons Redeemed",
        compute="_compute_retail_coupon_counts",
        help="Coupons of this mailing used on a paid till order or a confirmed "
        "sale order.",
    )

    @api.constrains("retail_coupon_program_id", "retail_coupon_valid_days")
    def _check_retail_coupon(self):
        for mailing in self:
            program = mailing.retail_coupon_program_id
            if program and program.program_type != "coupons":
                raise ValidationError(
                    self.env._(
                        "The personal coupon of %(mailing)s must be a coupon "
                        "program, not %(program)s.",
                        mailing=mailing.display_name,
                        program=program.display_name,
                    )
                )
            if program and mailing.mailing_model_real != "res.partner":
                raise ValidationError(
                    self.env._(
                        "Personal coupons are sent to customers: the recipients "
                        "of %(mailing)s must be contacts.",
                        mailing=mailing.display_name,
                    )
                )
            if not 0 <= mailing.retail_coupon_valid_days <= MAX_VALID_DAYS:
                raise ValidationError(
                    self.env._(
                        "The coupons of %(mailing)s are valid for 0 to %(max)s "
                        "days, not %(days)s.",
                        mailing=mailing.display_name,
                        max=MAX_VALID_DAYS,
                        days=mailing.retail_coupon_valid_days,
                    )
                )

    def _compute_retail_coupon_counts(self):
        issued, redeemed = self._retail_coupon_counts()
        for mailing in self:
            mailing.retail_coupon_count = issued.get(mailing._origin.id, 0)
            mailing.retail_coupon_redeemed_count = redeemed.get(mailing._origin.id, 0)

    def _retail_coupon_counts(self):
        """({mailing id: coupons issued}, {mailing id: coupons redeemed}): a
        coupon is redeemed when a reward line of a paid till order or of a
        confirmed sale order used it."""
        ids = [mailing_id for mailing_id in self._origin.ids if mailing_id]
        if not ids:
            return {}, {}
        self.env.flush_all()
        rows = self.env.execute_query(
            SQL(
                """
                SELECT c.retail_mailing_id, count(*),
                       count(*) FILTER (WHERE EXISTS (
                            SELECT 1 FROM pos_order_line l
                              JOIN pos_order o ON o.id = l.order_id
                             WHERE l.coupon_id = c.id AND l.reward_id IS NOT NULL
                               AND o.state IN ('paid', 'done')
                       ) OR EXISTS (
                            SELECT 1 FROM sale_order_line l
                              JOIN sale_order o ON o.id = l.order_id
                             WHERE l.coupon_id = c.id AND l.reward_id IS NOT NULL
                               AND o.state = 'sale'
                       ))
                  FROM loyalty_card c
                 WHERE c.retail_mailing_id = ANY(%s)
                 GROUP BY c.retail_mailing_id
                """,
                ids,
            )
        )
        return (
            {mailing_id: issued for mailing_id, issued, _redeemed in rows},
            {mailing_id: redeemed for mailing_id, _issued, redeemed in rows},
        )

    # ------------------------------------------------------------------
    # The send: coupons first, then Odoo's send with the coupons readable
    # ------------------------------------------------------------------
    def _action_send_mail(self, res_ids=None):
        plain = self.filtered(
            lambda m: m.mailing_type == "sms" or not m.retail_coupon_program_id
        )
        if plain:
            # SMS mailings go through action_send_sms, below
            super(MailingMailing, plain)._action_send_mail(res_ids=res_ids)
        for mailing in self - plain:
            recipients = mailing._retail_issue_coupons(res_ids)
            super(
                MailingMailing, mailing.with_context(retail_mailing_id=mailing.id)
            )._action_send_mail(res_ids=recipients or None)
        return True

    def action_send_sms(self, res_ids=None):
        for mailing in self:
            if not mailing.retail_coupon_program_id:
                super(MailingMailing, mailing).action_send_sms(res_ids=res_ids)
                continue
            recipients = mailing._retail_issue_coupons(res_ids)
            super(
                MailingMailing, mailing.with_context(retail_mailing_id=mailing.id)
            ).action_send_sms(res_ids=recipients or None)
        return True

    def _retail_issue_coupons(self, res_ids=None):
        """Issue a personal coupon to each of the recipients of this send
        (``res_ids``, or the recipients the mailing has not reached yet) who has
        none from this mailing yet, and return the recipients.

        The coupons are cards of the mailing's coupon program, credited through
        the card ledger with the points of one reward; a send that is retried or
        resumed, or two sends at once, issue none twice (one coupon per mailing
        and customer)."""
        self.ensure_one()
        program = self.retail_coupon_program_id
        if program:
            self._retail_check_can_issue(program)
        recipients = list(res_ids or self._get_remaining_recipients())
        if recipients and program:
            self._retail_create_coupons(program, recipients)
        return recipients

    def _retail_check_can_issue(self, program):
        if not self.env.su and not self.env.user.has_group(
            "mass_mailing.group_mass_mailing_user"
        ):
            raise AccessError(
                self.env._("Only Email Marketing users send campaign coupons.")
            )
        program.check_access("read")
        if not program.active:
            raise ValidationError(
                self.env._(
                    "The coupon program %(program)s of %(mailing)s is archived.",
                    program=program.display_name,
                    mailing=self.display_name,
                )
            )

    def _retail_create_coupons(self, program, partner_ids):
        """The coupons of ``partner_ids`` who have none from this mailing yet:
        cards inserted empty in one statement per chunk, then credited through
        the ledger's bulk path with the points of the program's cheapest reward
        (one use).

        A campaign issues a coupon to each of up to hundreds of thousands of
        customers: the cards are written as Odoo's create would write them
        (program, holder, number of ``_generate_code``, expiry, active; then
        their stored computed fields, the company among them, computed by the
        ORM over all of them at once), without the ORM's per-record work: no
        chatter message or follower, as with ``tracking_disable``; no creation
        mail of the program, which would reach customers outside the consent
        rule (the mailing carries the code). The ledger rows record the issue
        of each coupon.
        """
        # sudo: issuing the coupons is part of the send, which this Email
        # Marketing user may start; the program was read with their rights.
        Card = self.env["loyalty.card"].sudo()
        points = min(program.reward_ids.mapped("required_points") or [1.0]) or 1.0
        expiration = None
        if self.retail_coupon_valid_days:
            expiration = fields.Date.context_today(self) + timedelta(
                days=self.retail_coupon_valid_days
            )
        card_ids = []
        for chunk in split_every(ISSUE_CHUNK, partner_ids, list):
            card_ids += self._retail_insert_coupons(Card, program, chunk, expiration)
        if not card_ids:
            return
        Card.invalidate_model()
        self._retail_compute_coupon_fields(Card.browse([card for card, _p in card_ids]))
        description = self.env._("Coupon of %(mailing)s", mailing=self.subject)
        Card._retail_post_movements(
            [
                {
                    "card": card_id,
                    "amount": points,
                    "kind": "earn",
                    "description": description,
                    "key": Card._retail_movement_key(
                        "mailing.mailing", self.id, partner_id
                    ),
                }
                for card_id, partner_id in card_ids
            ]
        )

    def _retail_insert_coupons(self, Card, program, partner_ids, expiration):
        """Insert the empty coupons of ``partner_ids`` who have none from this
        mailing (the unique index of a mailing and customer skips the others,
        issued by an earlier or concurrent send).

        :return: [(card id, partner id)] of the coupons inserted
        """
        Card.flush_model()
        now = self.env.cr.now()
        return self.env.execute_query(
            SQL(
                """
                INSERT INTO loyalty_card (
                    program_id, partner_id, code, points, expiration_date,
                    active, retail_mailing_id,
                    create_uid, create_date, write_uid, write_date)
                SELECT %(program)s, issued.partner_id, issued.code, 0,
                       %(expiration)s, TRUE, %(mailing)s,
                       %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM unnest(%(partners)s::int[], %(codes)s::varchar[])
                       AS issued(partner_id, code)
                ON CONFLICT (retail_mailing_id, partner_id)
                   WHERE retail_mailing_id IS NOT NULL DO NOTHING
                RETURNING id, partner_id
                """,
                program=program.id,
                expiration=expiration,
                mailing=self.id,
                uid=self.env.uid,
                now=now,
                partners=partner_ids,
                codes=[Card._generate_code() for _partner in partner_ids],
            )
        )

    def _retail_compute_coupon_fields(self, cards):
        """The stored computed fields of ``cards`` inserted in SQL (the
        company of their program, and those other modules add), computed and
        written by the ORM as a create would, in one pass over all of them;
        then the cards' constraints checked, as a create checks them (Odoo's:
        no coupon code equal to a program's trigger code)."""
        for field in cards._fields.values():
            if field.store and field.compute:
                self.env.add_to_compute(field, cards)
        cards.flush_recordset()
        cards._validate_fields(cards._fields)

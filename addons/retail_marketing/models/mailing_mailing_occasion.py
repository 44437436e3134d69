# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import random
from datetime import timedelta
from typing import NamedTuple

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL, split_every
from odoo.tools.rendering_tools import parse_inline_template

# Customers read per query of a run; they are reserved and sent in batches of
# the mail composer's size (system parameter ``mail.batch_size``, 50 by default)
# so that a batch's reservations and its queued messages commit together.
RUN_CHUNK = 1000
DEFAULT_SEND_BATCH = 50
# Widest number of days any occasion accepts (ten years).
MAX_OCCASION_DAYS = 3650


class Occasion(NamedTuple):
    """A recurring occasion. ``due`` names the method of ``mailing.mailing``
    that gives, for a table alias of ``res_partner`` and the run's time, the
    SQL condition of the customers for whom the occasion is due and the SQL of
    its occurrence key (text: once per customer per key); ``min_days`` and
    ``max_days`` bound the mailing's *Days*."""

    due: str
    min_days: int
    max_days: int


class MailingMailing(models.Model):
    """Recurring mailings: a mailing to customers with an occasion (welcome,
    birthday, win-back...) is not sent once: a daily job sends it to the
    customers of its filter for whom the occasion is due that day, once per
    customer and occurrence, each day's send in a mailing of its own (a run)."""

    _inherit = "mailing.mailing"

    retail_occasion = fields.Selection(
        [
            ("welcome", "Welcome after the first purchase"),
            ("birthday", "Birthday"),
            ("winback", "Win-back after days without a purchase"),
        ],
        string="Recurring Occasion",
        help="Sent every day to the customers of the filter for whom the occasion "
        "is due, once per customer and occurrence (each birthday, each lapse).",
    )
    retail_occasion_days = fields.Integer(
        string="Days",
        default=7,
        help="Welcome: first purchase at most this many days ago. Birthday: days "
        "before the birthday (0: on the day). Win-back: days without a purchase.",
    )
    retail_occasion_active = fields.Boolean(string="Running", copy=False, readonly=True)
    retail_recurring_id = fields.Many2one(
        "mailing.mailing",
        string="Recurring Mailing",
        copy=False,
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
    )
    retail_run_date = fields.Date(string="Run of", copy=False, readonly=True)
    retail_run_ids = fields.One2many(
        "mailing.mailing", "retail_recurring_id", string="Daily Runs"
    )
    retail_occasion_due_count = fields.Integer(
        compute="_compute_retail_occasion_due_count",
        string="Due Today",
        help="Customers the next run would reach (consent rule applied).",
    )

    @api.model
    def _retail_occasions(self):
        """The registry of occasions, ``{selection value: Occasion}``. A module
        adds one with ``selection_add`` on ``retail_occasion``, its ``due``
        method and an entry here (``super()``)."""
        return {
            "welcome": Occasion("_retail_due_welcome", 1, 365),
            "birthday": Occasion("_retail_due_birthday", 0, 60),
            "winback": Occasion("_retail_due_winback", 1, MAX_OCCASION_DAYS),
        }

    # ------------------------------------------------------------------
    # The occasions
    # ------------------------------------------------------------------
    def _retail_due_welcome(self, alias, now):
        """First purchase within the last *Days*; once per customer."""
        first = SQL.identifier(alias, "retail_first_purchase_date")
        since = now - timedelta(days=self.retail_occasion_days)
        return SQL("%s >= %s", first, since), SQL("'first purchase'")

    def _retail_due_birthday(self, alias, now):
        """Birthday within the next *Days* (0: today), 29 February on the 28th
        in other years; once per customer and birthday (its year)."""
        today = fields.Date.context_today(self, now)
        birth = SQL.identifier(alias, "retail_birth_date")

        def in_year(year):
            return SQL(
                "(%s + make_interval(years => %s - EXTRACT(YEAR FROM %s)::int))::date",
                birth,
                year,
                birth,
            )

        upcoming = SQL(
            "CASE WHEN %s >= %s THEN %s ELSE %s END",
            in_year(today.year),
            today,
            in_year(today.year),
            in_year(today.year + 1),
        )
        limit = today + timedelta(days=self.retail_occasion_days)
        return (
            SQL("%s IS NOT NULL AND %s <= %s", birth, upcoming, limit),
            SQL("EXTRACT(YEAR FROM %s)::int::text", upcoming),
        )

    def _retail_due_winback(self, alias, now):
        """No purchase for *Days*; once per customer and last purchase, so a
        customer who comes back and lapses again gets it again."""
        last = SQL.identifier(alias, "retail_last_purchase_date")
        since = now - timedelta(days=self.retail_occasion_days)
        return (
            SQL("%s < %s", last, since),
            SQL("to_char(%s, 'YYYY-MM-DD HH24:MI:SS')", last),
        )

    def _retail_due_first_expiry(self, alias, now, rows):
        """The occasion of a bridge's expiring balance: the customer's first
        expiry still to come in ``rows`` (SQL of rows with ``partner_id`` and
        ``expiry``) falls within *Days*; once per customer and expiry day, so
        the next one is announced in its turn."""
        today = fields.Date.context_today(self, now)
        limit = today + timedelta(days=self.retail_occasion_days)
        partner_id = SQL.identifier(alias, "id")
        due = SQL(
            """%s IN (SELECT partner_id FROM (%s) AS expiring
                       WHERE expiry >= %s GROUP BY partner_id
                      HAVING MIN(expiry) <= %s)""",
            partner_id,
            rows,
            today,
            limit,
        )
        key = SQL(
            """(SELECT MIN(expiry)::text FROM (%s) AS expiring
                 WHERE partner_id = %s AND expiry >= %s)""",
            rows,
            partner_id,
            today,
        )
        return due, key

    def _retail_occasion_sql(self, alias, now):
        self.ensure_one()
        occasion = self._retail_occasions()[self.retail_occasion]
        return getattr(self, occasion.due)(alias, now)

    def _retail_due_domain(self, now):
        """Customers for whom the occasion is due at ``now`` and who have not
        been reached (nor held out) for that occurrence; the mailing's filter
        and the consent rule are not in it."""
        condition, key = self._retail_occasion_sql("p", now)
        self.env["res.partner"].flush_model()
        self.env["retail.marketing.occasion.sent"].flush_model()
        return Domain(
            "id",
            "in",
            SQL(
                """
                SELECT p.id FROM res_partner p
                 WHERE %(condition)s AND %(key)s IS NOT NULL
                   AND NOT EXISTS (
                       SELECT 1 FROM retail_marketing_occasion_sent s
                        WHERE s.mailing_id = %(mailing)s AND s.partner_id = p.id
                          AND s.occasion_key = %(key)s)
                """,
                condition=condition,
                key=key,
                mailing=self.id,
            ),
        )

    def _retail_occasion_keys(self, partner_ids, now):
        """``{partner id: occurrence key}`` of ``partner_ids`` at ``now``."""
        _condition, key = self._retail_occasion_sql("p", now)
        return dict(
            self.env.execute_query(
                SQL(
                    "SELECT p.id, %s FROM res_partner p WHERE p.id = ANY(%s)",
                    key,
                    list(partner_ids),
                )
            )
        )

    @api.depends("retail_occasion", "retail_occasion_days", "mailing_domain")
    def _compute_retail_occasion_due_count(self):
        now = fields.Datetime.now()
        for mailing in self:
            mailing.retail_occasion_due_count = (
                mailing.retail_occasion
                and mailing._origin.id
                and self.env["res.partner"].search_count(
                    mailing._get_recipients_domain()
                    & mailing._origin._retail_due_domain(now)
                )
            )

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._retail_check_days_value(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._retail_check_days_value(vals)
        return super().write(vals)

    @api.model
    def _retail_check_days_value(self, vals):
        """*Days* is a whole number of at most ten years, refused before it
        reaches the database."""
        days = vals.get("retail_occasion_days")
        if days is None or days is False:
            return
        if (
            isinstance(days, bool)
            or not isinstance(days, int)
            or not 0 <= days <= MAX_OCCASION_DAYS
        ):
            raise ValidationError(
                self.env._(
                    "The days of a recurring mailing must be a whole number from 0 "
                    "to %(max)s (%(value)r given).",
                    max=MAX_OCCASION_DAYS,
                    value=days,
                )
            )

    @api.constrains(
        "retail_occasion",
        "retail_occasion_days",
        "mailing_model_id",
        "mailing_type",
        "ab_testing_enabled",
    )
    def _check_retail_occasion(self):
        occasions = self._retail_occasions()
        for mailing in self.filtered("retail_occasion"):
            if not mailing._retail_contact_channel() or mailing.ab_testing_enabled:
                raise ValidationError(
                    self.env._(
                        "%(mailing)s: a recurring mailing goes to customers "
                        "(recipients: Contact), by email or SMS, without A/B test.",
                        mailing=mailing.subject,
                    )
                )
            occasion = occasions[mailing.retail_occasion]
            if (
                not occasion.min_days
                <= mailing.retail_occasion_days
                <= (occasion.max_days)
            ):
                raise ValidationError(
                    self.env._(
                        "The days of %(mailing)s must be from %(min)s to %(max)s for "
                        "this occasion (%(value)s given).",
                        mailing=mailing.subject,
                        min=occasion.min_days,
                        max=occasion.max_days,
                        value=mailing.retail_occasion_days,
                    )
                )

    def _retail_placeholder_fields(self):
        if self.mailing_type == "sms":
            return ["body_plaintext"]
        return ["subject", "body_html"]

    def _retail_check_placeholders(self):
        """Every placeholder of the subject and body can be filled: ``{{``
        closed, fields of the customer, rendered for a customer of the
        audience (or the user's own contact). A clear error otherwise."""
        self.ensure_one()
        partner = (
            self.env["res.partner"].search(self._get_recipients_domain(), limit=1)
            or self.env.user.partner_id
        )
        for fname in self._retail_placeholder_fields():
            label = self._fields[fname]._description_string(self.env)
            text = str(self[fname] or "")
            if fname != "body_html":
                self._retail_check_inline_placeholders(label, text)
            try:
                self._render_field(fname, partner.ids)
            except (UserError, ValueError, SyntaxError) as error:
                cause = str(error.__cause__ or error).strip().splitlines() or [""]
                raise UserError(
                    self.env._(
                        "The %(field)s of %(mailing)s has a placeholder that cannot "
                        "be filled: %(error)s",
                        field=label,
                        mailing=self.subject,
                        error=cause[0][:200],
                    )
                ) from None

    def _retail_check_inline_placeholders(self, label, text):
        Partner = self.env["res.partner"]
        if text.count("{{") != text.count("}}"):
            raise UserError(
                self.env._(
                    "The %(field)s of %(mailing)s has a placeholder that is not "
                    "closed: each {{ needs its }}.",
                    field=label,
                    mailing=self.subject,
                )
            )
        for _literal, expression, _default in parse_inline_template(text):
            path = expression.split(".")
            if not expression or path[0] != "object":
                continue
            model = Partner
            for name in path[1:]:
                field = model._fields.get(name)
                if not field:
                    raise UserError(
                        self.env._(
                            "The %(field)s of %(mailing)s prints %(placeholder)s: "
                            "the customer has no field %(name)s.",
                            field=label,
                            mailing=self.subject,
                            placeholder="{{ " + expression + " }}",
                            name=name,
                        )
                    )
                if not field.relational:
                    break
                model = self.env[field.comodel_name]

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_put_in_queue(self):
        recurring = self.filtered("retail_occasion")
        if recurring:
            raise UserError(
                self.env._(
                    "%(mailing)s is a recurring mailing: the daily run sends it to "
                    "the customers whose occasion is due. Start it instead.",
                    mailing=recurring[0].subject,
                )
            )
        for mailing in self:
            if mailing._retail_contact_channel():
                mailing._retail_check_placeholders()
        return super().action_put_in_queue()

    def action_retail_start(self):
        """Start the daily runs of recurring mailings (the first one now)."""
        for mailing in self:
            if not mailing.retail_occasion or mailing.state != "draft":
                raise UserError(
                    self.env._(
                        "Only a draft mailing with a recurring occasion can be "
                        "started (%(mailing)s).",
                        mailing=mailing.subject,
                    )
                )
            mailing._retail_check_placeholders()
        self.retail_occasion_active = True
        self.env.ref("retail_marketing.ir_cron_retail_recurring_mailings")._trigger()
        return True

    def action_retail_stop(self):
        """Stop the daily runs; the customers reached stay reached."""
        self.filtered("retail_occasion_active").retail_occasion_active = False
        return True

    # ------------------------------------------------------------------
    # The daily run
    # ------------------------------------------------------------------
    @api.model
    def _cron_retail_run_recurring(self):
        """Run every started recurring mailing: the customers due today, by
        batches each committed with the progress of the job, so that a run
        cut short resumes where it stopped and never sends twice."""
        now = fields.Datetime.now()
        mailings = self.search(
            [("retail_occasion", "!=", False), ("retail_occasion_active", "=", True)]
        )
        counts = {
            mailing: mailing._retail_audience_counts(mailing._retail_due_domain(now))
            for mailing in mailings
        }
        progress = {"remaining": sum(c["audience"] for c in counts.values())}
        self.env["ir.cron"]._commit_progress(remaining=progress["remaining"])
        for mailing in mailings:
            if not mailing._retail_run(now, counts[mailing], progress):
                return

    def _retail_send_batch_size(self):
        param = self.env["ir.config_parameter"].sudo().get_param("mail.batch_size")
        try:
            return max(int(param or DEFAULT_SEND_BATCH), 1)
        except ValueError:
            return DEFAULT_SEND_BATCH

    def _retail_run(self, now, counts, progress):
        """Today's run of this recurring mailing; False when the job is out
        of time (the job starts again soon and resumes)."""
        self.ensure_one()
        Partner = self.env["res.partner"]
        domain = self._get_recipients_domain() & self._retail_due_domain(now)
        run, last_id = None, 0
        while ids := Partner.search(
            domain & Domain("id", ">", last_id), order="id", limit=RUN_CHUNK
        ).ids:
            last_id = ids[-1]
            run = run or self._retail_run_mailing(now, counts)
            keys = self._retail_occasion_keys(ids, now)
            for batch in split_every(self._retail_send_batch_size(), ids):
                run._retail_reserve_and_send(self, [(pid, keys[pid]) for pid in batch])
                progress["remaining"] = max(progress["remaining"] - len(batch), 0)
                if not self.env["ir.cron"]._commit_progress(
                    len(batch), remaining=progress["remaining"]
                ):
                    return False
        return True

    def _retail_run_mailing(self, now, counts):
        """The mailing of today's run (created by the first batch of the day,
        found again by a resumed run): the recurring mailing's content, its
        recipients the customers reserved for it."""
        self.ensure_one()
        today = fields.Date.context_today(self, now)
        run = self.search(
            [("retail_recurring_id", "=", self.id), ("retail_run_date", "=", today)],
            limit=1,
        )
        if run:
            return run
        run = self.copy(
            {
                "retail_occasion": False,
                "retail_recurring_id": self.id,
                "retail_run_date": today,
                "retail_audience_snapshot": dict(counts, holdout=0),
            }
        )
        run.mailing_domain = repr(
            [
                (
                    "retail_occasion_sent_ids",
                    "any",
                    [("run_mailing_id", "=", run.id), ("holdout", "=", False)],
                )
            ]
        )
        run._retail_log_run(self, counts["audience"])
        return run

    def _retail_log_run(self, recurring, audience):
        """Log today's run on the campaign: the recurring mailing's filter,
        its occasion and the customers due today."""
        Action = self.env["retail.marketing.action"]
        occasion = dict(
            recurring._fields["retail_occasion"]._description_selection(self.env)
        ).get(recurring.retail_occasion, "")
        domain = recurring._parse_mailing_domain()
        filters = Action._retail_describe("res.partner", domain)
        criteria = self.env._(
            "%(occasion)s (%(days)s days), run of %(date)s: %(filter)s",
            occasion=occasion,
            days=recurring.retail_occasion_days,
            date=self.retail_run_date,
            filter=filters,
        )
        return self._retail_log_send(audience, criteria=criteria, domain=domain)

    def _retail_reserve_and_send(self, recurring, due):
        """Reserve the occurrence of each ``(partner id, key)`` of ``due`` for
        this run (those another run reserved first are skipped), hold a random
        share out and queue the messages of the others, all in this
        transaction. Returns the partner ids reserved."""
        self.ensure_one()
        share = recurring.retail_holdout_percent / 100
        held = [random.random() < share for _due in due]
        self.env["retail.marketing.occasion.sent"].flush_model()
        rows = self.env.execute_query(
            SQL(
                """
                INSERT INTO retail_marketing_occasion_sent
                       (mailing_id, run_mailing_id, partner_id, occasion_key, holdout,
                        company_id, create_uid, create_date, write_uid, write_date)
                SELECT %(mailing)s, %(run)s, p.id, v.occasion_key, v.holdout,
                       p.company_id, %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM unnest(%(ids)s::int[], %(keys)s::varchar[], %(held)s::bool[])
                       AS v(partner_id, occasion_key, holdout)
                  JOIN res_partner p ON p.id = v.partner_id
                    ON CONFLICT (mailing_id, partner_id, occasion_key) DO NOTHING
                RETURNING partner_id, holdout
                """,
                mailing=recurring.id,
                run=self.id,
                uid=self.env.uid,
                now=fields.Datetime.now(),
                ids=[pid for pid, _key in due],
                keys=[key for _pid, key in due],
                held=held,
            )
        )
        self.env["retail.marketing.occasion.sent"].invalidate_model()
        held_ids = [pid for pid, holdout in rows if holdout]
        send_ids = [pid for pid, holdout in rows if not holdout]
        if held_ids:
            self.env["retail.marketing.holdout"].create(
                [{"mailing_id": self.id, "partner_id": pid} for pid in held_ids]
            )
            snapshot = dict(self.retail_audience_snapshot or {})
            snapshot["holdout"] = snapshot.get("holdout", 0) + len(held_ids)
            self.retail_audience_snapshot = snapshot
        if send_ids:
            self._action_send_mail(res_ids=send_ids)
        elif held_ids and not self.sent_date:
            # a day whose customers are all held out is measured all the same
            self.write({"state": "done", "sent_date": fields.Datetime.now()})
        return [pid for pid, _holdout in rows]

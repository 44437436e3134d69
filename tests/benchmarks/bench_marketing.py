# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Campaign benchmarks of retail_marketing and its bridges, on a database where
retail_marketing, retail_marketing_loyalty, retail_marketing_giftcard and
retail_marketing_coupon are installed (with retail_loyalty and retail_giftcard).

Usage::

    .local/venv/bin/python tests/benchmarks/bench_marketing.py --db <db> \\
        --customers 200000 --rows 1000000 --send 100000

Synthetic data is made once and kept (marker parameter ``retail_bench.marketing``):
the customers of generate.py (those missing up to ``--customers`` inserted in SQL,
with an email, a mobile and a last purchase, but no orders), the loyalty data of
bench_loyalty.py (its cards inserted in SQL: a retail ledger program whose points
expire after 12 months, four tiers, one card per customer, ``--rows`` ledger rows
over 24 months), the cards' next expiry written from that ledger, and ``--send``
customers given email and SMS consent and the tag "Bench Campaign Audience".
Measured, in the same run, each rolled back:

1. Audience: the count a mailing shows (audience and customers left out by
   reason) for a filter on the points balance, the tier and the points expiring
   within 30 days, over every customer; and each criterion's count alone.
2. Sends: preparing the send of an email mailing and of an SMS mailing to the
   tagged customers (``action_send_mail`` / ``action_send_sms``: queued
   ``mail.mail`` / ``sms.sms`` with their rendered bodies and traces), plain as
   native mass_mailing sends it (no placeholder, no holdout) and personalised
   (name, customer number, points, tier, points expiring and their date; the
   coupon variant also issues a personal coupon per recipient through the card
   ledger and prints its code). A plain send to the first 10,000 customers,
   not counted, warms the caches before each channel's measures.
3. Results: the results page of a campaign whose email reached the ``--send``
   customers a week ago (traces, a holdout group of a tenth of their number and
   sale orders inside and after the attribution window, written in SQL): the
   campaign's form (its result fields and those of its mailings' list), then
   the results analysis its button opens, pivoted by store and channel.
4. Point load: the points load wizard of a campaign (``retail.loyalty.adjust``)
   to every customer's card, through the ledger's bulk path.
5. Expiry job: ``loyalty.program._cron_retail_expire`` over the ledger (chunks
   committed with ``_commit_progress``, here not committed).

The figures are printed as markdown and written to
tests/benchmarks/results/marketing.md.
"""

import argparse
import logging
import os
import sys
import threading
import time
from types import SimpleNamespace
from unittest.mock import patch

from odoo import fields
from odoo.fields import Command
from odoo.tools import SQL

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402
from bench_loyalty import PROGRAM, LoyaltyBench  # noqa: E402
from benchlib import Timer  # noqa: E402

_logger = logging.getLogger("retail_bench.marketing")

MARKER = "retail_bench.marketing"
# The version of the audience's choice (setup_audience): an audience chosen
# otherwise is chosen again.
AUDIENCE_MARKER = "retail_bench.marketing_audience"
AUDIENCE = "textable,one per address"
TAG = "Bench Campaign Audience"
COUPON_PROGRAM = "Bench Campaign Coupon"
CHUNK = 5000
WARM_UP_SEND = 10000

PLAIN_BODY = (
    "<p>Dear customer, our spring sale starts on Monday in every store.</p>"
    "<p>See you soon!</p>"
)
PERSONAL_BODY = (
    "<p>Dear <t t-out='object.name'/> (<t t-out='object.customer_number'/>), you "
    "have <t t-out='object.retail_loyalty_points_text'/> points "
    "(<t t-out='object.retail_loyalty_tier_id.name'/>): "
    "<t t-out='object.retail_points_expiring_text'/> expire on "
    "<t t-out='object.retail_points_expiry_date_text'/>.</p>"
    "<p>See you soon at <t t-out='object.retail_preferred_store_id.name'/>!</p>"
)
COUPON_LINE = (
    "<p>Your personal coupon: <t t-out='object.retail_campaign_coupon_code'/></p>"
)
PLAIN_SMS = "Spring sale from Monday in every store. See you soon!"
PERSONAL_SMS = (
    "{{ object.name }}: {{ object.retail_loyalty_points_text }} points, "
    "{{ object.retail_points_expiring_text }} expire on "
    "{{ object.retail_points_expiry_date_text }}"
)


class CardsInSql(LoyaltyBench):
    """bench_loyalty's data, its cards inserted in one statement (no card
    behaviour is measured on their creation here)."""

    def setup_customers(self):
        """The customers of the database (generate.py's); those missing up to
        ``--customers`` are inserted in one statement, with an email, a mobile
        and a last purchase (a database without generate.py's customers)."""
        Partner = self.env["res.partner"]
        ids = Partner.search(
            [("is_company", "=", False), ("type", "=", "contact")],
            limit=self.args.customers,
            order="id",
        ).ids
        missing = self.args.customers - len(ids)
        if missing <= 0:
            return ids
        self.env.flush_all()
        rows = self.query(
            SQL(
                """
                INSERT INTO res_partner (
                    name, complete_name, active, type, is_company, autopost_bills,
                    lang, tz, email, email_normalized, phone, phone_sanitized,
                    retail_mobile_sanitized, customer_number, city, zip,
                    retail_last_purchase_date, retail_purchase_count,
                    create_uid, create_date, write_uid, write_date)
                SELECT 'Bench Customer ' || n, 'Bench Customer ' || n, TRUE,
                       'contact', FALSE, 'ask', 'en_US', 'Europe/Madrid',
                       'bench.customer' || n || '@example.com',
                       'bench.customer' || n || '@example.com',
                       '+34 6' || lpad(n::text, 8, '0'),
                       '+346' || lpad(n::text, 8, '0'),
                       '+346' || lpad(n::text, 8, '0'), 'BC' || lpad(n::text, 8, '0'),
                       'Madrid', '28001',
                       now() at time zone 'UTC' - random() * interval '700 days', 1,
                       1, now() at time zone 'UTC', 1, now() at time zone 'UTC'
                  FROM generate_series(1, %s) AS n
                RETURNING id
                """,
                missing,
            )
        )
        self.query(
            SQL(
                "UPDATE res_partner SET commercial_partner_id = id "
                "WHERE commercial_partner_id IS NULL"
            )
        )
        self.env.cr.commit()
        Partner.invalidate_model()
        _logger.info("%s customers inserted", len(rows))
        return ids + sorted(pid for (pid,) in rows)

    def setup_cards(self, program, partner_ids):
        self.env.flush_all()
        rows = self.query(
            SQL(
                """
                INSERT INTO loyalty_card (program_id, company_id, partner_id, code,
                                          active, points, create_uid, create_date,
                                          write_uid, write_date)
                SELECT %(program)s, %(company)s, pid,
                       'BM' || lpad(pid::text, 12, '0'), TRUE, 0,
                       1, now() at time zone 'UTC', 1, now() at time zone 'UTC'
                  FROM unnest(%(partners)s::int[]) AS pid
                RETURNING id
                """,
                program=program.id,
                company=program.company_id.id or None,
                partners=list(partner_ids),
            )
        )
        self.env.cr.commit()
        self.env.invalidate_all()
        return sorted(card_id for (card_id,) in rows)


class MarketingBench:
    def __init__(self, env, args):
        self.env = env
        self.args = args

    def query(self, sql):
        return self.env.execute_query(sql)

    # ------------------------------------------------------------------
    # Data
    # ------------------------------------------------------------------

    def setup(self):
        env = self.env
        wanted = (
            f"customers={self.args.customers},rows={self.args.rows},"
            f"send={self.args.send}"
        )
        if env["ir.config_parameter"].get_param(MARKER) == wanted:
            _logger.info("marketing data already generated (%s)", wanted)
            if env["ir.config_parameter"].get_param(AUDIENCE_MARKER) != AUDIENCE:
                # an audience made by an earlier version of this benchmark
                self.setup_audience()
                env["ir.config_parameter"].set_param(AUDIENCE_MARKER, AUDIENCE)
                env.cr.commit()
            return
        started = time.perf_counter()
        loyalty_args = SimpleNamespace(
            customers=self.args.customers, rows=self.args.rows, seed=7
        )
        CardsInSql(env, loyalty_args).setup()
        self.setup_next_expiry()
        self.program()._retail_recompute_tiers()
        env.cr.commit()
        self.setup_audience()
        self.setup_coupon_program()
        env["ir.config_parameter"].set_param(MARKER, wanted)
        env["ir.config_parameter"].set_param(AUDIENCE_MARKER, AUDIENCE)
        env.cr.commit()
        self.query(SQL("ANALYZE loyalty_card"))
        self.query(SQL("ANALYZE res_partner"))
        _logger.info(
            "marketing data generated in %.0f s", time.perf_counter() - started
        )

    def setup_next_expiry(self):
        """The generated ledger rows were inserted in SQL: write the cards'
        next expiry from them, as the ledger's postings do."""
        Card = self.env["loyalty.card"]
        ids = Card.search([("program_id", "=", self.program().id)], order="id").ids
        for start in range(0, len(ids), CHUNK):
            Card.browse(ids[start : start + CHUNK])._retail_refresh_next_expiry()
            self.env.cr.commit()
        _logger.info("next expiry written on %s cards", len(ids))

    def setup_audience(self):
        """``--send`` customers with an email and a number to text (a mobile
        or a phone: retail_customer's SMS reach), one per address (an address
        several customers share would get a plain message once, Odoo's
        duplicate rule, and a personalised one per customer: the sends would
        not queue as many messages), given both consents and the audience
        tag."""
        env = self.env
        Partner = env["res.partner"]
        tag = env["res.partner.category"].search([("name", "=", TAG)], limit=1)
        tag = tag or env["res.partner.category"].create({"name": TAG})
        env.flush_all()
        ids = [
            pid
            for (pid,) in self.query(
                SQL(
                    """
                    SELECT id FROM (
                        SELECT DISTINCT ON (email_normalized) id
                          FROM res_partner
                         WHERE active AND NOT is_company AND type = 'contact'
                           AND email_normalized IS NOT NULL
                           AND (retail_mobile_sanitized IS NOT NULL
                                OR retail_phone_sanitized IS NOT NULL)
                           AND retail_anonymized_date IS NULL
                         ORDER BY email_normalized, id
                    ) AS one_per_address
                     ORDER BY id LIMIT %s
                    """,
                    self.args.send,
                )
            )
        ]
        self.query(
            SQL(
                """
                UPDATE res_partner
                   SET retail_consent_email = TRUE,
                       retail_consent_email_date = COALESCE(
                           retail_consent_email_date, now() at time zone 'UTC'),
                       retail_consent_sms = TRUE,
                       retail_consent_sms_date = COALESCE(
                           retail_consent_sms_date, now() at time zone 'UTC')
                 WHERE id = ANY(%s)
                """,
                ids,
            )
        )
        self.query(
            SQL(
                "DELETE FROM res_partner_res_partner_category_rel "
                "WHERE category_id = %s AND partner_id <> ALL(%s)",
                tag.id,
                ids,
            )
        )
        self.query(
            SQL(
                """
                INSERT INTO res_partner_res_partner_category_rel
                       (category_id, partner_id)
                SELECT %s, unnest(%s::int[]) ON CONFLICT DO NOTHING
                """,
                tag.id,
                ids,
            )
        )
        Partner.invalidate_model()
        _logger.info("%s customers in the campaign audience", len(ids))

    def setup_coupon_program(self):
        Program = self.env["loyalty.program"]
        if Program.search([("name", "=", COUPON_PROGRAM)]):
            return
        Program.create(
            {
                "name": COUPON_PROGRAM,
                "program_type": "coupons",
                "trigger": "with_code",
                "applies_on": "current",
                "reward_ids": [
                    Command.create(
                        {
                            "reward_type": "discount",
                            "discount_mode": "percent",
                            "discount": 10,
                            "required_points": 1,
                            "discount_applicability": "order",
                        }
                    )
                ],
            }
        )

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def program(self):
        return self.env["loyalty.program"].search([("name", "=", PROGRAM)], limit=1)

    def tag(self):
        return self.env["res.partner.category"].search([("name", "=", TAG)], limit=1)

    def mailing(self, mailing_type, body, domain, **values):
        vals = {
            "subject": f"Bench {mailing_type} {time.time()}",
            "mailing_type": mailing_type,
            "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
            "mailing_domain": repr(domain),
            "retail_holdout_percent": 0,
            **values,
        }
        if mailing_type == "sms":
            vals["body_plaintext"] = body
        else:
            vals["body_html"] = body
            vals["body_arch"] = body
        return self.env["mailing.mailing"].create(vals)

    def rolled_back(self, func):
        """Run ``func`` and measure it (flush included), then roll back."""
        self.env.flush_all()
        self.env.invalidate_all()
        try:
            with Timer() as timer:
                result = func()
                self.env.flush_all()
        finally:
            self.env.cr.rollback()
            self.env.invalidate_all()
        return timer.ms, result

    def describe(self):
        program = self.program()
        [[cards, customers]] = self.query(
            SQL(
                "SELECT count(*), count(DISTINCT partner_id) FROM loyalty_card "
                "WHERE program_id = %s",
                program.id,
            )
        )
        [[rows]] = self.query(
            SQL(
                "SELECT count(*) FROM loyalty_history h JOIN loyalty_card c "
                "ON c.id = h.card_id WHERE c.program_id = %s",
                program.id,
            )
        )
        [[partners]] = self.query(
            SQL("SELECT count(*) FROM res_partner WHERE NOT is_company AND active")
        )
        return {
            "cards": cards,
            "card_customers": customers,
            "rows": rows,
            "partners": partners,
            "audience": len(self.tag().with_context(active_test=False).partner_ids),
        }

    # ------------------------------------------------------------------
    # Measures
    # ------------------------------------------------------------------

    def audience_criteria(self):
        program = self.program()
        tiers = program.retail_tier_ids.filtered(lambda t: t.threshold > 0)
        return {
            "points balance >= 100": [("retail_loyalty_points", ">=", 100)],
            "tier Silver, Gold or VIP": [("retail_loyalty_tier_id", "in", tiers.ids)],
            "points expiring within 30 days": [("retail_points_expiry_days", "<=", 30)],
        }

    def bench_audience(self):
        """The mailing form's audience and exclusions, then each criterion."""
        criteria = self.audience_criteria()
        domain = [leaf for leaves in criteria.values() for leaf in leaves]
        mailing = self.mailing("mail", PLAIN_BODY, domain)
        self.env.flush_all()
        self.env.invalidate_all()
        results = []
        with Timer() as timer:
            count = mailing.retail_audience_count
            excluded = mailing.retail_excluded_count
        results.append(
            (
                "mailing audience and exclusions (all three criteria)",
                count,
                excluded,
                timer.ms,
                load_now(),
            )
        )
        Partner = self.env["res.partner"]
        for name, leaves in criteria.items():
            self.env.invalidate_all()
            with Timer() as timer:
                found = Partner.search_count(leaves)
            results.append((f"customers with {name}", found, "", timer.ms, load_now()))
        self.env.cr.rollback()
        self.env.invalidate_all()
        return results

    def send_domain(self):
        """The tagged customers; the first ``--send-limit`` of them if given."""
        domain = [("category_id", "in", self.tag().ids)]
        if self.args.send_limit:
            ids = self.env["res.partner"].search(
                domain, order="id", limit=self.args.send_limit
            )
            domain.append(("id", "<=", ids[-1].id))
        return domain

    def warm_up(self, mailing_type):
        """A plain send to the first 10,000 customers, rolled back and not
        counted: the first send of a process also fills the database's and
        the registry's caches, which would charge the send measured first."""
        limit = self.args.send_limit
        self.args.send_limit = min(limit or WARM_UP_SEND, WARM_UP_SEND)
        try:
            self.bench_send(mailing_type, False)
        finally:
            self.args.send_limit = limit

    def _send(self, mailing_type, personal, coupon=False):
        domain = self.send_domain()
        values = {}
        if mailing_type == "sms":
            body = PERSONAL_SMS if personal else PLAIN_SMS
        else:
            body = PERSONAL_BODY if personal else PLAIN_BODY
        if coupon:
            program = self.env["loyalty.program"].search(
                [("name", "=", COUPON_PROGRAM)], limit=1
            )
            values["retail_coupon_program_id"] = program.id
            body += COUPON_LINE
        mailing = self.mailing(mailing_type, body, domain, **values)
        self.env.flush_all()
        self.env.invalidate_all()
        with Timer() as timer:
            if mailing_type == "sms":
                mailing.action_send_sms()
            else:
                mailing.action_send_mail()
            self.env.flush_all()
        queued = self.queued(mailing)
        return mailing, timer.ms, queued

    def queued(self, mailing):
        table = "sms_sms" if mailing.mailing_type == "sms" else "mail_mail"
        [[count]] = self.query(
            SQL(
                "SELECT count(*) FROM %s WHERE mailing_id = %s",
                SQL.identifier(table),
                mailing.id,
            )
        )
        return count

    def bench_send(self, mailing_type, personal, coupon=False, results=False):
        """Prepare one send (rolled back); with ``results``, the results page
        of its campaign is measured before the rollback."""
        try:
            mailing, ms, queued = self._send(mailing_type, personal, coupon)
            page = self.bench_results(mailing) if results else None
        finally:
            self.env.cr.rollback()
            self.env.invalidate_all()
        return {"ms": ms, "queued": queued, "results": page}

    def bench_results(self, mailing):
        """What the campaign's form reads (the campaign's result fields and
        those of its mailings' list), then what its analysis button opens (the
        pivot by store and channel), each timed as the page it is."""
        campaign = mailing.campaign_id
        Report = self.env["retail.marketing.result.report"]
        fields = [
            name
            for name in campaign._fields
            if name.startswith("retail_") and campaign._fields[name].type != "one2many"
        ]
        mailing_fields = [
            name
            for name in mailing._fields
            if name.startswith("retail_")
            and mailing._fields[name].compute
            and mailing._fields[name].type not in ("one2many", "html")
            and "preview" not in name
        ]
        self.env.flush_all()
        self.env.invalidate_all()
        with Timer() as form:
            campaign.read(fields)
            mailing.read(mailing_fields)
        form_load = load_now()
        self.env.invalidate_all()
        with Timer() as analysis:
            Report.formatted_read_group(
                [("campaign_id", "=", campaign.id)],
                ["store_id", "channel_id"],
                ["customer_count:sum", "buyer_count:sum", "revenue:sum"],
            )
        return {
            "ms": form.ms,
            "load": form_load,
            "analysis_ms": analysis.ms,
            "analysis_load": load_now(),
            "recipients": campaign.retail_recipient_count,
        }

    def bench_results_page(self):
        """The results page of a campaign whose email reached the ``--send``
        customers of the audience a week ago, its traces, holdout group and
        orders written in SQL (rolled back)."""
        try:
            mailing = self.setup_sent_campaign()
            return self.bench_results(mailing)
        finally:
            self.env.cr.rollback()
            self.env.invalidate_all()

    def setup_sent_campaign(self):
        """A personalised email sent 7 days ago to the tagged customers (one
        trace each: 20 % opened, 3 % clicked, 1 % bounced), a holdout group
        of a tenth of their number among the other customers, and sale orders:
        5 % of the recipients and 3 % of the holdout bought within the 14 days
        of the attribution window, 2 % of the recipients only after it."""
        mailing = self.mailing("mail", PERSONAL_BODY, self.send_domain())
        recipients = self.env["res.partner"].search(self.send_domain()).ids
        holdout = (
            self.env["res.partner"]
            .search(
                [("id", "not in", recipients), ("is_company", "=", False)],
                limit=len(recipients) // 10,
            )
            .ids
        )
        mailing.campaign_id.retail_attribution_days = 14
        mailing.write(
            {
                # what the send records when it starts
                "retail_audience_snapshot": dict(
                    mailing._retail_audience_counts(), holdout=len(holdout)
                ),
                "state": "done",
                "sent_date": fields.Datetime.subtract(fields.Datetime.now(), days=7),
            }
        )
        self.env.flush_all()
        self.query(
            SQL(
                """
                INSERT INTO mailing_trace (trace_type, model, res_id,
                    mass_mailing_id, campaign_id, email, trace_status,
                    sent_datetime, links_click_datetime, create_uid,
                    create_date, write_uid, write_date)
                SELECT 'mail', 'res.partner', pid, %(mailing)s, %(campaign)s,
                       'bench@example.com',
                       CASE WHEN n %% 100 = 0 THEN 'bounce'
                            WHEN n %% 10 IN (1, 2) THEN 'open' ELSE 'sent' END,
                       %(sent)s,
                       CASE WHEN n %% 100 IN (1, 11, 21) THEN %(sent)s END,
                       1, %(sent)s, 1, %(sent)s
                  FROM unnest(%(partners)s::int[]) WITH ORDINALITY AS r(pid, n)
                """,
                mailing=mailing.id,
                campaign=mailing.campaign_id.id,
                sent=mailing.sent_date,
                partners=recipients,
            )
        )
        self.query(
            SQL(
                """
                INSERT INTO retail_marketing_holdout (mailing_id, partner_id,
                    create_uid, create_date, write_uid, write_date)
                SELECT %s, pid, 1, now() at time zone 'UTC', 1,
                       now() at time zone 'UTC'
                  FROM unnest(%s::int[]) AS pid
                """,
                mailing.id,
                holdout,
            )
        )
        bought = [
            (recipients[::20], 3),  # inside the window
            (recipients[7::50], 20),  # after it
            (holdout[::33], 5),
        ]
        for partner_ids, days in bought:
            self.query(
                SQL(
                    """
                    INSERT INTO sale_order (name, company_id, partner_id,
                        partner_invoice_id, partner_shipping_id, date_order,
                        picking_policy, state, amount_total, create_uid,
                        create_date, write_uid, write_date)
                    SELECT 'BENCH/' || pid, %(company)s, pid, pid, pid,
                           %(sent)s + make_interval(days => %(days)s),
                           'direct', 'sale', 20 + pid %% 80, 1,
                           now() at time zone 'UTC', 1, now() at time zone 'UTC'
                      FROM unnest(%(partners)s::int[]) AS pid
                    """,
                    company=self.env.company.id,
                    sent=mailing.sent_date,
                    days=days,
                    partners=partner_ids,
                )
            )
        # as autovacuum does once a real send has committed its traces
        for table in ("mailing_trace", "retail_marketing_holdout", "sale_order"):
            self.query(SQL("ANALYZE %s", SQL.identifier(table)))
        self.env.invalidate_all()
        return mailing

    def bench_point_load(self):
        """A campaign's points load to every customer's card."""
        program = self.program()
        campaign = self.env["utm.campaign"].create({"title": "Bench points load"})
        reason = self.env["retail.loyalty.adjust.reason"].search([], limit=1)
        reason = reason or self.env["retail.loyalty.adjust.reason"].create(
            {"name": "Campaign"}
        )
        partner_ids = [
            pid
            for (pid,) in self.query(
                SQL(
                    "SELECT DISTINCT partner_id FROM loyalty_card "
                    "WHERE program_id = %s",
                    program.id,
                )
            )
        ]
        wizard = self.env["retail.loyalty.adjust"].create(
            {
                "program_id": program.id,
                "operation": "load",
                "points": 50,
                "reason_id": reason.id,
                "partner_ids": [Command.set(partner_ids)],
                "retail_campaign_id": campaign.id,
            }
        )
        ms, balances = self.rolled_back(wizard.action_apply)
        return {"ms": ms, "cards": len(balances)}

    def bench_expiry(self):
        program = self.program()
        expired_before = self.expired_rows(program)
        Cron = type(self.env["ir.cron"])

        def job():
            with patch.object(Cron, "_commit_progress", lambda cron, n=0, **kw: True):
                self.env["loyalty.program"]._cron_retail_expire()
            self.env.flush_all()
            return self.expired_rows(program) - expired_before

        ms, expired = self.rolled_back(job)
        return {"ms": ms, "expired": expired}

    def expired_rows(self, program):
        self.env.flush_all()
        [[count]] = self.query(
            SQL(
                "SELECT count(*) FROM loyalty_history h JOIN loyalty_card c "
                "ON c.id = h.card_id WHERE c.program_id = %s "
                "AND h.retail_kind = 'expire'",
                program.id,
            )
        )
        return count


def seconds(ms):
    return ms / 1000.0


def load_now():
    """The load average over the last minute, noted with each figure."""
    return f"{os.getloadavg()[0]:.1f}"


def render(args, info, done):
    """The report of the measures ``done`` so far ({name: result})."""
    out = [
        "# Campaign benchmarks (retail_marketing and its bridges)",
        "",
        f"Database `{args.db}`: {info['partners']:,} customers, "
        f"{info['cards']:,} loyalty cards of the retail program "
        f"({info['rows']:,} ledger rows), {info['audience']:,} customers in the "
        "campaign audience (email and SMS consent).",
        benchlib.machine_line(),
        "The load average of the minute before each figure is in its row: other "
        "work on the machine inflates the absolute times; plain and personalised "
        "sends ran one after the other in the same run.",
        "",
    ]
    if "audience" in done:
        out += [
            "## Audience of a mailing with loyalty criteria (target: at most 2 s)",
            "",
            benchlib.markdown_table(
                ["What is counted", "Customers", "Left out", "Time (s)", "Load"],
                [
                    [name, count, excluded, seconds(ms), load]
                    for name, count, excluded, ms, load in done["audience"]
                ],
            ),
            "",
        ]
    out += render_sends(done)
    if "results" in done:
        page = done["results"]
        out += [
            "## Results page of a campaign (target: at most 2 s)",
            "",
            "An email sent a week ago to the campaign audience (one trace per "
            "recipient), a holdout group of a tenth of their number, sale orders "
            "of 5 % of the recipients and 3 % of the holdout inside the 14-day "
            "attribution window and of 2 % of the recipients after it.",
            "",
            benchlib.markdown_table(
                ["Page", "Recipients", "Time (s)", "Load"],
                [
                    [
                        "the campaign's form: its results and its mailings'",
                        page["recipients"],
                        seconds(page["ms"]),
                        page["load"],
                    ],
                    [
                        "its results analysis, pivot by store and channel",
                        page["recipients"],
                        seconds(page["analysis_ms"]),
                        page["analysis_load"],
                    ],
                ],
            ),
            "",
        ]
    rows = []
    if "load" in done:
        load = done["load"]
        rows.append(
            [
                "campaign points load (wizard, every customer)",
                f"{load['cards']:,} cards credited",
                seconds(load["ms"]),
                load["load"],
            ]
        )
    if "expiry" in done:
        expiry = done["expiry"]
        rows.append(
            [
                f"points expiry job over {info['rows']:,} ledger rows",
                f"{expiry['expired']:,} cards expired",
                seconds(expiry["ms"]),
                expiry["load"],
            ]
        )
    if rows:
        out += [
            "## The ledger's bulk path (target: at most 60 s each)",
            "",
            benchlib.markdown_table(["Job", "Result", "Time (s)", "Load"], rows),
            "",
        ]
    return "\n".join(out)


SEND_LABELS = {
    "mail": "email, plain (as native mass_mailing sends it)",
    "mail_personal": "email, personalised (points, tier, expiry, store)",
    "mail_coupon": "email, personalised + personal coupon",
    "sms": "SMS, plain (as native mass_mailing_sms sends it)",
    "sms_personal": "SMS, personalised (points, expiry)",
}


def render_sends(done):
    sends = {name: done[name] for name in SEND_LABELS if name in done}
    if not sends:
        return []
    rows = []
    for name, send in sends.items():
        plain = done.get("sms" if name.startswith("sms") else "mail")
        ratio = send["ms"] / plain["ms"] if plain else float("nan")
        rows.append(
            [
                SEND_LABELS[name],
                send["queued"],
                seconds(send["ms"]),
                ratio,
                send["load"],
            ]
        )
    return [
        "## Preparing a send (target: personalised at most 1.2 x plain)",
        "",
        "From *Send* to the last queued `mail.mail` / `sms.sms` (rendered body, "
        "trace) written, in one transaction each, rolled back.",
        "",
        benchlib.markdown_table(
            ["Send", "Queued", "Time (s)", "Ratio to plain", "Load"], rows
        ),
        "",
    ]


def measure(bench, only):
    """Yield (name, result) as each measure ends."""
    if "audience" in only:
        yield "audience", bench.bench_audience()
    if "expiry" in only:
        yield "expiry", dict(bench.bench_expiry(), load=load_now())
    if "load" in only:
        yield "load", dict(bench.bench_point_load(), load=load_now())
    if "results" in only:
        yield "results", bench.bench_results_page()
    if only & {"sends", "sms"}:
        bench.warm_up("sms")
        yield "sms", dict(bench.bench_send("sms", False), load=load_now())
        yield "sms_personal", dict(bench.bench_send("sms", True), load=load_now())
    if only & {"sends", "mail", "coupon"}:
        bench.warm_up("mail")
    if only & {"sends", "mail"}:
        yield "mail", dict(bench.bench_send("mail", False), load=load_now())
        yield "mail_personal", dict(bench.bench_send("mail", True), load=load_now())
    if only & {"sends", "coupon"}:
        yield (
            "mail_coupon",
            dict(bench.bench_send("mail", True, coupon=True), load=load_now()),
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--customers", type=int, default=200000)
    parser.add_argument("--rows", type=int, default=1000000)
    parser.add_argument("--send", type=int, default=100000)
    parser.add_argument(
        "--send-limit",
        type=int,
        default=0,
        help="send to the first N customers of the audience only (default: all)",
    )
    parser.add_argument(
        "--only",
        nargs="*",
        default=[],
        help="measures to run among: audience expiry load results sends (default: all)",
    )
    parser.add_argument("--output", default=benchlib.RESULTS_DIR)
    benchlib.add_common_arguments(parser)
    args = parser.parse_args()
    started = time.perf_counter()
    # Odoo's mass mailing commits each batch outside tests: one transaction
    # here, rolled back after each measure.
    threading.current_thread().testing = True
    from odoo.modules import module as odoo_module  # noqa: PLC0415

    odoo_module.current_test = True
    only = set(args.only) or {"audience", "sends", "results", "load", "expiry"}
    os.makedirs(args.output, exist_ok=True)
    path = os.path.join(args.output, "marketing.md")
    done = {}
    with benchlib.odoo_env(args.db, args.conf, args.log_level) as env:
        bench = MarketingBench(env, args)
        bench.setup()
        info = bench.describe()
        for name, result in measure(bench, only):
            _logger.info("%s: %s", name, result)
            done[name] = result
            # written after each measure: a long run stopped halfway keeps them
            with open(path, "w") as handle:
                handle.write(render(args, info, done))
        env.cr.rollback()
    report = render(args, info, done)
    report += f"\nBenchmark run time: {time.perf_counter() - started:.0f} s.\n"
    with open(path, "w") as handle:
        handle.write(report)
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())

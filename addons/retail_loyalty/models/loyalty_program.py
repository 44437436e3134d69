# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain
from odoo.tools import SQL, float_round

# Cards handled per transaction by the scheduled jobs.
CRON_CHUNK = 5000


class LoyaltyProgram(models.Model):
    _inherit = "loyalty.program"

    retail_ledger = fields.Boolean(
        string="Retail Points Ledger",
        help="Points of this loyalty program are computed on the server (brackets, "
        "tiers), posted to the card ledger, held during the return window, "
        "reversed by refunds and cancellations, and expire. Without it, the "
        "program keeps Odoo's native behaviour.",
    )
    retail_return_days = fields.Integer(
        string="Return Window (days)",
        default=0,
        help="Points earned by an order become spendable this many days after the "
        "order; until then they are pending. 0: at once.",
    )
    retail_expiry_months = fields.Integer(
        string="Points Expire After (months)",
        default=0,
        help="Points expire this many months after they were earned, oldest "
        "first. 0: points never expire.",
    )
    retail_notice_days = fields.Integer(
        string="Expiry Notice (days before)",
        default=10,
        help="Customers are told by email or SMS this many days before their "
        "points expire (with their consent). 0: no notice.",
    )
    retail_segment_ids = fields.Many2many(
        "retail.segment",
        string="Customer Segments",
        help="Only customers of one of these segments benefit from the program "
        "(earn points, get the discount). Empty: all customers.",
    )
    retail_channel_ids = fields.Many2many(
        "retail.channel",
        string="Customer Channels",
        help="Only customers of one of these channels earn points. Empty: all.",
    )
    retail_tier_ids = fields.One2many(
        "retail.loyalty.tier", "program_id", string="Tiers"
    )

    @api.model
    def _load_pos_data_fields(self, config):
        return super()._load_pos_data_fields(config) + ["retail_ledger"]

    @api.constrains("retail_ledger", "program_type", "retail_return_days")
    def _check_retail_ledger(self):
        for program in self.filtered("retail_ledger"):
            if program.program_type != "loyalty":
                raise ValidationError(
                    self.env._(
                        "The retail points ledger is for loyalty programs only "
                        "(%(name)s).",
                        name=program.name,
                    )
                )
            if program.retail_return_days < 0 or program.retail_expiry_months < 0:
                raise ValidationError(
                    self.env._(
                        "The return window and the expiry cannot be negative "
                        "(%(name)s).",
                        name=program.name,
                    )
                )

    @api.model
    def _retail_programs_for(self, partner, company, channel, store=None, date=None):
        """Retail loyalty programs in which ``partner`` earns on an order of
        ``company`` through ``channel`` ("pos" or "sale") at ``store``."""
        if not partner:
            return self.browse()
        date = fields.Date.to_date(date) or fields.Date.context_today(self)
        domain = (
            Domain("retail_ledger", "=", True)
            & Domain("program_type", "=", "loyalty")
            & Domain("company_id", "in", [False, company.id])
            & (Domain("date_from", "=", False) | Domain("date_from", "<=", date))
            & (Domain("date_to", "=", False) | Domain("date_to", ">=", date))
        )
        domain &= Domain("pos_ok" if channel == "pos" else "sale_ok", "=", True)
        # sudo: the programs of the order's company (domain above), whoever sells
        programs = self.sudo().search(domain)
        return programs.filtered(
            lambda program: program._retail_admits(partner, channel, store)
        )

    def _retail_admits(self, partner, channel, store):
        """Segment, customer channel and store limits of the program."""
        self.ensure_one()
        if (
            channel == "pos"
            and self.pos_config_ids
            and store not in self.pos_config_ids
        ):
            return False
        return self._retail_admits_customer(partner)

    def _retail_admits_customer(self, partner):
        """Segment and customer channel limits of the program."""
        self.ensure_one()
        if self.retail_segment_ids and not (
            self.retail_segment_ids & partner.commercial_partner_id.retail_segment_ids
        ):
            return False
        channel_partner = partner.commercial_partner_id
        return not self.retail_channel_ids or (
            channel_partner.retail_channel_id in self.retail_channel_ids
        )

    def _retail_compute_points(self, lines, multiplier=1.0, source=None):
        """Points the program gives for ``lines`` (list of dicts with
        ``product``, ``qty`` and ``amount``, tax included; reward lines left
        out): each automatic rule whose minimums are met adds its points
        (single rate, brackets, per unit or per order), then the tier multiplier,
        then the extra points of ``_retail_extra_points`` for the order
        ``source`` (see ``retail.loyalty.order.points._retail_settle``), if given.

        The one computation used for POS orders and sale orders.
        """
        self.ensure_one()
        products = self.env["product.product"].browse(
            {line["product"].id for line in lines}
        )
        valid = self._get_valid_products(products)
        points = 0.0
        for rule in self.rule_ids.filtered(lambda r: r.mode == "auto"):
            rule_lines = [
                line for line in lines if line["product"] in valid.get(rule, [])
            ]
            qty = sum(line["qty"] for line in rule_lines)
            amount = sum(line["amount"] for line in rule_lines)
            if not rule_lines or qty <= 0 or amount < 0:
                continue
            if qty < rule.minimum_qty or amount < rule.minimum_amount:
                continue
            points += rule._retail_points(qty, amount)
        points *= multiplier or 1.0
        if source:
            points += self._retail_extra_points(lines, source)
        return float_round(points, precision_digits=2)

    def _retail_extra_points(self, lines, source):
        """Points added to what the program's rules give for ``lines`` of the
        order ``source`` (its ``order``, ``company``, ``channel``, ``store`` and
        ``date``), after the tier multiplier: none here. Meant to be overridden
        (retail_promotions_loyalty: extra points per product group, scheduled
        per store, date, week day and hour)."""
        self.ensure_one()
        return 0.0

    # ------------------------------------------------------------------
    # Tiers
    # ------------------------------------------------------------------

    def _retail_tier_qualified(self, tier, now):
        """{card id} of the program's cards that reach ``tier`` at ``now``
        (one query over the order points or the ledger)."""
        since = now - relativedelta(months=tier.period_months)
        if tier.basis == "spend":
            query = SQL(
                """
                SELECT card_id FROM retail_loyalty_order_points
                 WHERE program_id = %(program)s AND active AND date >= %(since)s
                   AND date <= %(now)s
                 GROUP BY card_id
                HAVING SUM(COALESCE(amount_basis, 0) - COALESCE(amount_returned, 0))
                       >= %(threshold)s
                """,
                program=self.id,
                since=since,
                now=now,
                threshold=tier.threshold,
            )
        else:
            query = SQL(
                """
                SELECT h.card_id FROM loyalty_history h
                  JOIN loyalty_card c ON c.id = h.card_id
                 WHERE c.program_id = %(program)s AND h.create_date >= %(since)s
                   AND h.create_date <= %(now)s
                   AND h.retail_kind IN ('earn', 'reverse')
                 GROUP BY h.card_id
                HAVING SUM(CASE WHEN h.retail_kind = 'earn'
                                THEN COALESCE(h.issued, 0)
                                ELSE -COALESCE(h.used, 0) END) >= %(threshold)s
                """,
                program=self.id,
                since=since,
                now=now,
                threshold=tier.threshold,
            )
        return {card_id for (card_id,) in self.env.execute_query(query)}

    def _retail_recompute_tiers(self, now=None):
        """Promote and demote the cards of the programs to the highest tier they
        reach, in a few queries per program; cards whose tier was set by hand
        are left alone.

        :return: number of cards whose tier changed
        """
        now = now or fields.Datetime.now()
        changed = 0
        Card = self.env["loyalty.card"]
        for program in self.filtered("retail_tier_ids"):
            tiers = program.retail_tier_ids.sorted(lambda t: (t.sequence, t.threshold))
            base = tiers.filtered(lambda t: t.threshold <= 0)[:1]
            target = {}
            for tier in tiers - base:
                for card_id in program._retail_tier_qualified(tier, now):
                    target[card_id] = tier.id
            ids = list(target)
            Card.flush_model(["retail_tier_id", "retail_tier_locked", "program_id"])
            rows = self.env.execute_query(
                SQL(
                    """
                    UPDATE loyalty_card AS card
                       SET retail_tier_id = COALESCE(new.tier_id, %(base)s)
                      FROM loyalty_card AS src
                      LEFT JOIN unnest(%(ids)s::int[], %(tiers)s::int[])
                             AS new(card_id, tier_id) ON new.card_id = src.id
                     WHERE card.id = src.id AND src.program_id = %(program)s
                       AND NOT COALESCE(src.retail_tier_locked, FALSE)
                       AND src.retail_tier_id IS DISTINCT FROM
                           COALESCE(new.tier_id, %(base)s)
                    RETURNING card.id
                    """,
                    base=base.id or None,
                    ids=ids,
                    tiers=[target[card_id] for card_id in ids],
                    program=program.id,
                )
            )
            changed += len(rows)
            Card.invalidate_model(["retail_tier_id"])
        return changed

    @api.model
    def _cron_retail_tiers(self):
        programs = self.search(
            [("retail_ledger", "=", True), ("retail_tier_ids", "!=", False)]
        )
        for program in programs:
            program._retail_recompute_tiers()
            if not self.env["ir.cron"]._commit_progress(1):
                return

    @api.model
    def _cron_retail_expiry_notices(self):
        """Tell the customers whose points expire within the notice period,
        once per period, by chunks of cards."""
        Cron = self.env["ir.cron"]
        Card = self.env["loyalty.card"]
        today = fields.Date.today()
        for program in self.search(
            [
                ("retail_ledger", "=", True),
                ("retail_expiry_months", ">", 0),
                ("retail_notice_days", ">", 0),
            ]
        ):
            since = today - relativedelta(days=program.retail_notice_days)
            last_id = 0
            while True:
                cards = Card.search(
                    [
                        ("program_id", "=", program.id),
                        ("points", ">", 0),
                        ("id", ">", last_id),
                        "|",
                        ("retail_notice_date", "=", False),
                        ("retail_notice_date", "<", since),
                    ],
                    order="id",
                    limit=CRON_CHUNK,
                )
                if not cards:
                    break
                last_id = cards[-1].id
                due = program._retail_expirable_points(
                    today + relativedelta(days=program.retail_notice_days), cards.ids
                )
                Card.browse(due)._retail_send_notices()
                if not Cron._commit_progress(len(cards)):
                    return

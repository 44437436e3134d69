# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Lookups by number (the till, the back office and pos_loyalty's own calls):
throttled per user, till and card, every failure logged."""

import logging

import psycopg2

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.http import request
from odoo.tools import SQL

from ..trusted import trusted_flow

_logger = logging.getLogger(__name__)

# Lookups: longest card number accepted, throttle defaults (overridden by the
# system parameters retail_card.lookup_window_seconds and
# retail_card.lookup_max_failures).
CODE_MAX_LENGTH = 64
LOOKUP_WINDOW_SECONDS = 60
LOOKUP_MAX_FAILURES = 10
# How long logging a failed lookup waits for a lock before giving up on its own
# cursor (it then logs in the request's transaction).
LOG_LOCK_TIMEOUT_MS = 2000


class LoyaltyCard(models.Model):
    _inherit = "loyalty.card"

    @api.model
    def retail_lookup(self, code, config_id=False, secret=None, program_types=None):
        """Find a card by its number, as the till or the back office does.

        Public (RPC). The card is searched among the cards the user may read,
        optionally only in programs of ``program_types``. ``secret=None`` is a
        balance check; any other value is checked as the card's PIN. Unknown
        numbers and wrong PINs are logged and throttled per user and per till.

        :return: dict of the card's non-personal values
            (see ``_retail_lookup_values``)
        """
        code = self._retail_clean_code(code)
        program_types = self._retail_check_program_types(program_types)
        config_id = self._retail_lookup_config_id(config_id)
        if secret is not None and not isinstance(secret, str):
            raise ValidationError(self.env._("The PIN must be text."))
        self._retail_check_throttle("card", config_id)
        card = self._retail_find_card(code, program_types)
        if not card:
            self._retail_log_failed_lookup("card", code, config_id)
            raise UserError(self.env._("No card with this number."))
        if secret is not None:
            card._retail_check_secret(secret, config_id=config_id)
        return card._retail_lookup_values()

    def _retail_lookup_values(self):
        """What a lookup returns: never the owner's name, phone or email.

        Meant to be extended (gift card state, tier...) with ``super()``.
        """
        self.ensure_one()
        # sudo: the balance as the user reads it, on a card the lookup found among
        # the user's cards (formatting reads the program's currency, which cashiers
        # without back-office rights may not read)
        balance_display = self.sudo()._format_points(self.points)
        return {
            "id": self.id,
            "code": self.code,
            "program_id": self.program_id.id,
            "program_type": self.program_id.program_type,
            "points": self.points,
            "balance_display": balance_display,
            "currency_id": self.currency_id.id,
            "expiration_date": self.expiration_date
            and fields.Date.to_string(self.expiration_date),
            "has_secret": self.retail_has_secret,
            "partner_known": bool(self.partner_id),
        }

    @api.model
    def _retail_clean_code(self, code):
        """The number without spaces; refuse what cannot be a card number."""
        if not isinstance(code, str):
            raise ValidationError(self.env._("The card number must be text."))
        code = "".join(code[: CODE_MAX_LENGTH * 4].split())
        if not code:
            raise ValidationError(self.env._("Enter a card number."))
        if len(code) > CODE_MAX_LENGTH:
            raise ValidationError(
                self.env._(
                    "A card number has at most %(max)s characters.",
                    max=CODE_MAX_LENGTH,
                )
            )
        if not code.isprintable():
            raise ValidationError(self.env._("This is not a card number."))
        return code

    @api.model
    def _retail_check_program_types(self, program_types):
        if program_types is None or program_types is False:
            return []
        valid = dict(
            self.env["loyalty.program"]
            ._fields["program_type"]
            ._description_selection(self.env)
        )
        if not isinstance(program_types, list | tuple) or not all(
            isinstance(program_type, str) and program_type in valid
            for program_type in program_types
        ):
            raise ValidationError(
                self.env._(
                    "Program types must be a list of: %(types)s",
                    types=", ".join(valid),
                )
            )
        return list(program_types)

    @api.model
    def _retail_lookup_config_id(self, config_id):
        """The id of a till the user may see, or False."""
        if config_id is None or config_id is False:
            return False
        if isinstance(config_id, models.BaseModel):
            config_id = config_id.id
        return self.env["pos.config"]._retail_till(config_id).id

    @api.model
    def _retail_find_card(self, code, program_types):
        """The card of this number among those the user may read (record rules
        apply), in one indexed search: the unique index of ``code`` with ``=``
        on the number as typed, in lowercase and in uppercase (generated codes
        are lowercase; printed or imported ones may be uppercase)."""
        variants = list(dict.fromkeys((code, code.lower(), code.upper())))
        domain = Domain("code", "in", variants)
        if program_types:
            domain &= Domain("program_id.program_type", "in", program_types)
        # The caller (retail_lookup) throttles and logs the lookup itself.
        with trusted_flow("loyalty.card.retail_lookup"):
            cards = self.search(domain, limit=len(variants))
        return cards.filtered(lambda card: card.code == code)[:1] or cards[:1]

    @api.model
    def _retail_throttle_settings(self):
        """(window in seconds, failures allowed in the window)"""
        # sudo: system parameters of the throttle, read only
        params = self.env["ir.config_parameter"].sudo()

        def positive(name, default):
            try:
                value = int(params.get_param(name, default))
            except (TypeError, ValueError):
                return default
            return value if value > 0 else default

        return (
            positive("retail_card.lookup_window_seconds", LOOKUP_WINDOW_SECONDS),
            positive("retail_card.lookup_max_failures", LOOKUP_MAX_FAILURES),
        )

    @api.model
    def _retail_check_throttle(self, kind, config_id=False, card_id=False):
        """Refuse when the user, the till or (PIN checks) the card failed too
        many lookups within the window. Index range scans, each stopped at the
        limit."""
        if isinstance(config_id, models.BaseModel):
            config_id = config_id.id
        window, limit = self._retail_throttle_settings()
        since = SQL(
            "(clock_timestamp() AT TIME ZONE 'UTC') - make_interval(secs => %s)",
            window,
        )
        [[by_user, by_till, by_card]] = self.env.execute_query(
            SQL(
                """
                SELECT (SELECT count(*) FROM (
                            SELECT 1 FROM retail_card_lookup_failure
                             WHERE user_id = %(uid)s AND create_date >= %(since)s
                             LIMIT %(limit)s) AS by_user),
                       (SELECT count(*) FROM (
                            SELECT 1 FROM retail_card_lookup_failure
                             WHERE pos_config_id = %(config)s
                               AND create_date >= %(since)s
                             LIMIT %(limit)s) AS by_till),
                       (SELECT count(*) FROM (
                            SELECT 1 FROM retail_card_lookup_failure
                             WHERE card_id = %(card)s
                               AND create_date >= %(since)s
                             LIMIT %(limit)s) AS by_card)
                """,
                uid=self.env.uid,
                config=config_id or None,
                card=card_id or None,
                since=since,
                limit=limit,
            )
        )
        if by_user >= limit or by_till >= limit or by_card >= limit:
            _logger.warning(
                "Lookup of a %s refused: user %s / till %s / card %s failed "
                "%s / %s / %s times in %s s",
                kind,
                self.env.uid,
                config_id,
                card_id,
                by_user,
                by_till,
                by_card,
                window,
            )
            raise UserError(
                self.env._(
                    "Too many failed lookups: wait a minute before trying again."
                )
            )

    @api.model
    def _retail_log_failed_lookup(self, kind, query, config_id=False, card_id=False):
        """Log a failed lookup (masked) in a cursor of its own, committed at once,
        so that the row survives the rollback of the request that fails.
        ``card_id``: the card whose PIN was wrong."""
        if isinstance(config_id, models.BaseModel):
            config_id = config_id.id
        Failure = self.env["retail.card.lookup.failure"]
        masked = Failure._retail_mask(query)
        ip = False
        if request:
            ip = request.httprequest.remote_addr or False
        now = SQL("clock_timestamp() AT TIME ZONE 'UTC'")
        insert = SQL(
            """
            INSERT INTO retail_card_lookup_failure
                   (user_id, pos_config_id, card_id, company_id, kind, query, ip,
                    create_uid, write_uid, create_date, write_date)
            VALUES (%(uid)s, %(config)s, %(card)s, %(company)s, %(kind)s,
                    %(query)s, %(ip)s, %(uid)s, %(uid)s, %(now)s, %(now)s)
            """,
            uid=self.env.uid,
            config=config_id or None,
            card=card_id or None,
            company=self.env.company.id,
            kind=str(kind)[:32],
            query=masked,
            ip=ip or None,
            now=now,
        )
        _logger.warning(
            "Failed %s lookup by user %s (till %s, ip %s): %s",
            kind,
            self.env.uid,
            config_id,
            ip,
            masked,
        )
        self._retail_store_failed_lookup(insert)

    @api.model
    def _retail_store_failed_lookup(self, insert):
        """Run the ``insert`` of a failed lookup in a cursor of its own,
        committed at once; in the request's transaction when the rows it names
        exist only there; not at all when neither can (the warning logged by
        the caller is then the trace)."""
        try:
            with self.env.registry.cursor() as cr:
                cr.execute(
                    SQL(
                        "SELECT set_config('lock_timeout', %s, true)",
                        str(LOG_LOCK_TIMEOUT_MS),
                    )
                )
                cr.execute(insert, log_exceptions=False)
        except psycopg2.Error as error:
            # The user or the till exists only in the current transaction (created
            # by this very request, or by a test): log in it instead.
            _logger.info("Failed lookup logged in the request's transaction: %s", error)
            try:
                with self.env.cr.savepoint():
                    self.env.cr.execute(insert, log_exceptions=False)
            except psycopg2.Error as second_error:
                # e.g. a till that does not exist: the warning above is the trace
                _logger.warning("Failed lookup not stored: %s", second_error)
        except Exception as error:  # noqa: BLE001
            # A test's read-only cursor (a read-only request such as search_read)
            # forbids opening a read/write one, which production opens: the
            # warning above is the trace.
            _logger.warning("Failed lookup not stored: %s", error)

    # ------------------------------------------------------------------
    # Native till lookups by number (pos_loyalty): throttled and logged
    # ------------------------------------------------------------------

    @api.model
    def get_gift_card_status(self, gift_code, config_id):
        """pos_loyalty's check of a gift card number being sold: throttled per
        user and till. An unknown number is a new card (not a failure); a
        known card that cannot be sold is answered without its data and
        logged (the answer tells that the number exists)."""
        code = self._retail_clean_code(gift_code)
        config_id = self._retail_lookup_config_id(config_id)
        self._retail_check_throttle("card", config_id)
        with trusted_flow("loyalty.card.get_gift_card_status"):
            result = super().get_gift_card_status(code, config_id)
        if not result.get("status"):
            self._retail_log_failed_lookup("card", code, config_id)
            result = {"status": False, "data": {"loyalty.card": []}}
        return result

    @api.model
    def get_loyalty_card_partner_by_code(self, code):
        """pos_loyalty's "which customer has this loyalty card number":
        throttled per user; a number that is neither a card nor a promotion
        code is logged as a failed lookup."""
        code = self._retail_clean_code(code)
        self._retail_check_throttle("card")
        with trusted_flow("loyalty.card.get_loyalty_card_partner_by_code"):
            partner = super().get_loyalty_card_partner_by_code(code)
        if not partner and not self._retail_code_exists(code):
            self._retail_log_failed_lookup("card", code)
        return partner

    @api.model
    def _retail_code_exists(self, code):
        """Whether ``code`` is a card number or a promotion code of the user's
        companies (to tell a typing mistake from a number tried)."""
        # sudo: existence only, for the failure log; never returned
        return bool(
            self.sudo().search_count(
                [
                    ("code", "=", code),
                    ("company_id", "in", [False, *self.env.companies.ids]),
                ],
                limit=1,
            )
            or self.env["loyalty.rule"]
            .sudo()
            .search_count(
                [
                    ("mode", "=", "with_code"),
                    "|",
                    ("code", "=", code),
                    ("promo_barcode", "=", code),
                ],
                limit=1,
            )
        )

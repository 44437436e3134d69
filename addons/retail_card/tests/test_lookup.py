# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.service.model import call_kw
from odoo.tests import new_test_user, tagged
from odoo.tools import SQL, format_amount

from .common import RetailCardCommon

NOT_FOUND = "No card with this number."
THROTTLED = "Too many failed lookups"
WRONG_PIN = "Wrong PIN for this card."
LOOKUP_KEYS = {
    "id",
    "code",
    "program_id",
    "program_type",
    "points",
    "balance_display",
    "currency_id",
    "expiration_date",
    "has_secret",
    "partner_known",
}


class RetailLookupCommon(RetailCardCommon):
    """Failed lookups are written through ``registry.cursor()``: in test mode that
    cursor wraps the test's own, so the rows are seen (and rolled back with the
    test). Expected errors are caught without Odoo's ``assertRaises`` savepoint,
    which would roll back the rows the production code commits apart."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry_enter_test_mode_cls()
        cls.Failure = cls.env["retail.card.lookup.failure"]
        cls.till_b = cls.env["pos.config"].create({"name": "Store Sol"})
        cls.cashier = new_test_user(
            cls.env, login="lookup_cashier", groups="retail_card.group_card_cashier"
        )
        cls.cashier_2 = new_test_user(
            cls.env, login="lookup_cashier_2", groups="retail_card.group_card_cashier"
        )
        cls.cashier_3 = new_test_user(
            cls.env, login="lookup_cashier_3", groups="retail_card.group_card_cashier"
        )
        cls.head_office = new_test_user(
            cls.env,
            login="lookup_head_office",
            groups="retail_card.group_card_head_office",
        )
        cls.Card._retail_post_movements(
            [{"card": cls.gift_card, "amount": 50, "kind": "load"}]
        )

    def _lookup(self, user, code, **kwargs):
        return self.env["loyalty.card"].with_user(user).retail_lookup(code, **kwargs)

    def _rpc(self, user, model, method, *args, **kwargs):
        return call_kw(self.env[model].with_user(user), method, list(args), kwargs)

    def assertRefused(self, message, func, *args, **kwargs):
        try:
            func(*args, **kwargs)
        except UserError as error:
            self.assertIn(message, str(error))
        else:
            self.fail(f"{func.__name__} should have been refused: {message}")

    def _fail_lookups(self, user, count, till=False):
        for attempt in range(count):
            self.assertRefused(
                NOT_FOUND,
                self._lookup,
                user,
                f"044-0000-0000-0000-{attempt:04d}",
                config_id=till and till.id,
            )

    def _failures(self, **domain):
        return self.Failure.search([(key, "=", value) for key, value in domain.items()])


@tagged("post_install", "-at_install", "retail_security")
class TestCardLookup(RetailLookupCommon):
    def test_lookup_returns_no_personal_data(self):
        owner = self.env["res.partner"].create(
            {
                "name": "Amparo Secreta",
                "email": "amparo@example.com",
                "phone": "+34 600 111 222",
                "street": "Calle Mayor 1",
            }
        )
        self.gift_card.partner_id = owner
        result = self._rpc(
            self.cashier, "loyalty.card", "retail_lookup", self.gift_card.code
        )
        self.assertEqual(set(result), LOOKUP_KEYS)
        self.assertEqual(
            result,
            {
                "id": self.gift_card.id,
                "code": self.gift_card.code,
                "program_id": self.gift_program.id,
                "program_type": "gift_card",
                "points": 50,
                "balance_display": format_amount(
                    self.env, 50, self.gift_program.currency_id
                ),
                "currency_id": self.gift_program.currency_id.id,
                "expiration_date": False,
                "has_secret": False,
                "partner_known": True,
            },
        )
        # The exact dict above already rules out the owner's id; the
        # strings below would only appear if a field were added later.
        # (The card code is random, so a bare id such as "21" may occur in it.)
        text = repr(result)
        for personal in ("Amparo", "amparo@", "600 111", "Mayor"):
            self.assertNotIn(personal, text)

    def test_lookup_normalises_the_number(self):
        code = self.gift_card.code
        found = self._lookup(self.cashier, f"  {code.upper().replace('-', ' - ')} ")
        self.assertEqual(found["id"], self.gift_card.id, "spaces are ignored")
        found = self._lookup(self.cashier, f"  {code.upper()}  ")
        self.assertEqual(found["id"], self.gift_card.id)
        self.assertEqual(
            self._lookup(self.cashier, code, program_types=["gift_card"])["id"],
            self.gift_card.id,
        )
        # a loyalty-only lookup does not find a gift card
        self.assertRefused(
            NOT_FOUND, self._lookup, self.cashier, code, program_types=["loyalty"]
        )

    def test_lookup_bad_input(self):
        for code in (None, 42, ["044"], "", "   ", "0" * 65, "044\x00abc"):
            with self.subTest(code=code), self.assertRaises(ValidationError):
                self._lookup(self.cashier, code)
        for kwargs in (
            {"program_types": "gift_card"},
            {"program_types": ["no_such_type"]},
            {"config_id": "1"},
            {"config_id": -1},
            {"config_id": 999999999},
            {"secret": 123456},
        ):
            with self.subTest(**kwargs), self.assertRaises(ValidationError):
                self._lookup(self.cashier, self.gift_card.code, **kwargs)
        self.assertFalse(self._failures(user_id=self.cashier.id), "no lookup made")

    def test_failed_lookup_logged_masked(self):
        code = "044-dead-beef-cafe-f00d"
        self.assertRefused(
            NOT_FOUND, self._lookup, self.cashier, code, config_id=self.store.id
        )
        failure = self._failures(user_id=self.cashier.id)
        self.assertRecordValues(
            failure,
            [
                {
                    "user_id": self.cashier.id,
                    "pos_config_id": self.store.id,
                    "company_id": self.env.company.id,
                    "kind": "card",
                    "query": "044-*****************0d",
                    "ip": False,
                }
            ],
        )
        self.assertTrue(failure.create_date)
        self.assertNotIn("beef", failure.query)
        # short queries keep one character only
        self.assertEqual(self.Failure._retail_mask("123456"), "1*****")
        self.assertEqual(len(self.Failure._retail_mask("x" * 500)), 64)

    def test_throttle_per_user(self):
        self._fail_lookups(self.cashier, 10)
        self.assertEqual(len(self._failures(user_id=self.cashier.id)), 10)
        # 11th attempt refused, even with a right number, and not logged again
        self.assertRefused(THROTTLED, self._lookup, self.cashier, self.gift_card.code)
        self.assertRefused(THROTTLED, self._lookup, self.cashier, "044-0000")
        self.assertEqual(len(self._failures(user_id=self.cashier.id)), 10)
        # another user is not blocked
        self.assertEqual(
            self._lookup(self.cashier_2, self.gift_card.code)["id"], self.gift_card.id
        )

    def test_throttle_per_till(self):
        self._fail_lookups(self.cashier, 5, till=self.store)
        self._fail_lookups(self.cashier_2, 5, till=self.store)
        # a third cashier on the same till is refused: the till failed 10 times
        self.assertRefused(
            THROTTLED,
            self._lookup,
            self.cashier_3,
            self.gift_card.code,
            config_id=self.store.id,
        )
        # ... but not on another till, nor without a till
        for config_id in (self.till_b.id, False):
            self.assertEqual(
                self._lookup(self.cashier_3, self.gift_card.code, config_id=config_id)[
                    "id"
                ],
                self.gift_card.id,
            )
        # the two cashiers (5 failures each) are not blocked elsewhere
        self.assertTrue(
            self._lookup(self.cashier, self.gift_card.code, config_id=self.till_b.id)
        )

    def test_throttle_window_expires(self):
        self._fail_lookups(self.cashier, 10, till=self.store)
        self.assertRefused(THROTTLED, self._lookup, self.cashier, self.gift_card.code)
        # a minute later (the rows age by 61 s), the cashier and the till may try again
        self.env.cr.execute(
            SQL(
                "UPDATE retail_card_lookup_failure "
                "SET create_date = create_date - interval '61 seconds' "
                "WHERE user_id = %s",
                self.cashier.id,
            )
        )
        self.assertTrue(
            self._lookup(self.cashier, self.gift_card.code, config_id=self.store.id)
        )
        # configurable: three failures in a window of ten minutes
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("retail_card.lookup_max_failures", "3")
        params.set_param("retail_card.lookup_window_seconds", "600")
        self.assertRefused(THROTTLED, self._lookup, self.cashier, self.gift_card.code)
        self._fail_lookups(self.cashier_2, 3)
        self.assertRefused(THROTTLED, self._lookup, self.cashier_2, self.gift_card.code)
        # a broken parameter falls back to the default
        params.set_param("retail_card.lookup_max_failures", "ten")
        params.set_param("retail_card.lookup_window_seconds", "60")
        self.assertTrue(self._lookup(self.cashier_2, self.gift_card.code))

    def test_failures_readable_by_head_office_only(self):
        self._fail_lookups(self.cashier, 1)
        failure = self._failures(user_id=self.cashier.id)
        self.assertEqual(
            self._rpc(
                self.head_office,
                "retail.card.lookup.failure",
                "search_read",
                [("id", "=", failure.id)],
                ["query"],
            ),
            [{"id": failure.id, "query": failure.query}],
        )
        with self.assertRaises(AccessError):
            self._rpc(
                self.cashier, "retail.card.lookup.failure", "search_read", [], ["query"]
            )
        vals = {"user_id": self.cashier_2.id, "kind": "card", "query": "x"}
        for user in (self.cashier, self.head_office):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._rpc(user, "retail.card.lookup.failure", "create", vals)
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._rpc(user, "retail.card.lookup.failure", "unlink", [failure.id])
        # even an administrator (not the superuser) cannot forge one
        admin = new_test_user(
            self.env, login="lookup_admin", groups="base.group_system"
        )
        with self.assertRaises(AccessError):
            self.Failure.with_user(admin).create(vals)
        self.assertEqual(self._failures(user_id=self.cashier_2.id), self.Failure)

    def test_cron_purges_old_failures(self):
        self._fail_lookups(self.cashier, 3)
        old = self._failures(user_id=self.cashier.id)[:2]
        self.env.cr.execute(
            SQL(
                "UPDATE retail_card_lookup_failure "
                "SET create_date = create_date - interval '31 days' WHERE id IN %s",
                tuple(old.ids),
            )
        )
        self.Failure._cron_purge()
        self.Failure.invalidate_model()
        self.assertEqual(len(self._failures(user_id=self.cashier.id)), 1)
        self.assertFalse(old.exists())
        cron = self.env.ref("retail_card.ir_cron_purge_lookup_failures")
        self.assertEqual(cron.code, "model._cron_purge()")


@tagged("post_install", "-at_install", "retail_security")
class TestCardSecret(RetailLookupCommon):
    def test_set_secret_returns_pin_once(self):
        cards = self.gift_card | self.points_card
        pins = cards._retail_set_secret()
        self.assertEqual(set(pins), set(cards.ids))
        for card in cards:
            pin = pins[card.id]
            self.assertTrue(re.fullmatch(r"\d{6}", pin), pin)
            stored = card.sudo().retail_secret_hash
            self.assertTrue(re.fullmatch(r"[0-9a-f]{64}", stored))
            self.assertNotIn(pin, stored)
            self.assertTrue(card.retail_has_secret)
        # a new secret replaces the old one
        old_hash = self.gift_card.sudo().retail_secret_hash
        new_pin = self.gift_card._retail_set_secret()[self.gift_card.id]
        self.assertNotEqual(self.gift_card.sudo().retail_secret_hash, old_hash)
        self.assertTrue(self.gift_card._retail_check_secret(new_pin))
        if new_pin != pins[self.gift_card.id]:
            self.assertRefused(
                WRONG_PIN, self.gift_card._retail_check_secret, pins[self.gift_card.id]
            )
        # the same PIN on another card gives another hash (keyed by the card id)
        self.assertNotEqual(
            self.gift_card._retail_hash_secret("123456"),
            self.points_card._retail_hash_secret("123456"),
        )

    def test_wrong_and_right_pin(self):
        pin = self.gift_card._retail_set_secret()[self.gift_card.id]
        wrong = f"{(int(pin) + 1) % 10**6:06d}"
        card = self.gift_card.with_user(self.cashier)
        self.assertRefused(WRONG_PIN, card._retail_check_secret, wrong)
        self.assertRefused(WRONG_PIN, card._retail_check_secret, "")
        self.assertTrue(card._retail_check_secret(pin))
        self.assertTrue(card._retail_check_secret(f" {pin[:3]} {pin[3:]} "))
        failures = self._failures(user_id=self.cashier.id)
        self.assertEqual(failures.mapped("kind"), ["pin", "pin"])
        self.assertNotIn(pin, "".join(failures.mapped("query")))
        # through the lookup: a PIN is checked when given
        self.assertRefused(
            WRONG_PIN,
            self._lookup,
            self.cashier,
            self.gift_card.code,
            secret=wrong,
            config_id=self.store.id,
        )
        result = self._lookup(self.cashier, self.gift_card.code, secret=pin)
        self.assertEqual(
            (result["id"], result["has_secret"]), (self.gift_card.id, True)
        )
        # a balance check (no secret) needs no PIN
        self.assertEqual(
            self._lookup(self.cashier_2, self.gift_card.code)["points"], 50
        )
        # a card without PIN passes any secret
        self.assertTrue(self.points_card._retail_check_secret("whatever"))

    def test_wrong_pins_are_throttled(self):
        pin = self.gift_card._retail_set_secret()[self.gift_card.id]
        wrong = f"{(int(pin) + 1) % 10**6:06d}"
        card = self.gift_card.with_user(self.cashier)
        for _attempt in range(10):
            self.assertRefused(WRONG_PIN, card._retail_check_secret, wrong)
        # the 11th try is refused before the PIN is compared, right PIN included
        self.assertRefused(THROTTLED, card._retail_check_secret, pin)
        self.assertRefused(THROTTLED, self._lookup, self.cashier, self.gift_card.code)

    def test_secret_hash_never_readable_nor_writable(self):
        self.gift_card._retail_set_secret()
        card_id = self.gift_card.id
        for user in (self.cashier, self.head_office):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self._rpc(
                        user, "loyalty.card", "read", [card_id], ["retail_secret_hash"]
                    )
                with self.assertRaises(AccessError):
                    self._rpc(
                        user,
                        "loyalty.card",
                        "search",
                        [("retail_secret_hash", "!=", False)],
                    )
                # the field is not even described to them; the flag is readable
                self.assertNotIn(
                    "retail_secret_hash", self._rpc(user, "loyalty.card", "fields_get")
                )
                values = self._rpc(
                    user,
                    "loyalty.card",
                    "search_read",
                    [("id", "=", card_id)],
                    ["code", "retail_has_secret"],
                )
                # a cashier reads a bearer card's number masked (found, not
                # listed: see test_native_paths)
                code = self.gift_card.code
                if user == self.cashier:
                    code = self.Failure._retail_mask(code)
                self.assertEqual(
                    values,
                    [{"id": card_id, "code": code, "retail_has_secret": True}],
                )
                with self.assertRaises(AccessError):
                    self._rpc(
                        user,
                        "loyalty.card",
                        "write",
                        [card_id],
                        {"retail_secret_hash": "0" * 64},
                    )
                with self.assertRaises(AccessError):
                    self._rpc(
                        user,
                        "loyalty.card",
                        "create",
                        {
                            "program_id": self.gift_program.id,
                            "retail_secret_hash": "0" * 64,
                        },
                    )
        # an administrator (Settings) neither reads nor sets it: superuser only
        admin = new_test_user(
            self.env,
            login="secret_admin",
            groups="base.group_system,retail_card.group_card_head_office",
        )
        with self.assertRaises(AccessError):
            self._rpc(admin, "loyalty.card", "read", [card_id], ["retail_secret_hash"])
        self.assertNotIn(
            "retail_secret_hash", self._rpc(admin, "loyalty.card", "fields_get")
        )
        with self.assertRaises(AccessError):
            self.gift_card.with_user(admin).write({"retail_secret_hash": "0" * 64})
        self.assertNotEqual(self.gift_card.sudo().retail_secret_hash, "0" * 64)
        # the POS never loads it
        self.assertNotIn(
            "retail_secret_hash", self.Card._load_pos_data_fields(self.store)
        )
        # private methods are not callable over RPC
        for method in ("_retail_set_secret", "_retail_hash_secret"):
            with self.subTest(method=method), self.assertRaises(AccessError):
                self._rpc(self.head_office, "loyalty.card", method, [card_id])


@tagged("post_install", "-at_install", "retail_security")
class TestCardLookupMultiCompany(RetailLookupCommon):
    def test_lookup_of_another_franchise_refused(self):
        company_b = self._create_company(name="Franchise Norte")
        program_b = self.env["loyalty.program"].create(
            {
                "name": "Norte gift cards",
                "program_type": "gift_card",
                "company_id": company_b.id,
            }
        )
        card_b = self._card(program_b)
        self.Card._retail_post_movements(
            [{"card": card_b, "amount": 30, "kind": "load"}]
        )
        cashier_a = new_test_user(
            self.env,
            login="franchise_a_cashier",
            groups="retail_card.group_card_cashier",
            company_id=self.env.company.id,
            company_ids=[self.env.company.id],
        )
        cashier_b = new_test_user(
            self.env,
            login="franchise_b_cashier",
            groups="retail_card.group_card_cashier",
            company_id=company_b.id,
            company_ids=[company_b.id],
        )
        self.assertRefused(NOT_FOUND, self._lookup, cashier_a, card_b.code)
        failure = self._failures(user_id=cashier_a.id)
        self.assertEqual(failure.company_id, self.env.company)
        self.assertEqual(self._lookup(cashier_b, card_b.code)["points"], 30)
        # the other franchise's failures are not shown to this head office
        head_office_b = new_test_user(
            self.env,
            login="franchise_b_head_office",
            groups="retail_card.group_card_head_office",
            company_id=company_b.id,
            company_ids=[company_b.id],
        )
        self.assertFalse(
            self.Failure.with_user(head_office_b).search([("id", "=", failure.id)])
        )


@tagged("post_install", "-at_install", "retail_security")
class TestLookupFailureSurvivesRollback(RetailCardCommon):
    """Without test mode: the failure is written by a real second connection and
    committed, while the test's transaction rolls the request back. The
    superuser (a committed user) looks up, without a till."""

    def test_failure_row_survives_rollback(self):
        code = "044-feed-0000-5afe-0042"
        Card = self.env["loyalty.card"]
        with self.assertRaisesRegex(UserError, NOT_FOUND):
            Card.retail_lookup(code)
        failure_ids = []
        try:
            with self.env.registry.cursor() as cr:
                cr.execute(
                    SQL(
                        "SELECT id, user_id, kind, query "
                        "FROM retail_card_lookup_failure "
                        "WHERE query = %s AND user_id = %s",
                        self.env["retail.card.lookup.failure"]._retail_mask(code),
                        self.env.uid,
                    )
                )
                rows = cr.fetchall()
                failure_ids = [row[0] for row in rows]
                self.assertEqual(
                    [row[1:] for row in rows],
                    [(self.env.uid, "card", "044-*****************42")],
                )
        finally:
            with self.env.registry.cursor() as cr:
                cr.execute(
                    SQL(
                        "DELETE FROM retail_card_lookup_failure WHERE id = ANY(%s)",
                        failure_ids,
                    )
                )


@tagged("post_install", "-at_install", "retail_security")
class TestLookupSettings(RetailCardCommon):
    def test_settings_set_the_throttle(self):
        settings = self.env["res.config.settings"].create(
            {
                "retail_card_lookup_max_failures": 3,
                "retail_card_lookup_window_seconds": 300,
            }
        )
        settings.execute()
        self.assertEqual(self.Card._retail_throttle_settings(), (300, 3))
        with self.assertRaises(ValidationError):
            self.env["res.config.settings"].create(
                {"retail_card_lookup_max_failures": 0}
            )
        self.assertEqual(self.Card._retail_throttle_settings(), (300, 3))

    def test_log_accepts_a_till_record_and_survives_a_wrong_one(self):
        Card = self.env["loyalty.card"]
        Card._retail_log_failed_lookup("customer", "C1-0000042", self.store)
        Card._retail_check_throttle("customer", self.store)
        # a till that does not exist is not stored, and breaks nothing
        Card._retail_log_failed_lookup("customer", "C1-0000043", 2_000_000_000)
        failures = self.env["retail.card.lookup.failure"].search(
            [("user_id", "=", self.env.uid), ("kind", "=", "customer")]
        )
        self.assertEqual(failures.mapped("query"), ["C1-0****42"])
        self.assertEqual(failures.pos_config_id, self.store)

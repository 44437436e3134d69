# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Malformed input thrown at the public entry points of the retail modules.

Each case is one line of ``BAD_INPUT_CASES``: the entry point (model, method,
records), the arguments, the user who calls it and the outcome expected: an
exception class (``UserError`` and its subclasses ``ValidationError``,
``AccessError``, ``MissingError``) or ``None`` for "answers without error". Every
case must also leave the business tables exactly as they were (see
``SNAPSHOT_TABLES``). Cases of modules that are not installed are skipped, so
other modules add theirs here, one line each, e.g.::

    Case("giftcard: load NaN", "loyalty.card", "action_retail_load",
         (NAN, "x"), records="gift_card", user="store_manager",
         expected=ValidationError),

``Ref("name")`` in the arguments stands for the id of the fixture ``name`` of the
test class (``Ref("store")`` -> the till's id), ``records`` names the fixture the
method is called on (over RPC, its ids are the first argument).
"""

import math
from typing import Any, NamedTuple

from odoo.exceptions import AccessError, MissingError, UserError, ValidationError

NAN = math.nan
INF = math.inf
HUGE_INT = 10**400
HUGE_TEXT = "x" * 100_000
SQL_QUOTES = "'; DROP TABLE res_partner; --"
QUOTES = 'O\'Brien "Tito" `x` \\ %_'
UNICODE = "José Ñúñez 🎁 ﷽ \u202e"
UNKNOWN_CODE = "044-0000-0000-0000-0bad"
MISSING_ID = 2_000_000_000

# Tables whose rows must not change when a call is refused (checksum of every
# row). Audit logs that a refusal writes on purpose (failed lookups) and
# sequences (never rolled back by PostgreSQL) are not in it.
SNAPSHOT_TABLES = (
    "res_partner",
    "loyalty_card",
    "loyalty_history",
    "loyalty_program",
    "sale_order",
    "retail_customer_stat",
    "retail_segment",
    "retail_segment_partner_rel",
    "retail_gdpr_request",
    "ir_attachment",
    "res_company",
    "ir_config_parameter",
    # retail_giftcard: series, their cards (above), journal entries, POS money
    "retail_giftcard_series",
    "account_move",
    "account_move_line",
    "pos_order",
    "pos_order_line",
    "pos_payment",
    "mail_message",
    # retail_incidents
    "retail_incident",
    "mail_activity",
    # orders and deliveries (gift lists, questionnaires, native buttons)
    "sale_order_line",
    "stock_picking",
    "stock_move",
    # retail_gift_registry
    "retail_gift_registry",
    "retail_gift_registry_item",
    # retail_loyalty notices
    "mail_mail",
    "sms_sms",
    # retail_surveys
    "survey_user_input",
    "survey_user_input_line",
    # retail_marketing
    "mailing_mailing",
    "mail_blacklist",
    "phone_blacklist",
    # retail_aftersales
    "repair_order",
    "retail_marketing_holdout",
    "retail_marketing_occasion_sent",
    "retail_marketing_action",
    # retail_clienteling
    "retail_receipt_rule",
    "event_registration",
)


# Entry points whose malformed input is the till's order payload, synced in
# tests/integration/test_bad_pos_sync.py (gift card payments) rather than called
# from this table; the questionnaire answers of the payload are thrown at it in
# addons/retail_surveys/tests/test_pos_sync.py.
TILL_PAYLOAD_METHODS = {
    ("pos.order", "sync_from_ui"): "test_bad_pos_sync.py",
}


class Ref(NamedTuple):
    """The id of a fixture of the test class, resolved when the case runs."""

    name: str


class Case(NamedTuple):
    label: str
    model: str
    method: str
    args: tuple = ()
    kwargs: dict | None = None
    records: str | None = None
    user: str = "cashier"
    expected: Any = ValidationError
    # strict: refused before anything is written (checked inside the request's
    # transaction); False when an ORM constraint refuses the row after writing
    # it (the request's rollback removes it: checked after the rollback)
    strict: bool = True
    # values of a record (a wizard) that the user creates first, as the web
    # client saves a form before calling its button; ``method`` is then called
    # on it (None: the creation itself is the case)
    create: dict | None = None


class File(NamedTuple):
    """A file uploaded to a wizard, base64-encoded when the case runs: ``rows``
    of cells (``Ref`` allowed) written as CSV or XLSX, or raw ``bytes``."""

    rows: Any
    kind: str = "csv"
    encoding: str = "utf-8"
    delimiter: str = ","


def luhn(body):
    """``body`` followed by its Luhn check digit."""
    total = 0
    for position, char in enumerate(reversed(body)):
        value = int(char) * (2 if position % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return body + str((10 - total % 10) % 10)


def adjust(label, amount, reason="Bad input test", expected=ValidationError, **kw):
    return Case(
        f"adjust: {label}",
        "loyalty.card",
        "action_retail_adjust",
        (amount, reason),
        kw or None,
        records="gift_card",
        user="store_manager",
        expected=expected,
    )


def lookup(label, code, expected=ValidationError, **kwargs):
    return Case(
        f"lookup: {label}",
        "loyalty.card",
        "retail_lookup",
        (code,),
        kwargs or None,
        expected=expected,
    )


def post(label, movements, expected=ValidationError):
    """The card engine, as the loyalty and gift-card modules call it (server
    side, as superuser, with data that came from the till)."""
    return Case(
        f"ledger: {label}",
        "loyalty.card",
        "_retail_post_movements",
        (movements,),
        user="superuser",
        expected=expected,
    )


def pos_search(label, config_id, query, offset=0, expected=ValidationError):
    return Case(
        f"pos search: {label}",
        "res.partner",
        "retail_pos_search",
        (config_id, query, offset),
        expected=expected,
    )


def find(label, query, limit=20, offset=0, expected=ValidationError):
    return Case(
        f"find customers: {label}",
        "res.partner",
        "retail_find_customers",
        (query, limit, offset),
        expected=expected,
    )


def new_customer(label, vals, expected=ValidationError, user="manager", strict=True):
    return Case(
        f"create customer: {label}",
        "res.partner",
        "create",
        ({"name": "Bad input customer", **vals},),
        user=user,
        expected=expected,
        strict=strict,
    )


CARD = Ref("gift_card")
BAD_INPUT_CASES = [
    # --- loyalty.card.retail_lookup (till and back office) ---------------------
    lookup("None", None),
    lookup("False", False),
    lookup("integer", 44012345),
    lookup("float", 12.5),
    lookup("NaN", NAN),
    lookup("list", ["044"]),
    lookup("dict", {"code": "044"}),
    lookup("empty", ""),
    lookup("spaces", "   \t "),
    lookup("65 characters", "0" * 65),
    lookup("100,000 characters", HUGE_TEXT),
    lookup("NUL byte", "044\x00abc"),
    lookup("control character", "044\x1b[2J"),
    lookup("right-to-left override", "044\u202e1234"),
    lookup("unknown code", UNKNOWN_CODE, expected=UserError),
    lookup("SQL quotes", SQL_QUOTES, expected=UserError),
    lookup("quotes and wildcards", QUOTES, expected=UserError),
    lookup("wildcard only", "%", expected=UserError),
    lookup("unicode", "ñandú-🎁-044", expected=UserError),
    lookup("till as text", UNKNOWN_CODE, config_id="1"),
    lookup("negative till", UNKNOWN_CODE, config_id=-1),
    lookup("float till", UNKNOWN_CODE, config_id=1.5),
    lookup("huge till id", UNKNOWN_CODE, config_id=2**63),
    lookup("missing till", UNKNOWN_CODE, config_id=MISSING_ID),
    lookup("till as list", UNKNOWN_CODE, config_id=[1]),
    lookup("program types as text", UNKNOWN_CODE, program_types="gift_card"),
    lookup("unknown program type", UNKNOWN_CODE, program_types=["nope"]),
    lookup("program type None", UNKNOWN_CODE, program_types=[None]),
    lookup("program types as dict", UNKNOWN_CODE, program_types={"a": 1}),
    Case(
        "lookup: PIN as number",
        "loyalty.card",
        "retail_lookup",
        (Ref("code"),),
        {"secret": 123456},
    ),
    Case(
        "lookup: PIN as list",
        "loyalty.card",
        "retail_lookup",
        (Ref("code"),),
        {"secret": ["1"]},
    ),
    Case(
        "lookup: 65-character PIN",
        "loyalty.card",
        "retail_lookup",
        (Ref("code"),),
        {"secret": "1" * 65},
    ),
    Case(
        "lookup: wrong PIN with quotes",
        "loyalty.card",
        "retail_lookup",
        (Ref("code"),),
        {"secret": "' OR '1'='1"},
        expected=UserError,
    ),
    Case(
        "lookup: empty PIN",
        "loyalty.card",
        "retail_lookup",
        (Ref("code"),),
        {"secret": ""},
        expected=UserError,
    ),
    # --- loyalty.card.action_retail_adjust (store managers) --------------------
    adjust("None", None),
    adjust("text amount", "10"),
    adjust("boolean amount", True),
    adjust("NaN", NAN),
    adjust("infinity", INF),
    adjust("minus infinity", -INF),
    adjust("float overflow", 1e309),
    adjust("integer overflow", HUGE_INT),
    adjust("zero", 0),
    adjust("tiny", 1e-9),
    adjust("overdraft", -1_000_000, expected=UserError),
    adjust("no reason", 5, reason=""),
    adjust("reason None", 5, reason=None),
    adjust("reason not text", 5, reason=123),
    adjust("reason of 100,000 characters", 5, reason=HUGE_TEXT),
    adjust("store as text", 5, store_id="1"),
    adjust("negative store", 5, store_id=-3),
    adjust("missing store", 5, store_id=MISSING_ID),
    Case(
        "adjust: by a cashier",
        "loyalty.card",
        "action_retail_adjust",
        (5, "Why not"),
        records="gift_card",
        expected=AccessError,
    ),
    Case(
        "adjust: missing card",
        "loyalty.card",
        "action_retail_adjust",
        (5, "Gone"),
        records="missing_card",
        user="store_manager",
        expected=UserError,
    ),
    Case(
        "adjust: other company's card",
        "loyalty.card",
        "action_retail_adjust",
        (5, "Steal"),
        records="card_b",
        user="store_manager",
        expected=AccessError,
    ),
    # --- the card engine (server API of the loyalty and gift-card modules) -----
    post("not a list", "load 10"),
    post("movement not a dict", ["load"]),
    post("no card", [{"amount": 5, "kind": "load"}]),
    post("card as text", [{"card": "1", "amount": 5, "kind": "load"}]),
    post("missing card", [{"card": MISSING_ID, "amount": 5, "kind": "load"}]),
    post("unknown key", [{"card": CARD, "amount": 5, "kind": "load", "x": 1}]),
    post("unknown kind", [{"card": CARD, "amount": 5, "kind": "gift"}]),
    post("kind as number", [{"card": CARD, "amount": 5, "kind": 1}]),
    post("load with a debit", [{"card": CARD, "amount": -5, "kind": "load"}]),
    post("redeem with a credit", [{"card": CARD, "amount": 5, "kind": "redeem"}]),
    post("NaN", [{"card": CARD, "amount": NAN, "kind": "load"}]),
    post(
        "unknown order model",
        [
            {
                "card": CARD,
                "amount": 5,
                "kind": "load",
                "order_model": "x.y",
                "order_id": 1,
            }
        ],
    ),
    post(
        "order id without model",
        [{"card": CARD, "amount": 5, "kind": "load", "order_id": 1}],
    ),
    post("key as number", [{"card": CARD, "amount": 5, "kind": "load", "key": 7}]),
    post(
        "same key twice",
        [
            {"card": CARD, "amount": 5, "kind": "load", "key": "k"},
            {"card": CARD, "amount": 5, "kind": "load", "key": "k"},
        ],
    ),
    post(
        "reverse a missing row",
        [{"card": CARD, "amount": 5, "kind": "reverse", "reversed_id": MISSING_ID}],
        expected=UserError,
    ),
    post(
        "one good, one overdraft",
        [
            {"card": CARD, "amount": 5, "kind": "load"},
            {"card": CARD, "amount": -10_000, "kind": "redeem"},
        ],
        expected=UserError,
    ),
    # --- what only the system writes -------------------------------------------
    Case(
        "card: write PIN hash",
        "loyalty.card",
        "write",
        ({"retail_secret_hash": "0" * 64},),
        records="gift_card",
        user="head_office",
        expected=AccessError,
    ),
    Case(
        "card: read PIN hash",
        "loyalty.card",
        "read",
        (["retail_secret_hash"],),
        records="gift_card",
        expected=AccessError,
    ),
    Case(
        "failed lookups: forge one",
        "retail.card.lookup.failure",
        "create",
        ({"kind": "card", "query": "x"},),
        user="head_office",
        expected=AccessError,
    ),
    Case(
        "personal data requests: forge one",
        "retail.gdpr.request",
        "create",
        ({"partner_id": Ref("customer"), "request_type": "export"},),
        user="manager",
        expected=AccessError,
    ),
    # --- res.partner.retail_pos_search / retail_find_customers -----------------
    pos_search("till None", None, "Rosa"),
    pos_search("till as text", "1", "Rosa"),
    pos_search("negative till", -1, "Rosa"),
    pos_search("missing till", MISSING_ID, "Rosa"),
    pos_search("till as list", [1], "Rosa"),
    pos_search("query as number", Ref("store"), 612345678),
    pos_search("query as list", Ref("store"), ["Rosa"]),
    pos_search("query of 300 characters", Ref("store"), "R" * 300),
    pos_search("query of 100,000 characters", Ref("store"), HUGE_TEXT),
    pos_search("NUL byte", Ref("store"), "Ro\x00sa"),
    pos_search("offset as text", Ref("store"), "Rosa", "1"),
    pos_search("huge offset", Ref("store"), "Rosa", 10**20),
    pos_search("offset NaN", Ref("store"), "Rosa", NAN),
    pos_search("empty query", Ref("store"), "", expected=None),
    pos_search("query None", Ref("store"), None, expected=None),
    pos_search("SQL quotes", Ref("store"), SQL_QUOTES, expected=None),
    pos_search("quotes and wildcards", Ref("store"), QUOTES, expected=None),
    pos_search("unicode", Ref("store"), UNICODE, expected=None),
    pos_search("negative offset", Ref("store"), "Rosa", -5, expected=None),
    find("limit as text", "Rosa", "20"),
    find("limit NaN", "Rosa", NAN),
    find("limit float", "Rosa", 2.5),
    find("huge limit", "Rosa", 10**20, expected=None),
    find("negative limit", "Rosa", -1, expected=None),
    find("query dict", {"name": "Rosa"}),
    find("phone-like unicode digits", "٦١٢٣٤٥٦٧٨", expected=None),
    Case(
        "name search: SQL quotes",
        "res.partner",
        "name_search",
        (SQL_QUOTES,),
        expected=None,
    ),
    Case(
        "name search: unicode", "res.partner", "name_search", (UNICODE,), expected=None
    ),
    # --- customers: identifiers, consent --------------------------------------
    new_customer(
        "invalid national ID", {"national_id": "12345678A", "country_id": Ref("spain")}
    ),
    new_customer("national ID as number", {"national_id": 12345678}),
    new_customer("national ID of 100,000 characters", {"national_id": HUGE_TEXT}),
    new_customer("card number as number", {"card_number": 12345}),
    new_customer("card number of 100,000 characters", {"card_number": HUGE_TEXT}),
    new_customer("duplicate card number", {"card_number": Ref("card_number")}),
    new_customer(
        "unreadable phone",
        {"phone": "call me maybe", "retail_channel_id": Ref("channel_store")},
        strict=False,
    ),
    new_customer(
        "unknown consent source",
        {"retail_consent_email": True, "retail_consent_email_source": "x"},
    ),
    new_customer(
        "consent source quotes",
        {"retail_consent_sms": True, "retail_consent_sms_source": SQL_QUOTES},
    ),
    new_customer(
        "national ID by a cashier",
        {"national_id": "12345678Z"},
        user="cashier",
        expected=AccessError,
    ),
    # --- GDPR: erasure and export ---------------------------------------------
    Case(
        "anonymise: by a cashier",
        "res.partner",
        "action_retail_anonymize",
        records="customer",
        expected=AccessError,
    ),
    Case(
        "anonymise: by a salesman",
        "res.partner",
        "action_retail_anonymize",
        records="customer",
        user="salesman",
        expected=AccessError,
    ),
    Case(
        "anonymise: a company",
        "res.partner",
        "action_retail_anonymize",
        records="company_partner",
        user="manager",
        expected=UserError,
    ),
    Case(
        "anonymise: a user",
        "res.partner",
        "action_retail_anonymize",
        records="user_partner",
        user="manager",
        expected=UserError,
    ),
    Case(
        "anonymise: nobody",
        "res.partner",
        "action_retail_anonymize",
        records="no_partner",
        user="manager",
        expected=UserError,
    ),
    Case(
        "anonymise: missing customer",
        "res.partner",
        "action_retail_anonymize",
        records="missing_partner",
        user="manager",
        expected=UserError,
    ),
    Case(
        "anonymise wizard: no reason",
        "retail.gdpr.anonymize",
        "create",
        ({"partner_ids": [(6, 0, [Ref("customer")])], "reason": ""},),
        user="manager",
    ),
    Case(
        "anonymise wizard: by a salesman",
        "retail.gdpr.anonymize",
        "create",
        ({"partner_ids": [(6, 0, [Ref("customer")])], "reason": "x"},),
        user="salesman",
        expected=AccessError,
    ),
    Case(
        "export personal data: by a cashier",
        "res.partner",
        "action_retail_export_personal_data",
        records="customer",
        expected=AccessError,
    ),
    Case(
        "export personal data: two customers",
        "res.partner",
        "action_retail_export_personal_data",
        records="two_partners",
        user="manager",
        expected=UserError,
    ),
    Case(
        "export personal data: nobody",
        "res.partner",
        "action_retail_export_personal_data",
        records="no_partner",
        user="manager",
        expected=UserError,
    ),
    # --- marketing export wizard ----------------------------------------------
    Case(
        "marketing export: malformed domain",
        "retail.customer.export",
        "create",
        ({"domain": "[('name', '=',"},),
        user="salesman",
    ),
    Case(
        "marketing export: unknown field in domain",
        "retail.customer.export",
        "create",
        ({"domain": "[('no_such_field', '=', 1)]"},),
        user="salesman",
    ),
    Case(
        "marketing export: code in domain",
        "retail.customer.export",
        "create",
        ({"domain": "__import__('os').system('true')"},),
        user="salesman",
    ),
    Case(
        "marketing export: nothing to export",
        "retail.customer.export",
        "action_export",
        records="empty_export",
        user="salesman",
        expected=UserError,
    ),
    # --- settings and company actions ----------------------------------------
    Case(
        "share customers: by a salesman",
        "res.company",
        "action_retail_share_customers",
        records="franchise",
        user="salesman",
        expected=AccessError,
    ),
    Case(
        "share customers: two companies",
        "res.company",
        "action_retail_share_customers",
        records="two_companies",
        user="superuser",
        expected=UserError,
    ),
    Case(
        "segment: refresh by a cashier",
        "retail.segment",
        "action_refresh",
        records="segment",
        expected=AccessError,
    ),
    Case(
        "segment: invalid rule",
        "retail.segment",
        "create",
        ({"name": "Bad", "kind": "rule", "domain": "[('x', '=', 1)]"},),
        user="manager",
        strict=False,
    ),
    Case(
        "segment: rule with code",
        "retail.segment",
        "create",
        ({"name": "Bad", "kind": "rule", "domain": "__import__('os').system('true')"},),
        user="manager",
        strict=False,
    ),
]

# --- retail_giftcard -----------------------------------------------------------
# Fixture series "7709", 12 digits: a number of its range that no card has.
GC_UNKNOWN = luhn("77099999999")
GC_CARD = Ref("gc_card")
GC_NUMBER = Ref("gc_number")


def gc_check(label, number, expected=UserError, user="cashier", **kwargs):
    """The till's gift card lookup (payment screen, balance check)."""
    return Case(
        f"giftcard check: {label}",
        "loyalty.card",
        "retail_giftcard_check",
        (number,),
        kwargs or None,
        user=user,
        expected=expected,
    )


def gc_block(label, reason, records="gc_card", user="store_manager", **kw):
    return Case(
        f"giftcard block: {label}",
        "loyalty.card",
        "action_retail_block",
        (reason,),
        records=records,
        user=user,
        expected=kw.pop("expected", ValidationError),
    )


def gc_transfer(label, target, reason="Lost card", records="gc_blocked", **kw):
    return Case(
        f"giftcard transfer: {label}",
        "loyalty.card",
        "action_retail_transfer",
        (target, reason),
        kw.pop("kwargs", None),
        records=records,
        user=kw.pop("user", "store_manager"),
        expected=kw.pop("expected", UserError),
    )


def gc_generate(label, vals, expected=UserError, user="head_office"):
    return Case(
        f"giftcard generate: {label}",
        "retail.giftcard.generate",
        "action_generate",
        user=user,
        expected=expected,
        create={"series_id": Ref("gc_series"), "with_pin": False, **vals},
    )


def gc_load(label, vals, expected=UserError, user="head_office"):
    return Case(
        f"giftcard bulk load: {label}",
        "retail.giftcard.load",
        "action_load",
        user=user,
        expected=expected,
        create={
            "series_id": Ref("gc_series"),
            "counterpart_account_id": Ref("gc_account"),
            **vals,
        },
    )


def gc_file(label, rows, expected=UserError, **kw):
    vals = {"source": "file", "file": File(rows, **kw)}
    return gc_load(f"file {label}", vals, expected=expected)


def gc_line(label, amount, number=GC_NUMBER):
    """A CSV of one (number, amount) line under its header."""
    return gc_file(label, [["number", "amount"], [number, amount]])


def gc_pay(label, vals, expected=UserError, user="accountant"):
    return Case(
        f"giftcard invoice payment: {label}",
        "retail.giftcard.invoice.pay",
        "action_pay",
        user=user,
        expected=expected,
        create={
            "move_id": Ref("gc_invoice"),
            "number": GC_NUMBER,
            "pin": Ref("gc_pin"),
            "amount": 10,
            **vals,
        },
    )


def gc_series(label, vals, expected=ValidationError, strict=False):
    return Case(
        f"giftcard series: {label}",
        "retail.giftcard.series",
        "create",
        ({"name": "Bad input new series", "prefix": "7707", **vals},),
        user="superuser",
        expected=expected,
        strict=strict,
    )


BAD_INPUT_CASES += [
    # --- loyalty.card.retail_giftcard_check (the till's RPC) -------------------
    gc_check("None", None),
    gc_check("False", False),
    gc_check("integer", 770900000011),
    gc_check("float", 12.5),
    gc_check("NaN", NAN),
    gc_check("list", [GC_NUMBER]),
    gc_check("dict", {"number": GC_NUMBER}),
    gc_check("empty", ""),
    gc_check("spaces", "  \t "),
    gc_check("100,000 characters", HUGE_TEXT),
    gc_check("100,000 digits", "7" * 100_000),
    gc_check("NUL byte", "7709\x0000001"),
    gc_check("SQL quotes", SQL_QUOTES),
    gc_check("unicode digits", "٧٧٠٩٠٠٠٠٠٠١١"),
    gc_check("unknown number", GC_UNKNOWN),
    gc_check("wrong check digit", Ref("gc_bad_digit")),
    gc_check("card of no series", Ref("code")),
    gc_check("barcode with wrong PIN", Ref("gc_barcode_bad_pin")),
    gc_check("wrong PIN", GC_NUMBER, secret="000000x"),
    gc_check("PIN as number", GC_NUMBER, secret=123456),
    gc_check("PIN as list", GC_NUMBER, secret=["1"]),
    gc_check("PIN of 100,000 characters", GC_NUMBER, secret=HUGE_TEXT),
    gc_check("till as text", GC_NUMBER, config_id="1"),
    gc_check("negative till", GC_NUMBER, config_id=-1),
    gc_check("till NaN", GC_NUMBER, config_id=NAN),
    gc_check("missing till", GC_NUMBER, config_id=MISSING_ID),
    gc_check("huge till id", GC_NUMBER, config_id=2**63),
    gc_check("store not accepting it", GC_NUMBER, config_id=Ref("gc_other_store")),
    gc_check("by a salesman", GC_NUMBER, AccessError, user="salesman"),
    # --- block and transfer (store managers) -----------------------------------
    gc_block("no reason", ""),
    gc_block("reason None", None),
    gc_block("reason spaces", "   "),
    gc_block("reason not text", 123),
    gc_block("reason list", ["lost"]),
    gc_block("by a cashier", "Lost", user="cashier", expected=AccessError),
    gc_block("already blocked", "Lost", records="gc_blocked", expected=UserError),
    gc_block("card of no series", "Lost", records="gift_card", expected=UserError),
    gc_block("missing card", "Lost", records="missing_card", expected=UserError),
    gc_block("other company's card", "Lost", records="card_b", expected=AccessError),
    gc_transfer("target None", None),
    gc_transfer("target as text", "1", expected=ValidationError),
    gc_transfer("target NaN", NAN, expected=ValidationError),
    gc_transfer("target negative", -1, expected=ValidationError),
    gc_transfer("target as list", [1], expected=ValidationError),
    gc_transfer("missing target", MISSING_ID),
    gc_transfer("to itself", Ref("gc_blocked")),
    gc_transfer("to another series", Ref("gc_other")),
    gc_transfer("to a card of no series", Ref("gift_card")),
    gc_transfer("card not blocked", Ref("gc_target"), records="gc_card"),
    gc_transfer("no balance", Ref("gc_target"), records="gc_blocked_empty"),
    gc_transfer("no reason", Ref("gc_target"), reason="", expected=ValidationError),
    gc_transfer("reason None", Ref("gc_target"), reason=None, expected=ValidationError),
    gc_transfer("two cards", Ref("gc_target"), records="gc_two_cards"),
    gc_transfer("by a cashier", Ref("gc_target"), user="cashier", expected=AccessError),
    gc_transfer(
        "store as text",
        Ref("gc_target"),
        kwargs={"store_id": "1"},
        expected=ValidationError,
    ),
    gc_transfer(
        "missing store",
        Ref("gc_target"),
        kwargs={"store_id": MISSING_ID},
        expected=ValidationError,
    ),
    Case(
        "giftcard block wizard: no reason",
        "retail.giftcard.block",
        "action_block",
        user="store_manager",
        expected=ValidationError,
        create={"card_id": Ref("gc_card"), "reason": " "},
    ),
    Case(
        "giftcard block wizard: move to itself",
        "retail.giftcard.block",
        "action_block",
        user="store_manager",
        create={
            "card_id": Ref("gc_blocked"),
            "reason": "Lost",
            "target_card_id": Ref("gc_blocked"),
        },
        expected=UserError,
    ),
    Case(
        "giftcard block wizard: by a cashier",
        "retail.giftcard.block",
        "action_block",
        create={"card_id": Ref("gc_card"), "reason": "Lost"},
        expected=AccessError,
    ),
    # --- series (settings) and their actions -----------------------------------
    gc_series("prefix with letters", {"prefix": "77AB"}),
    gc_series("prefix with quotes", {"prefix": SQL_QUOTES}),
    gc_series("prefix unicode digits", {"prefix": "٧٧٠٧"}),
    gc_series("prefix overlapping another", {"prefix": "770"}),
    gc_series("prefix too long", {"prefix": "77071234", "number_length": 10}),
    gc_series("minimum above maximum", {"min_load": 50, "max_load": 10}),
    gc_series("load above balance", {"max_load": 500, "max_balance": 100}),
    Case(
        "giftcard series: change the prefix once numbered",
        "retail.giftcard.series",
        "write",
        ({"prefix": "7706"},),
        records="gc_series",
        user="superuser",
        expected=UserError,
    ),
    Case(
        "giftcard: change the number of a card",
        "loyalty.card",
        "write",
        ({"code": GC_UNKNOWN},),
        records="gc_card",
        user="superuser",
        expected=UserError,
    ),
    Case(
        "giftcard: activate by hand",
        "loyalty.card",
        "write",
        ({"retail_state": "active"},),
        records="gc_new",
        user="head_office",
        expected=AccessError,
    ),
    # --- generation wizard (head office) ---------------------------------------
    gc_generate("zero cards", {"quantity": 0}),
    gc_generate("negative quantity", {"quantity": -5}),
    gc_generate("over a million cards", {"quantity": 1_000_001}),
    gc_generate("negative initial amount", {"quantity": 1, "face_value": -10}),
    gc_generate(
        "initial amount above the maximum", {"quantity": 1, "face_value": 1e12}
    ),
    gc_generate("initial amount below the minimum", {"quantity": 1, "face_value": 1}),
    gc_generate("already expired", {"quantity": 1, "expiration_date": "2000-01-01"}),
    gc_generate("by a store manager", {"quantity": 1}, AccessError, "store_manager"),
    # --- bulk load wizard: sources ----------------------------------------------
    gc_load("no file", {"source": "file"}),
    gc_load("no cards chosen", {"source": "cards", "amount": 10}),
    gc_load(
        "customers without cards",
        {
            "source": "customers",
            "partner_ids": [(6, 0, [Ref("customer")])],
            "amount": 10,
        },
    ),
    gc_load("negative amount", {"card_ids": [(6, 0, [Ref("gc_card")])], "amount": -10}),
    gc_load("zero amount", {"card_ids": [(6, 0, [Ref("gc_card")])], "amount": 0}),
    gc_load(
        "over the maximum", {"card_ids": [(6, 0, [Ref("gc_card")])], "amount": 301}
    ),
    gc_load("blocked card", {"card_ids": [(6, 0, [Ref("gc_blocked")])], "amount": 10}),
    gc_load(
        "card of another series",
        {"card_ids": [(6, 0, [Ref("gc_other")])], "amount": 10},
    ),
    gc_load(
        "by a store manager",
        {"card_ids": [(6, 0, [Ref("gc_card")])], "amount": 10},
        AccessError,
        "store_manager",
    ),
    # --- bulk load wizard: files ------------------------------------------------
    gc_file("empty", b"", kind="raw"),
    gc_file("header only", [["number", "amount"]]),
    gc_file("blank lines only", b"\n\n ,\n;;\n", kind="raw"),
    gc_file("not base64", "%%% not base64 %%%", kind="base64"),
    gc_file("binary garbage", bytes(range(256)) * 4, kind="raw"),
    gc_file("NUL bytes", b"770900000011,10\x00\x00\n", kind="raw"),
    gc_file(
        "Latin-1",
        [["número", "importe"], [GC_NUMBER, "10"], ["ñ", "1"]],
        encoding="latin-1",
    ),
    gc_file("UTF-16", [["number", "amount"], [GC_NUMBER, "10"]], encoding="utf-16"),
    gc_file("fake XLSX", b"PK\x03\x04" + b"\x00" * 100, kind="raw"),
    gc_file("ZIP that is no workbook", [["a.txt", "hello"]], kind="zip"),
    gc_file("over 100,000 lines", [[GC_NUMBER, "1"]] * 100_001),
    gc_file("one column", [["number"], [GC_NUMBER], [GC_UNKNOWN]]),
    gc_file("columns swapped", [["amount", "number"], ["10", GC_NUMBER]]),
    gc_file("quoted cells", [[f'"{SQL_QUOTES}"', "10"], [GC_NUMBER, "'10'"]]),
    gc_file("unicode", [["number", "amount"], [UNICODE, "10"]]),
    gc_file("100,000-character cell", [["number", "amount"], [HUGE_TEXT, HUGE_TEXT]]),
    gc_file(
        "semicolons and decimal comma",
        [["number", "amount"], [GC_NUMBER, "-10,5"]],
        delimiter=";",
    ),
    gc_line("negative amount", "-10"),
    gc_line("zero amount", "0"),
    gc_line("NaN amount", "NaN"),
    gc_line("infinite amount", "inf"),
    gc_line("overflowing amount", "1e400"),
    gc_line("huge amount", "1e300"),
    gc_line("text amount", "ten"),
    gc_line("empty amount", ""),
    gc_line("amount with currency", "10 €"),
    gc_line("unknown number", "10", number=GC_UNKNOWN),
    gc_line("wrong check digit", "10", number=Ref("gc_bad_digit")),
    gc_line("number of another series", "10", number=Ref("gc_other_number")),
    gc_line("blocked card", "10", number=Ref("gc_blocked_number")),
    gc_line("SQL quotes in the number", "10", number=SQL_QUOTES),
    gc_file(
        "one good line, one bad",
        [["number", "amount"], [GC_NUMBER, "10"], [GC_UNKNOWN, "10"]],
    ),
    gc_file(
        "two lines over the maximum balance",
        [["number", "amount"], [GC_NUMBER, "300"], [GC_NUMBER, "300"]],
    ),
    gc_file(
        "XLSX with text amounts",
        [["number", "amount"], [GC_NUMBER, "ten"]],
        kind="xlsx",
    ),
    gc_file(
        "XLSX with NaN-like amount",
        [["number", "amount"], [GC_NUMBER, "nan"]],
        kind="xlsx",
    ),
    gc_file(
        "XLSX negative amount", [["number", "amount"], [GC_NUMBER, -10]], kind="xlsx"
    ),
    gc_file(
        "XLSX huge amount", [["number", "amount"], [GC_NUMBER, 1e300]], kind="xlsx"
    ),
    gc_file("XLSX empty sheet", [], kind="xlsx"),
    gc_file(
        "XLSX number as a float",
        [["number", "amount"], [770999999990.0, 10]],
        kind="xlsx",
    ),
    gc_load(
        "every line refused, partial load asked",
        {
            "source": "file",
            "allow_partial": True,
            "file": File([["number", "amount"], [GC_UNKNOWN, "10"], [GC_NUMBER, "-1"]]),
        },
        expected=None,
    ),
    # --- invoice payment wizard -------------------------------------------------
    gc_pay("negative amount", {"amount": -10}),
    gc_pay("zero amount", {"amount": 0}),
    gc_pay("more than the invoice", {"amount": 1e9}),
    gc_pay("more than the card holds", {"amount": 150}),
    gc_pay("unknown number", {"number": GC_UNKNOWN}),
    gc_pay("wrong check digit", {"number": Ref("gc_bad_digit")}),
    gc_pay("quotes in the number", {"number": SQL_QUOTES}),
    gc_pay("unicode number", {"number": UNICODE}),
    gc_pay("wrong PIN", {"pin": "000000x"}),
    gc_pay("no PIN", {"pin": False}),
    gc_pay("blocked card", {"number": Ref("gc_blocked_number")}),
    gc_pay("draft invoice", {"move_id": Ref("gc_draft_invoice")}),
    gc_pay("vendor bill", {"move_id": Ref("gc_bill")}),
    # --- outstanding balances export (XLSX) ------------------------------------
    Case(
        "giftcard outstanding export: year 9999",
        "retail.giftcard.outstanding",
        "action_export",
        user="head_office",
        create={"date": "9999-12-31"},
        expected=None,
    ),
    Case(
        "giftcard outstanding export: no company",
        "retail.giftcard.outstanding",
        "action_export",
        user="head_office",
        create={"company_ids": [(6, 0, [])]},
        expected=None,
    ),
    Case(
        "giftcard outstanding export: another user's company",
        "retail.giftcard.outstanding",
        "action_export",
        user="head_office",
        create={"company_ids": [(6, 0, [Ref("franchise")])]},
        expected=AccessError,
    ),
]


# --- retail_incidents ----------------------------------------------------------
def incident_log(label, config, partner, category, problem, **kw):
    """The till's "log an incident" button for the current customer."""
    return Case(
        f"incident from the till: {label}",
        "retail.incident",
        "retail_pos_log_incident",
        (config, partner, category, problem),
        user=kw.pop("user", "pos_cashier"),
        expected=kw.pop("expected", UserError),
    )


STORE, CUSTOMER = Ref("store"), Ref("customer")


def incident_export(label, vals, expected=UserError):
    return Case(
        f"incident export: {label}",
        "retail.incident.analysis.export",
        "action_export",
        user="manager",
        expected=expected,
        create=vals,
    )


BAD_INPUT_CASES += [
    incident_log("till None", None, CUSTOMER, False, "Broken"),
    incident_log("till as text", "abc", CUSTOMER, False, "Broken"),
    incident_log("till NaN", NAN, CUSTOMER, False, "Broken"),
    incident_log("till infinite", INF, CUSTOMER, False, "Broken"),
    incident_log("till float", 1.5, CUSTOMER, False, "Broken"),
    incident_log("negative till", -1, CUSTOMER, False, "Broken"),
    incident_log("huge till id", 2**63, CUSTOMER, False, "Broken"),
    incident_log("missing till", MISSING_ID, CUSTOMER, False, "Broken"),
    incident_log("till as list", [1], CUSTOMER, False, "Broken"),
    incident_log("till as dict", {"id": 1}, CUSTOMER, False, "Broken"),
    incident_log("customer None", STORE, None, False, "Broken"),
    incident_log("customer as text", STORE, "Rosa", False, "Broken"),
    incident_log("customer NaN", STORE, NAN, False, "Broken"),
    incident_log("negative customer", STORE, -7, False, "Broken"),
    incident_log("huge customer id", STORE, HUGE_INT, False, "Broken"),
    incident_log("missing customer", STORE, MISSING_ID, False, "Broken"),
    incident_log("category as text", STORE, CUSTOMER, "x", "Broken"),
    incident_log("category NaN", STORE, CUSTOMER, NAN, "Broken"),
    incident_log("negative category", STORE, CUSTOMER, -1, "Broken"),
    incident_log("missing category", STORE, CUSTOMER, MISSING_ID, "Broken"),
    incident_log("no problem", STORE, CUSTOMER, False, ""),
    incident_log("problem None", STORE, CUSTOMER, False, None),
    incident_log("problem spaces", STORE, CUSTOMER, False, " \t\n "),
    incident_log("problem as number", STORE, CUSTOMER, False, 123),
    incident_log("problem as list", STORE, CUSTOMER, False, ["Broken"]),
    incident_log(
        "by a user without till", STORE, CUSTOMER, False, "Broken", user="salesman"
    )._replace(expected=AccessError),
    # --- resolution actions ---------------------------------------------------
    Case(
        "incident: resolve without resolution",
        "retail.incident",
        "action_resolve",
        records="incident",
        user="manager",
        strict=False,
    ),
    Case(
        "incident: resolve a missing one",
        "retail.incident",
        "action_resolve",
        records="missing_incident",
        user="manager",
        expected=UserError,
    ),
    Case(
        "incident: resolved before it happened",
        "retail.incident",
        "write",
        (
            {
                "state": "resolved",
                "resolution": "Done",
                "date_resolved": "2000-01-01 00:00:00",
            },
        ),
        records="incident",
        user="manager",
        strict=False,
    ),
    Case(
        "incident: resolution of quotes only",
        "retail.incident",
        "write",
        ({"state": "resolved", "resolution": "   "},),
        records="incident",
        user="manager",
        strict=False,
    ),
    # --- analysis export wizard -----------------------------------------------
    incident_export(
        "end before start", {"date_from": "2026-02-01", "date_to": "2026-01-01"}
    ),
    incident_export(
        "empty period", {"date_from": "2000-01-01", "date_to": "2000-01-31"}
    ),
    incident_export("year 9999", {"date_from": "9999-12-31", "date_to": "9999-12-31"}),
    incident_export("year 1", {"date_from": "0001-01-01", "date_to": "0001-01-01"}),
]


def gc_series_sql(label, vals):
    """A series refused by a CHECK constraint of the table: PostgreSQL refuses
    it and the RPC layer turns that into a ValidationError (over JSON-RPC)."""
    return Case(
        f"giftcard series: {label}",
        "retail.giftcard.series",
        "create",
        ({"name": "Bad input new series", "prefix": "7707", **vals},),
        user="head_office",
        strict=False,
    )


def set_tier(label, tier_id, reason="Bad input test", expected=ValidationError):
    """``loyalty.card.action_retail_set_tier`` (retail_loyalty, store managers)."""
    return Case(
        f"loyalty set tier: {label}",
        "loyalty.card",
        "action_retail_set_tier",
        (tier_id, reason),
        records="gift_card",
        user="store_manager",
        expected=expected,
    )


BAD_INPUT_CASES += [
    set_tier("tier as text", "abc"),
    set_tier("tier NaN", NAN),
    set_tier("tier as a list", [1]),
    set_tier("tier beyond integers", 2**63),
    set_tier("huge tier", HUGE_INT),
    set_tier("missing tier", MISSING_ID),
    set_tier("negative tier", -1),
    set_tier("reason missing", False, reason=""),
    set_tier("reason not text", False, reason=42),
]


GIFTCARD_HTTP_CASES = [
    gc_series_sql("3-digit numbers", {"number_length": 3}),
    gc_series_sql("99-digit numbers", {"number_length": 99}),
    gc_series_sql("negative maximum load", {"max_load": -5}),
    gc_series_sql("negative validity", {"validity_months": -1}),
]


# --- entry points without arguments: buttons and view actions -------------------
def button(label, model, method, records, expected=UserError, user="manager", **kw):
    """A form's button (its records are the first argument over RPC)."""
    return Case(
        label,
        model,
        method,
        kw.pop("args", ()),
        kw.pop("kwargs", None),
        records=records,
        user=user,
        expected=expected,
        **kw,
    )


BAD_INPUT_CASES += [
    # retail_customer
    button(
        "channel customers: missing channel",
        "retail.channel",
        "action_view_customers",
        "channel_missing",
        expected=None,
    ),
    button(
        "segment customers: missing segment",
        "retail.segment",
        "action_view_customers",
        "missing_segment",
        expected=None,
    ),
    Case(
        "anonymise wizard: a user's partner",
        "retail.gdpr.anonymize",
        "action_confirm",
        user="manager",
        expected=UserError,
        create={"partner_ids": [(6, 0, [Ref("user_partner")])], "reason": "Asked"},
    ),
    Case(
        "marketing export defaults: ids as text",
        "retail.customer.export",
        "default_get",
        (["domain"],),
        {"context": {"active_model": "res.partner", "active_ids": "1,2"}},
        user="salesman",
        expected=None,
    ),
    Case(
        "company: keep a file apart by a salesman",
        "res.company",
        "write",
        ({"retail_customer_file": "own"},),
        records="franchise",
        user="salesman",
        expected=AccessError,
    ),
    Case(
        "till flag: cleared by a cashier",
        "pos.order",
        "action_retail_clear_till_flag",
        ("Checked",),
        records="pos_order_missing",
        expected=AccessError,
    ),
    Case(
        "till flag: reason as a list",
        "pos.order",
        "action_retail_clear_till_flag",
        (["Checked"],),
        records="pos_order_missing",
        user="superuser",
    ),
    # retail_card: Odoo's till and back-office calls that retail_card overrides
    Case(
        "till gift card status: code as a list",
        "loyalty.card",
        "get_gift_card_status",
        (["x"], Ref("store")),
        user="pos_cashier",
    ),
    Case(
        "till gift card status: till as text",
        "loyalty.card",
        "get_gift_card_status",
        (UNKNOWN_CODE, "1"),
        user="pos_cashier",
    ),
    Case(
        "till card partner: code None",
        "loyalty.card",
        "get_loyalty_card_partner_by_code",
        (None,),
        user="pos_cashier",
    ),
    Case(
        "till card partner: 100,000 characters",
        "loyalty.card",
        "get_loyalty_card_partner_by_code",
        (HUGE_TEXT,),
        user="pos_cashier",
    ),
    Case(
        "till coupon code: code as a number",
        "pos.config",
        "use_coupon_code",
        (12345, "2026-01-01 00:00:00", False, False),
        records="store",
        user="pos_cashier",
    ),
    Case(
        "till coupon code: 100,000 characters",
        "pos.config",
        "use_coupon_code",
        (HUGE_TEXT, "2026-01-01 00:00:00", False, False),
        records="store",
        user="pos_cashier",
    ),
    Case(
        "till coupon points: changes as text",
        "pos.order",
        "validate_coupon_programs",
        ("points", {}),
        records="pos_order_missing",
        user="pos_cashier",
    ),
    Case(
        "till coupon confirmation: data as text",
        "pos.order",
        "confirm_coupon_programs",
        ("coupons",),
        records="pos_order_missing",
        user="pos_cashier",
    ),
    Case(
        "card export: by a cashier",
        "loyalty.card",
        "export_data",
        (["code", "points"],),
        records="gift_card",
        expected=AccessError,
    ),
    Case(
        "history: forge a movement",
        "loyalty.history",
        "create",
        ({"card_id": CARD, "issued": 1000, "used": 0},),
        user="head_office",
        expected=AccessError,
    ),
    Case(
        "native balance wizard: negative balance",
        "loyalty.card.update.balance",
        "action_update_card_point",
        user="store_manager",
        create={"card_id": CARD, "new_balance": -5, "description": "x"},
    ),
    Case(
        "native coupon generation: by a cashier",
        "loyalty.generate.wizard",
        "generate_coupons",
        create={"program_id": Ref("gift_program"), "coupon_qty": 5},
        expected=AccessError,
    ),
    Case(
        "failed lookups: rewrite one",
        "retail.card.lookup.failure",
        "write",
        ({"query": "x"},),
        records="missing_lookup_failure",
        user="head_office",
        expected=AccessError,
    ),
]


# --- retail_gift_registry --------------------------------------------------------
def gift_list_till(label, method, config, value, expected=ValidationError, **kw):
    """The till's gift list search and items (``*_related``: the till's format)."""
    return Case(
        f"gift list till {method}: {label}",
        "retail.gift.registry",
        method,
        (config, value),
        user=kw.pop("user", "pos_cashier"),
        expected=expected,
    )


GL_SEARCH, GL_SEARCH_TILL = "retail_pos_search", "retail_pos_search_related"
GL_ITEMS, GL_ITEMS_TILL = "retail_pos_items", "retail_pos_items_related"
GL_OPEN = Ref("gl_open")

BAD_INPUT_CASES += [
    gift_list_till("till None", GL_SEARCH, None, "Rosa"),
    gift_list_till("till as text", GL_SEARCH, "1", "Rosa"),
    gift_list_till("missing till", GL_SEARCH, MISSING_ID, "Rosa"),
    gift_list_till("query as number", GL_SEARCH, STORE, 612345678),
    gift_list_till("query of 100,000 characters", GL_SEARCH, STORE, HUGE_TEXT),
    gift_list_till("SQL quotes", GL_SEARCH, STORE, SQL_QUOTES, expected=None),
    gift_list_till("till NaN", GL_SEARCH_TILL, NAN, "Rosa"),
    gift_list_till("huge till id", GL_SEARCH_TILL, 2**63, "Rosa"),
    gift_list_till("query as list", GL_SEARCH_TILL, STORE, ["Rosa"]),
    gift_list_till("query None", GL_SEARCH_TILL, STORE, None),
    gift_list_till("NUL byte", GL_SEARCH_TILL, STORE, "Ro\x00sa"),
    gift_list_till("unicode", GL_SEARCH_TILL, STORE, UNICODE, expected=None),
    gift_list_till("quotes and wildcards", GL_SEARCH_TILL, STORE, QUOTES, None),
    gift_list_till("list as text", GL_ITEMS, STORE, "1"),
    gift_list_till("list NaN", GL_ITEMS, STORE, NAN),
    gift_list_till("missing list", GL_ITEMS, STORE, MISSING_ID),
    gift_list_till("draft list", GL_ITEMS, STORE, Ref("gl_draft"), UserError),
    gift_list_till("till as list", GL_ITEMS, [1], GL_OPEN),
    gift_list_till("list None", GL_ITEMS_TILL, STORE, None),
    gift_list_till("huge list id", GL_ITEMS_TILL, STORE, HUGE_INT),
    gift_list_till("negative list", GL_ITEMS_TILL, STORE, -1),
    gift_list_till("draft list", GL_ITEMS_TILL, STORE, Ref("gl_draft"), UserError),
    gift_list_till("missing till", GL_ITEMS_TILL, MISSING_ID, GL_OPEN),
    # the list's buttons
    button(
        "gift list: open it twice", "retail.gift.registry", "action_open", "gl_open"
    ),
    button(
        "gift list: close a draft", "retail.gift.registry", "action_close", "gl_draft"
    ),
    button(
        "gift list: deliver an open list",
        "retail.gift.registry",
        "action_mark_delivered",
        "gl_open",
    ),
    button(
        "gift list: deliver a draft now",
        "retail.gift.registry",
        "action_deliver_now",
        "gl_draft",
    ),
    button(
        "gift list: deliver now, nothing held",
        "retail.gift.registry",
        "action_deliver_now",
        "gl_open",
    ),
    button(
        "gift list: settle an open list",
        "retail.gift.registry",
        "action_settle",
        "gl_open",
        user="gift_list_manager",
    ),
    button(
        "gift list: settle by a salesman",
        "retail.gift.registry",
        "action_settle",
        "gl_open",
        user="salesman",
    ),
    button(
        "gift list: reopen by a salesman",
        "retail.gift.registry",
        "action_reopen",
        "gl_open",
        expected=AccessError,
        user="salesman",
    ),
    button(
        "gift list: reopen an open list, reason a list",
        "retail.gift.registry",
        "action_reopen",
        "gl_open",
        user="gift_list_manager",
        kwargs={"reason": ["why"]},
    ),
    button(
        "gift list: deliveries of a missing list",
        "retail.gift.registry",
        "action_view_deliveries",
        "gl_missing",
        expected=None,
    ),
    button(
        "gift list: statement of a missing list",
        "retail.gift.registry",
        "action_send_statement",
        "gl_missing",
        expected=None,
    ),
    button(
        "gift list: thank-you list, nothing bought",
        "retail.gift.registry",
        "action_export_thank_you",
        "gl_open",
    ),
    Case(
        "gift list: create it open",
        "retail.gift.registry",
        "create",
        (
            {
                "title": "Bad input",
                "type_id": 1,
                "owner_id": CUSTOMER,
                "event_date": "2026-06-20",
                "state": "open",
            },
        ),
        user="salesman",
        expected=AccessError,
    ),
    Case(
        "gift list: settle by editing",
        "retail.gift.registry",
        "write",
        ({"state": "settled"},),
        records="gl_open",
        user="manager",
        expected=AccessError,
    ),
    Case(
        "gift list item: gifts not taken as text",
        "retail.gift.registry.item",
        "write",
        ({"qty_not_taken": "two"},),
        records="gl_item",
        user="gift_list_manager",
    ),
    Case(
        "gift list item: gifts not taken by a salesman",
        "retail.gift.registry.item",
        "write",
        ({"qty_not_taken": 1},),
        records="gl_item",
        user="salesman",
        expected=AccessError,
    ),
    Case(
        "gift list item: created with gifts not taken",
        "retail.gift.registry.item",
        "create",
        (
            {
                "registry_id": Ref("gl_draft"),
                "product_id": 1,
                "qty_wanted": 1,
                "qty_not_taken": 1,
            },
        ),
        user="salesman",
        expected=AccessError,
    ),
    button(
        "gift list item: deliver now, nothing held",
        "retail.gift.registry.item",
        "action_deliver_now",
        "gl_item",
    ),
    button(
        "gift list item: deliver now from a draft",
        "retail.gift.registry.item",
        "action_deliver_now",
        "gl_draft_item",
    ),
    Case(
        "gift list reopen wizard: by a salesman",
        "retail.gift.registry.reopen",
        "action_reopen",
        user="salesman",
        expected=AccessError,
        create={"registry_ids": [(6, 0, [GL_OPEN])], "reason": "Asked"},
    ),
    Case(
        "gift list thank-you export: nothing bought",
        "retail.gift.registry.thanks.export",
        "action_export",
        user="manager",
        expected=UserError,
        create={"registry_id": GL_OPEN},
    ),
    button(
        "quotation: add a list's items without a list",
        "sale.order",
        "action_retail_gift_registry_add_remaining",
        "quotation",
    ),
]


# --- retail_giftcard: buttons and wizards of orders and invoices ------------------
BAD_INPUT_CASES += [
    button(
        "giftcard: pay a vendor bill",
        "account.move",
        "action_retail_giftcard_pay",
        "gc_bill",
        expected=None,
        user="accountant",
    ),
    button(
        "giftcard: pay a quotation",
        "sale.order",
        "action_retail_giftcard_pay",
        "quotation",
        expected=None,
        user="salesman",
    ),
    Case(
        "giftcard sale payment: a quotation",
        "retail.giftcard.sale.pay",
        "action_pay",
        user="superuser",
        create={"order_id": Ref("quotation"), "number": GC_NUMBER, "amount": 10},
        expected=UserError,
    ),
    Case(
        "giftcard sale payment: unknown number",
        "retail.giftcard.sale.pay",
        "action_pay",
        user="superuser",
        create={"order_id": Ref("quotation"), "number": GC_UNKNOWN, "amount": 10},
        expected=UserError,
    ),
    Case(
        "giftcard sale payment defaults: order as text",
        "retail.giftcard.sale.pay",
        "default_get",
        (["amount", "order_id"],),
        {"context": {"default_order_id": "abc"}},
        user="manager",
        expected=None,
    ),
    Case(
        "giftcard invoice payment defaults: missing invoice",
        "retail.giftcard.invoice.pay",
        "default_get",
        (["amount", "move_id"],),
        {"context": {"default_move_id": MISSING_ID}},
        user="accountant",
        expected=UserError,
    ),
    button(
        "giftcard series: cards of a series, by a cashier",
        "retail.giftcard.series",
        "action_view_cards",
        "gc_series",
        user="cashier",
        expected=None,
    ),
    button(
        "giftcard series: generate by a cashier",
        "retail.giftcard.series",
        "action_open_generate",
        "gc_series",
        user="cashier",
        expected=None,
    ),
    button(
        "giftcard: open the block wizard on a missing card",
        "loyalty.card",
        "action_retail_open_block",
        "missing_card",
        user="store_manager",
        expected=None,
    ),
]


# --- retail_incidents: the incident's buttons --------------------------------------
BAD_INPUT_CASES += [
    button(
        "incident: start a missing one",
        "retail.incident",
        "action_start",
        "missing_incident",
    ),
    button(
        "incident: cancel a missing one",
        "retail.incident",
        "action_cancel",
        "missing_incident",
    ),
    button(
        "incident: reopen a missing one",
        "retail.incident",
        "action_reopen",
        "missing_incident",
    ),
    button(
        "incident: documents of a missing one",
        "retail.incident",
        "action_view_documents",
        "missing_incident",
        None,
    ),
    button(
        "incident: customer's incidents, missing customer",
        "res.partner",
        "action_view_retail_incidents",
        "missing_partner",
        None,
    ),
    button(
        "incident: order's incidents, missing order",
        "sale.order",
        "action_view_retail_incidents",
        "missing_order",
    ),
    button(
        "incident: till order's incidents, missing order",
        "pos.order",
        "action_view_retail_incidents",
        "pos_order_missing",
        user="pos_cashier",
    ),
    button(
        "incident: invoice's incidents, missing invoice",
        "account.move",
        "action_view_retail_incidents",
        "missing_move",
    ),
    button(
        "incident: transfer's incidents, missing transfer",
        "stock.picking",
        "action_view_retail_incidents",
        "missing_picking",
    ),
    Case(
        "incident: created resolved without resolution",
        "retail.incident",
        "create",
        ({"partner_id": CUSTOMER, "description": "x", "state": "resolved"},),
        user="manager",
        strict=False,
    ),
    Case(
        "incident: unlink it from its order",
        "sale.order",
        "write",
        ({"retail_incident_ids": [(5, 0, 0)]},),
        records="quotation",
        user="manager",
        expected=AccessError,
    ),
]


# --- retail_loyalty ----------------------------------------------------------------
def loyalty_adjust(label, vals, expected=ValidationError, user="store_manager"):
    """The wizard that loads or deducts points by hand."""
    return Case(
        f"loyalty adjust wizard: {label}",
        "retail.loyalty.adjust",
        "action_apply",
        user=user,
        expected=expected,
        create={
            "program_id": Ref("gift_program"),
            "points": 10,
            "reason_id": Ref("ly_reason"),
            "card_ids": [(6, 0, [CARD])],
            **vals,
        },
    )


def tier_override(label, vals, expected=ValidationError, user="store_manager"):
    return Case(
        f"loyalty tier wizard: {label}",
        "retail.loyalty.tier.override",
        "action_apply",
        user=user,
        expected=expected,
        create={"card_ids": [(6, 0, [CARD])], "reason": "Bad input test", **vals},
    )


BAD_INPUT_CASES += [
    loyalty_adjust("negative points", {"points": -5}),
    loyalty_adjust("zero points", {"points": 0}),
    loyalty_adjust("NaN points", {"points": NAN}),
    loyalty_adjust("infinite points", {"points": INF}),
    loyalty_adjust("no reason", {"reason_id": False}),
    loyalty_adjust("no cards", {"card_ids": [(6, 0, [])]}, UserError),
    loyalty_adjust(
        "another company's card", {"card_ids": [(6, 0, [Ref("card_b")])]}, AccessError
    ),
    loyalty_adjust(
        "deduct more than the balance",
        {"operation": "deduct", "points": 1e9},
        UserError,
    ),
    loyalty_adjust("note of 100,000 characters", {"note": HUGE_TEXT}),
    loyalty_adjust("by a cashier", {}, AccessError, "cashier"),
    Case(
        "loyalty adjust defaults: ids as text",
        "retail.loyalty.adjust",
        "default_get",
        (["card_ids", "program_id"],),
        {"context": {"active_model": "loyalty.card", "active_ids": "1,2"}},
        user="store_manager",
        expected=None,
    ),
    tier_override("no tier, no reason", {"reason": " "}),
    tier_override(
        "back to automatic by a cashier", {"unlock": True}, AccessError, "cashier"
    ),
    tier_override(
        "another company's card", {"card_ids": [(6, 0, [Ref("card_b")])]}, AccessError
    ),
    Case(
        "loyalty tier defaults: ids as text",
        "retail.loyalty.tier.override",
        "default_get",
        (["card_ids"],),
        {"context": {"active_model": "loyalty.card", "active_ids": "1,2"}},
        user="store_manager",
        expected=None,
    ),
    button(
        "loyalty: unlock a tier by a cashier",
        "loyalty.card",
        "action_retail_unlock_tier",
        "gift_card",
        AccessError,
        "cashier",
    ),
    button(
        "loyalty: unlock another company's card",
        "loyalty.card",
        "action_retail_unlock_tier",
        "card_b",
        AccessError,
        "store_manager",
    ),
    button(
        "loyalty: send a notice by a cashier",
        "loyalty.card",
        "action_retail_send_notice",
        "gift_card",
        AccessError,
        "cashier",
    ),
    button(
        "loyalty: send a notice on a missing card",
        "loyalty.card",
        "action_retail_send_notice",
        "missing_card",
        UserError,
        "store_manager",
    ),
]


# --- retail_promotions ---------------------------------------------------------------
def discount_scan(label, code, config=STORE, expected=ValidationError, **kw):
    """The till's discount card scan."""
    return Case(
        f"discount card scan: {label}",
        "loyalty.card",
        "retail_discount_card_scan",
        (code, config),
        user=kw.pop("user", "pos_cashier"),
        expected=expected,
    )


def allowance(label, partner, programs, expected=ValidationError, **kw):
    """The till's question: what is left of an employee's monthly discount."""
    return Case(
        f"employee allowance: {label}",
        "loyalty.program",
        "retail_employee_allowance",
        (partner, programs),
        user=kw.pop("user", "pos_cashier"),
        expected=expected,
    )


def promotion_export(label, vals, expected=UserError):
    return Case(
        f"promotion results export: {label}",
        "retail.promotion.results.export",
        "action_export",
        user="manager",
        expected=expected,
        create={"program_ids": [(6, 0, [Ref("gift_program")])], **vals},
    )


BAD_INPUT_CASES += [
    discount_scan("code None", None, expected=None),
    discount_scan("code as number", 12345),
    discount_scan("code as list", ["x"]),
    discount_scan("code of 100,000 characters", HUGE_TEXT),
    discount_scan("NUL byte", "ab\x00c"),
    discount_scan("unknown code", UNKNOWN_CODE, expected=None),
    discount_scan("SQL quotes", SQL_QUOTES, expected=None),
    discount_scan("till None", UNKNOWN_CODE, None),
    discount_scan("till as text", UNKNOWN_CODE, "abc"),
    discount_scan("till NaN", UNKNOWN_CODE, NAN),
    discount_scan("till as list", UNKNOWN_CODE, [1]),
    discount_scan("huge till id", UNKNOWN_CODE, 2**63),
    discount_scan("missing till", UNKNOWN_CODE, MISSING_ID),
    allowance("customer as text", "1", []),
    allowance("customer None", None, []),
    allowance("customer NaN", NAN, []),
    allowance("huge customer id", HUGE_INT, []),
    allowance("negative customer", -1, []),
    allowance("negative promotion id", CUSTOMER, [-1]),
    allowance("missing customer", MISSING_ID, [], expected=None),
    allowance("promotions as text", CUSTOMER, "1,2"),
    allowance("promotions as dict", CUSTOMER, {"1": 1}),
    allowance("huge promotion id", CUSTOMER, [HUGE_INT]),
    allowance("promotion ids as text", CUSTOMER, ["1"], expected=None),
    allowance("not an employee", CUSTOMER, [Ref("gift_program")], expected=None),
    allowance("by a user without till", CUSTOMER, [], AccessError, user="employee"),
    button(
        "promotion: discount cards of a missing one",
        "loyalty.program",
        "action_retail_discount_cards",
        "missing_program",
        None,
    ),
    promotion_export(
        "end before start", {"date_from": "2026-02-01", "date_to": "2026-01-01"}
    ),
    promotion_export("year 9999", {"date_from": "9999-12-01", "date_to": "9999-12-31"}),
    promotion_export("year 1", {"date_from": "0001-01-01", "date_to": "0001-01-31"}),
    promotion_export(
        "comparison without end",
        {
            "date_from": "2026-01-01",
            "date_to": "2026-01-31",
            "compare_from": "2025-01-01",
        },
    ),
    Case(
        "promotion: edited by a cashier",
        "loyalty.program",
        "write",
        ({"retail_employee_ceiling": -5},),
        records="gift_program",
        expected=AccessError,
    ),
    Case(
        "promotion: created by a cashier",
        "loyalty.program",
        "create",
        ({"name": "Bad input"},),
        expected=AccessError,
    ),
    Case(
        "promotion: customer made an employee by a cashier",
        "res.partner",
        "write",
        ({"retail_is_employee": True},),
        records="customer",
        expected=AccessError,
    ),
]


# --- retail_surveys -------------------------------------------------------------------
def survey_export(label, vals, expected=UserError):
    return Case(
        f"questionnaire export: {label}",
        "retail.survey.analysis.export",
        "action_export",
        user="superuser",
        expected=expected,
        create={"survey_id": Ref("sv_survey"), **vals},
    )


def survey_wizard(label, method, lines, expected=UserError, user="manager", **vals):
    """The questionnaire asked when a salesperson confirms a quotation."""
    return Case(
        f"questionnaire at confirmation {method}: {label}",
        "retail.survey.sale.wizard",
        method,
        user=user,
        expected=expected,
        strict=False,
        create={
            "order_id": Ref("sv_order"),
            "rule_id": Ref("sv_rule"),
            **vals,
            "line_ids": [
                (0, 0, {"question_id": Ref("sv_question"), **line}) for line in lines
            ],
        },
    )


BAD_INPUT_CASES += [
    survey_wizard("question left unanswered", "action_answer", [{}]),
    survey_wizard(
        "rating out of range", "action_answer", [{"rating": 99}], ValidationError
    ),
    survey_wizard(
        "negative rating", "action_answer", [{"rating": -1}], ValidationError
    ),
    survey_wizard("skip a questionnaire that cannot be", "action_skip", [{}]),
    survey_wizard(
        "another team's questionnaire",
        "action_answer",
        [{"rating": 3}],
        rule_id=Ref("sv_other_rule"),
    ),
    survey_export("two stores, none chosen", {"compare": "stores"}),
    survey_export(
        "end before start",
        {"compare": "periods", "date_from": "2026-02-01", "date_to": "2026-01-01"},
    ),
    survey_export(
        "year 9999",
        {
            "compare": "periods",
            "date_from": "9999-12-31",
            "date_to": "9999-12-31",
            "date_from_b": "0001-01-01",
            "date_to_b": "0001-01-01",
        },
        None,
    ),
    Case(
        "questionnaire statistics: refresh by a cashier",
        "retail.survey.answer.stat",
        "action_retail_refresh",
        expected=AccessError,
    ),
]


# --- Odoo's own entry points that the retail modules override --------------------
def native(label, model, method, records, args=(), expected=AccessError, **kw):
    """A native button or write, called on records the user may not touch or
    that do not exist: the retail override refuses (or lets Odoo refuse) it
    with a user error, never a traceback."""
    return Case(
        f"native {model}.{method}: {label}",
        model,
        method,
        args,
        records=records,
        user=kw.pop("user", "cashier"),
        expected=expected,
        **kw,
    )


BAD_INPUT_CASES += [
    native("by a cashier", "sale.order", "action_confirm", "quotation"),
    native("by a cashier", "sale.order", "unlink", "quotation"),
    native("by a cashier", "sale.order", "write", "quotation", ({"note": "x"},)),
    Case(
        "native sale.order.line.create: by a cashier",
        "sale.order.line",
        "create",
        ({"order_id": Ref("quotation"), "name": "x", "product_uom_qty": 1},),
        expected=AccessError,
    ),
    native(
        "missing line",
        "sale.order.line",
        "write",
        "missing_order_line",
        ({"product_uom_qty": 2},),
        UserError,
        user="salesman",
    ),
    native("by a cashier", "sale.order.line", "unlink", "missing_order_line"),
    native(
        "missing order",
        "pos.order",
        "write",
        "pos_order_missing",
        ({"general_note": "x"},),
        UserError,
        user="pos_cashier",
    ),
    native(
        "missing order",
        "pos.order",
        "action_pos_order_paid",
        "pos_order_missing",
        expected=UserError,
        user="pos_cashier",
    ),
    Case(
        "native pos.order.line.create: missing order",
        "pos.order.line",
        "create",
        (
            {
                "order_id": MISSING_ID,
                "product_id": 1,
                "qty": 1,
                "price_subtotal": 1,
                "price_subtotal_incl": 1,
            },
        ),
        user="pos_cashier",
        expected=UserError,
    ),
    native(
        "missing line",
        "pos.order.line",
        "write",
        "missing_pos_line",
        ({"qty": 2},),
        UserError,
        user="pos_cashier",
    ),
    native(
        "missing payment",
        "pos.payment",
        "write",
        "missing_pos_payment",
        ({"amount": 2},),
        UserError,
        user="pos_cashier",
    ),
    Case(
        "native pos.payment.method.create: by a cashier",
        "pos.payment.method",
        "create",
        ({"name": "Bad input"},),
        user="pos_cashier",
        expected=AccessError,
    ),
    native(
        "missing record",
        "stock.picking",
        "button_validate",
        "missing_picking",
        expected=UserError,
    ),
    native(
        "missing record",
        "stock.picking",
        "write",
        "missing_picking",
        ({"origin": "x"},),
        UserError,
    ),
    native(
        "missing record",
        "account.move",
        "write",
        "missing_move",
        ({"ref": "x"},),
        expected=UserError,
    ),
    native(
        "missing record",
        "account.move",
        "button_draft",
        "missing_move",
        expected=UserError,
    ),
    native(
        "missing record",
        "account.move",
        "button_cancel",
        "missing_move",
        expected=UserError,
    ),
    native("by a cashier", "account.payment", "action_draft", "missing_payment"),
    Case(
        "native res.company.create: by a salesman",
        "res.company",
        "create",
        ({"name": "Bad input company"},),
        user="salesman",
        expected=AccessError,
    ),
    Case(
        "native loyalty.card.create: with a balance, by a cashier",
        "loyalty.card",
        "create",
        ({"program_id": Ref("gift_program"), "points": 100},),
        expected=AccessError,
    ),
    native(
        "by head office",
        "loyalty.history",
        "write",
        "gift_card_history",
        ({"issued": 1000},),
        user="head_office",
    ),
    native(
        "by head office",
        "loyalty.history",
        "unlink",
        "gift_card_history",
        user="head_office",
    ),
]

# retail_marketing: the blacklists (they withdraw consents), mailings to
# customers and the customer list's campaign action
BAD_INPUT_CASES += [
    Case(
        "blacklist: not an email",
        "mail.blacklist",
        "create",
        ({"email": "not an email"},),
        user="marketer",
        expected=UserError,
    ),
    Case(
        "blacklist: by a cashier",
        "mail.blacklist",
        "create",
        ({"email": "someone@example.com"},),
        expected=AccessError,
    ),
    Case(
        "blacklist: rewritten by a cashier",
        "mail.blacklist",
        "write",
        ({"email": "other@example.com"},),
        records="blacklisted_email",
        expected=AccessError,
    ),
    Case(
        "phone blacklist: not a number",
        "phone.blacklist",
        "create",
        ({"number": "not a number"},),
        user="marketer",
        expected=UserError,
    ),
    Case(
        "phone blacklist: by a cashier",
        "phone.blacklist",
        "create",
        ({"number": "+34611000998"},),
        expected=AccessError,
    ),
    Case(
        "phone blacklist: rewritten by a cashier",
        "phone.blacklist",
        "write",
        ({"number": "+34611000997"},),
        records="blacklisted_phone",
        expected=AccessError,
    ),
    Case(
        "mailing: holdout of 500 %",
        "mailing.mailing",
        "create",
        (
            {
                "subject": "Bad input",
                "mailing_model_id": Ref("partner_model"),
                "retail_holdout_percent": 500,
            },
        ),
        user="marketer",
        strict=False,
    ),
    Case(
        "mailing: by a cashier",
        "mailing.mailing",
        "create",
        ({"subject": "Bad input"},),
        expected=AccessError,
    ),
    Case(
        "campaign from the list: by a cashier",
        "res.partner",
        "action_retail_send_campaign",
        records="customer",
        expected=AccessError,
    ),
    Case(
        "recurring mailing: days of 10^12",
        "mailing.mailing",
        "write",
        ({"retail_occasion_days": 10**12},),
        records="recurring_mailing",
        user="marketer",
    ),
    Case(
        "recurring mailing: birthday 400 days ahead",
        "mailing.mailing",
        "write",
        ({"retail_occasion_days": 400},),
        records="recurring_mailing",
        user="marketer",
        strict=False,
    ),
    Case(
        "mailing: rewritten by a cashier",
        "mailing.mailing",
        "write",
        ({"subject": "Bad input"},),
        records="recurring_mailing",
        expected=AccessError,
    ),
    Case(
        "mailing: sent with an unclosed placeholder",
        "mailing.mailing",
        "action_put_in_queue",
        records="malformed_mailing",
        user="marketer",
        expected=UserError,
    ),
    Case(
        "mailing: a recurring mailing sent once",
        "mailing.mailing",
        "action_put_in_queue",
        records="recurring_mailing",
        user="marketer",
        expected=UserError,
    ),
    Case(
        "recurring mailing: started without an occasion",
        "mailing.mailing",
        "action_retail_start",
        records="malformed_mailing",
        user="marketer",
        expected=UserError,
    ),
    Case(
        "recurring mailing: started by a cashier",
        "mailing.mailing",
        "action_retail_start",
        records="recurring_mailing",
        expected=AccessError,
    ),
    Case(
        "recurring mailing: stopped by a cashier",
        "mailing.mailing",
        "action_retail_stop",
        records="recurring_mailing",
        expected=AccessError,
    ),
    Case(
        "recurring mailing: stopped when not running",
        "mailing.mailing",
        "action_retail_stop",
        records="recurring_mailing",
        user="marketer",
        expected=None,
    ),
    Case(
        "campaign results export: never sent",
        "utm.campaign",
        "action_retail_export_results",
        records="unsent_campaign",
        user="marketer",
        expected=UserError,
    ),
    Case(
        "campaign results export: by a cashier",
        "utm.campaign",
        "action_retail_export_results",
        records="unsent_campaign",
        expected=AccessError,
    ),
    Case(
        "campaign results export wizard: never sent",
        "retail.marketing.results.export",
        "action_export",
        user="marketer",
        expected=UserError,
        create={"campaign_id": Ref("unsent_campaign")},
    ),
    Case(
        "campaign from the list: nobody selected",
        "res.partner",
        "action_retail_send_campaign",
        records="no_partner",
        user="marketer",
        expected=UserError,
    ),
]

# retail_marketing: the campaign log is written by the actions, never by hand;
# retail_marketing_loyalty: a notice batch names an existing campaign
BAD_INPUT_CASES += [
    Case(
        "campaign log: written by hand by a marketer",
        "retail.marketing.action",
        "create",
        ({"campaign_id": Ref("unsent_campaign"), "kind": "export"},),
        user="marketer",
        expected=AccessError,
    ),
    Case(
        "campaign log: written by hand by a cashier",
        "retail.marketing.action",
        "create",
        ({"campaign_id": Ref("unsent_campaign"), "kind": "export"},),
        expected=AccessError,
    ),
    Case(
        "loyalty notices: for a campaign given as text",
        "loyalty.card",
        "action_retail_send_notice",
        kwargs={"context": {"retail_campaign_id": "'; DROP TABLE utm_campaign"}},
        records="gift_card",
        user="store_manager",
        expected=UserError,
    ),
    Case(
        "loyalty notices for a campaign defaults: ids as text",
        "retail.marketing.notice.send",
        "default_get",
        (["card_ids"],),
        {"context": {"active_model": "loyalty.card", "active_ids": "1,2"}},
        user="store_manager",
        expected=None,
    ),
    Case(
        "loyalty notices for a campaign defaults: ids of 10^400 and text",
        "retail.marketing.notice.send",
        "default_get",
        (["card_ids"],),
        {"context": {"active_model": "loyalty.card", "active_ids": [HUGE_INT, "x"]}},
        user="store_manager",
        expected=None,
    ),
    Case(
        "loyalty notices for a campaign: no card",
        "retail.marketing.notice.send",
        "action_send",
        user="store_manager",
        expected=UserError,
        create={"campaign_id": Ref("unsent_campaign")},
    ),
    Case(
        "loyalty notices for a campaign: by a cashier",
        "retail.marketing.notice.send",
        "action_send",
        expected=AccessError,
        create={"campaign_id": Ref("unsent_campaign"), "card_ids": [(6, 0, [CARD])]},
    ),
    Case(
        "loyalty notices for a campaign: a card of another company",
        "retail.marketing.notice.send",
        "action_send",
        user="store_manager",
        expected=AccessError,
        create={
            "campaign_id": Ref("unsent_campaign"),
            "card_ids": [(6, 0, [Ref("card_b")])],
        },
    ),
    Case(
        "loyalty notices: for a campaign that does not exist",
        "loyalty.card",
        "action_retail_send_notice",
        kwargs={"context": {"retail_campaign_id": MISSING_ID}},
        records="gift_card",
        user="store_manager",
        expected=UserError,
    ),
]

# retail_marketing_coupon: a personal coupon per recipient
BAD_INPUT_CASES += [
    Case(
        "campaign coupons: valid for -1 day",
        "mailing.mailing",
        "create",
        (
            {
                "subject": "Bad input",
                "mailing_model_id": Ref("partner_model"),
                "retail_coupon_program_id": Ref("promotion_program"),
                "retail_coupon_valid_days": -1,
            },
        ),
        user="marketer",
        strict=False,
    ),
    Case(
        "campaign coupons: sent by a cashier",
        "mailing.mailing",
        "action_send_sms",
        records="coupon_mailing",
        expected=AccessError,
    ),
]

# retail_promotions: the sale order's promotions explained on demand
BAD_INPUT_CASES += [
    Case(
        "explain promotions: by a cashier",
        "sale.order",
        "action_retail_explain_promotions",
        records="quotation",
        expected=AccessError,
    ),
    Case(
        "explain promotions: a quotation without lines",
        "sale.order",
        "action_retail_explain_promotions",
        records="quotation",
        user="manager",
        expected=None,
    ),
]

# retail_pickup: pick-up messages sent by hand and from the till
BAD_INPUT_CASES += [
    Case(
        "pick-up message: an order that is no reservation",
        "sale.order",
        "action_retail_pickup_send",
        records="quotation",
        user="manager",
        expected=UserError,
    ),
    Case(
        "pick-up message: by a cashier in the back office",
        "sale.order",
        "action_retail_pickup_send",
        records="quotation",
        expected=AccessError,
    ),
    Case(
        "pick-up customer called: an order not to call",
        "sale.order",
        "action_retail_pickup_called",
        records="quotation",
        user="manager",
        expected=None,
    ),
    Case(
        "pick-up customer called: by a cashier",
        "sale.order",
        "action_retail_pickup_called",
        records="quotation",
        expected=AccessError,
    ),
    Case(
        "till pick-up message: an id that is text",
        "sale.order",
        "retail_pickup_send_from_till",
        (Ref("store"), "1"),
        expected=UserError,
    ),
    Case(
        "till pick-up message: an order that is not the store's reservation",
        "sale.order",
        "retail_pickup_send_from_till",
        (Ref("store"), Ref("quotation")),
        expected=AccessError,
    ),
    Case(
        "till pick-up message: an unknown till",
        "sale.order",
        "retail_pickup_send_from_till",
        (MISSING_ID, Ref("quotation")),
        expected=ValidationError,
    ),
    native(
        "missing record made ready",
        "stock.move",
        "write",
        "missing_stock_move",
        ({"state": "assigned"},),
        UserError,
    ),
]


# --- retail_aftersales: services at the till ------------------------------------
def aftersales(label, method, args, expected=ValidationError, **kw):
    kw.setdefault("user", "aftersales_cashier")
    return Case(
        f"aftersales: {label}", "repair.order", method, args, expected=expected, **kw
    )


def intake(label, values, expected=ValidationError):
    return aftersales(
        label, "retail_till_take_service", (Ref("store"), values), expected
    )


INTAKE = {"partner_id": Ref("customer"), "service_type": "alteration"}

BAD_INPUT_CASES += [
    aftersales(
        "purchases, till as text", "retail_till_purchases", ("1", Ref("customer"))
    ),
    aftersales(
        "purchases, missing till",
        "retail_till_purchases",
        (MISSING_ID, Ref("customer")),
    ),
    aftersales("purchases, no customer", "retail_till_purchases", (Ref("store"), None)),
    aftersales("purchases, huge id", "retail_till_purchases", (Ref("store"), HUGE_INT)),
    aftersales(
        "purchases, not a service cashier",
        "retail_till_purchases",
        (Ref("store"), Ref("customer")),
        expected=AccessError,
        user="cashier",
    ),
    intake("service, no values", None),
    intake("service, a list", [1, 2]),
    intake("service, missing customer", {**INTAKE, "partner_id": MISSING_ID}),
    intake("service, unknown type", {**INTAKE, "service_type": SQL_QUOTES}),
    intake("service, no item", INTAKE),
    intake("service, missing item", {**INTAKE, "pos_line_id": MISSING_ID}),
    intake("service, two items", {**INTAKE, "pos_line_id": 1, "sale_line_id": 1}),
    intake("service, item as text", {**INTAKE, "sale_line_id": "1"}),
    intake("service, negative item", {**INTAKE, "pos_line_id": -1}),
    aftersales("find, no query", "retail_till_find_services", (Ref("store"), None)),
    aftersales(
        "find, huge query", "retail_till_find_services", (Ref("store"), HUGE_TEXT)
    ),
    aftersales("find, NUL byte", "retail_till_find_services", (Ref("store"), "RO\x00")),
    aftersales(
        "find, unknown ticket",
        "retail_till_find_services",
        (Ref("store"), UNKNOWN_CODE),
        expected=UserError,
    ),
    aftersales(
        "find, SQL in the ticket",
        "retail_till_find_services",
        (Ref("store"), SQL_QUOTES[:60]),
        expected=UserError,
    ),
    aftersales(
        "find, missing customer",
        "retail_till_find_services",
        (Ref("store"), None, MISSING_ID),
    ),
    aftersales(
        "collect, unknown service",
        "retail_till_collect",
        (Ref("store"), MISSING_ID),
        expected=UserError,
    ),
    aftersales("collect, id as text", "retail_till_collect", (Ref("store"), "1")),
    aftersales("collect, NaN id", "retail_till_collect", (Ref("store"), NAN)),
    Case(
        "aftersales: a cashier writes a missing service",
        "repair.order",
        "write",
        ({"retail_promised_date": "2020-01-01"},),
        records="aftersales_missing",
        user="aftersales_cashier",
        expected=MissingError,
    ),
]

# --- retail_clienteling: the till's customer panel and suggestions -----------------


def clienteling(label, method, args, expected=ValidationError, user="pos_cashier"):
    return Case(
        f"clienteling: {label}",
        "pos.config",
        method,
        args,
        records="store",
        user=user,
        expected=expected,
    )


def panel(label, *args, **kwargs):
    return clienteling(f"panel, {label}", "retail_clienteling_panel", args, **kwargs)


def suggest(label, *args, **kwargs):
    return clienteling(
        f"suggestions, {label}", "retail_clienteling_suggestions", args, **kwargs
    )


BAD_INPUT_CASES += [
    panel("a customer", Ref("customer"), [], expected=None),
    panel("no customer", False, []),
    panel("customer None", None, []),
    panel("customer as text", "1", []),
    panel("customer as list", [1], []),
    panel("customer as float", 1.5, []),
    panel("negative customer", -1, []),
    panel("huge customer id", HUGE_INT, []),
    panel("customer True", True, []),
    panel("missing customer", MISSING_ID, [], expected=UserError),
    panel("basket as text", Ref("customer"), "1,2"),
    panel("basket as dict", Ref("customer"), {"a": 1}),
    panel("basket of text", Ref("customer"), ["1"]),
    panel("basket of booleans", Ref("customer"), [True]),
    panel("basket with NaN", Ref("customer"), [NAN]),
    panel("basket of 501 products", Ref("customer"), list(range(1, 502))),
    panel("unknown products", Ref("customer"), [MISSING_ID], expected=None),
    panel("limit zero", Ref("customer"), [], 0),
    panel("limit as text", Ref("customer"), [], "5"),
    panel("limit NaN", Ref("customer"), [], NAN),
    panel("limit 10,000", Ref("customer"), [], 10_000),
    panel("by an employee", Ref("customer"), [], user="employee", expected=AccessError),
    suggest("no customer", False, [], expected=None),
    suggest("customer of SQL quotes", SQL_QUOTES, []),
    suggest("customer as dict", {"id": 1}, []),
    suggest("missing customer", MISSING_ID, [], expected=UserError),
    suggest("basket None", False, None, expected=None),
    suggest("basket as text", False, SQL_QUOTES),
    suggest("basket of negative ids", False, [-1]),
    suggest("basket of huge ids", False, [HUGE_INT]),
    suggest("basket of lists", False, [[1]]),
    suggest("unknown products", False, [MISSING_ID, 1], expected=None),
    suggest("limit negative", False, [], -3),
    suggest("limit as float", False, [], 2.5),
    suggest("limit infinite", False, [], INF),
    suggest("by an employee", False, [], user="employee", expected=AccessError),
]


# retail_clienteling: receipt message rules, the receipt fields of an order, the
# analyses' export
def receipt_rule(label, vals, expected=ValidationError, user="superuser"):
    return Case(
        f"receipt rule: {label}",
        "retail.receipt.rule",
        "create",
        ({"name": "Bad input rule", "message": "Hello {first_name}", **vals},),
        user=user,
        expected=expected,
        strict=False,
    )


def clienteling_export(label, vals, expected=UserError):
    return Case(
        f"clienteling analyses export: {label}",
        "retail.clienteling.analysis.export",
        "action_export",
        user="superuser",
        expected=expected,
        create=vals,
    )


BAD_INPUT_CASES += [
    receipt_rule("unknown placeholder", {"message": "Hi {password}"}),
    receipt_rule("format placeholder", {"message": "Hi %(name)s {0}"}),
    receipt_rule("NUL byte", {"message": "Hi\x00"}),
    receipt_rule("100,000 characters", {"message": HUGE_TEXT}),
    receipt_rule("negative days", {"last_purchase_min_days": -1}),
    receipt_rule("days out of range", {"last_purchase_max_days": 10**6}),
    receipt_rule(
        "at least more than at most",
        {"last_purchase_min_days": 30, "last_purchase_max_days": 10},
    ),
    receipt_rule("coupon valid 100 years", {"coupon_valid_days": 36500}),
    receipt_rule("negative coupon days", {"coupon_valid_days": -5}),
    receipt_rule("priority out of range", {"priority": 2**31 - 1}),
    receipt_rule(
        "a gift card program as coupon",
        {"coupon_program_id": Ref("gift_program")},
    ),
    receipt_rule("by a cashier", {}, expected=AccessError, user="pos_cashier"),
    Case(
        "receipt rule: write a NUL byte",
        "retail.receipt.rule",
        "write",
        ({"message": "Hi\x00"},),
        records="receipt_rule",
        user="superuser",
    ),
    Case(
        "receipt rule: write an unknown placeholder",
        "retail.receipt.rule",
        "write",
        ({"message": "Hi {partner.email}"},),
        records="receipt_rule",
        user="superuser",
        strict=False,
    ),
    Case(
        "receipt message: written by a cashier",
        "pos.order",
        "write",
        ({"retail_receipt_message": "Free TV"},),
        records="pos_order_missing",
        user="pos_cashier",
        expected=AccessError,
    ),
    clienteling_export(
        "end before start", {"date_from": "2026-02-01", "date_to": "2026-01-01"}
    ),
    clienteling_export(
        "year 1 to 9999",
        {"date_from": "0001-01-01", "date_to": "9999-12-31"},
        expected=None,
    ),
]


# retail_aftersales_pickup: a finished service's customer to call
BAD_INPUT_CASES += [
    Case(
        "service customer called: by a cashier",
        "repair.order",
        "action_retail_pickup_called",
        records="aftersales_missing",
        user="aftersales_cashier",
        expected=AccessError,
    ),
    Case(
        "service customer called: an unknown service",
        "repair.order",
        "action_retail_pickup_called",
        records="aftersales_missing",
        user="superuser",
        expected=MissingError,
    ),
]

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

from odoo.exceptions import AccessError, UserError, ValidationError

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
)


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

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every case of ``bad_input.BAD_INPUT_CASES``, called as the web client and the
till call (``call_kw``, then a few over real JSON-RPC): each must end in the
expected UserError / ValidationError / AccessError (or answer cleanly when it
expects to) and leave the business tables exactly as before."""

import base64
import csv
import io
import json
import logging
import zipfile

import xlsxwriter

import odoo.exceptions
from odoo.fields import Command
from odoo.service.model import call_kw
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import SQL

from .bad_input import (
    BAD_INPUT_CASES,
    GIFTCARD_HTTP_CASES,
    MISSING_ID,
    NAN,
    SNAPSHOT_TABLES,
    UNKNOWN_CODE,
    Case,
    File,
    Ref,
)

_logger = logging.getLogger(__name__)

# The table keeps at least this many cases (README.md and docs/security.md report
# the count): a case removed by mistake fails the run.
MIN_CASES = 600


class _Rollback(Exception):
    """Raised to roll a case's savepoint back once its outcome is known."""


class BadInputMixin:
    @classmethod
    def _setup_fixtures(cls):
        env = cls.env
        cls.spain = env.ref("base.es")
        env.company.country_id = cls.spain
        cls.channel_store = env.ref("retail_customer.retail_channel_store")
        cls.users = {
            "cashier": new_test_user(
                env,
                login="bad_cashier",
                groups="base.group_user,retail_card.group_card_cashier",
            ),
            "store_manager": new_test_user(
                env,
                login="bad_store_manager",
                groups="base.group_user,retail_card.group_card_store_manager",
            ),
            "head_office": new_test_user(
                env,
                login="bad_head_office",
                groups="retail_card.group_card_head_office",
            ),
            "salesman": new_test_user(
                env, login="bad_salesman", groups="sales_team.group_sale_salesman"
            ),
            "manager": new_test_user(
                env,
                login="bad_manager",
                groups="sales_team.group_sale_manager,base.group_partner_manager",
            ),
        }
        cls.store = env["pos.config"].create({"name": "Bad input store"})
        program = env["loyalty.program"].create(
            {"name": "Bad input gift cards", "program_type": "gift_card"}
        )
        cls.gift_card = env["loyalty.card"].create({"program_id": program.id})
        env["loyalty.card"]._retail_post_movements(
            [{"card": cls.gift_card, "amount": 50, "kind": "load"}]
        )
        cls.gift_card._retail_set_secret()
        cls.code = cls.gift_card.code
        cls.franchise = env["res.company"].create({"name": "Bad input franchise"})
        program_b = env["loyalty.program"].create(
            {
                "name": "Franchise gift cards",
                "program_type": "gift_card",
                "company_id": cls.franchise.id,
            }
        )
        cls.card_b = env["loyalty.card"].create({"program_id": program_b.id})
        cls.missing_card = env["loyalty.card"].browse(MISSING_ID)
        cls.card_number = "TARJ-BAD-1"
        Partner = env["res.partner"]
        cls.customer = Partner.create(
            {
                "name": "Rosa Malformada",
                "country_id": cls.spain.id,
                "email": "rosa@example.com",
                "card_number": cls.card_number,
                "retail_channel_id": cls.channel_store.id,
            }
        )
        cls.other_customer = Partner.create({"name": "Rosa Otra"})
        cls.two_partners = cls.customer | cls.other_customer
        cls.company_partner = Partner.create(
            {"name": "Malformada SL", "is_company": True}
        )
        cls.user_partner = cls.users["salesman"].partner_id
        cls.no_partner = Partner.browse()
        cls.missing_partner = Partner.browse(MISSING_ID)
        cls.two_companies = env.company | cls.franchise
        cls.segment = env["retail.segment"].create({"name": "Bad input segment"})
        cls.empty_export = (
            env["retail.customer.export"]
            .with_user(cls.users["salesman"])
            .create({"domain": "[('id', '=', 0)]"})
        )
        cls.users["pos_cashier"] = new_test_user(
            env,
            login="bad_pos_cashier",
            groups="base.group_user,point_of_sale.group_pos_user",
        )
        cls.users["employee"] = new_test_user(
            env, login="bad_employee", groups="base.group_user"
        )
        cls.quotation = env["sale.order"].create({"partner_id": cls.customer.id})
        cls.missing_order = env["sale.order"].browse(MISSING_ID)
        cls.channel_missing = env["retail.channel"].browse(MISSING_ID)
        cls.missing_segment = env["retail.segment"].browse(MISSING_ID)
        cls.pos_order_missing = env["pos.order"].browse(MISSING_ID)
        cls.gift_program = program
        cls.gift_card_history = cls.gift_card.history_ids
        for fixture, model in (
            ("missing_move", "account.move"),
            ("missing_payment", "account.payment"),
            ("missing_picking", "stock.picking"),
            ("missing_stock_move", "stock.move"),
            ("missing_order_line", "sale.order.line"),
            ("missing_pos_line", "pos.order.line"),
            ("missing_pos_payment", "pos.payment"),
            ("missing_lookup_failure", "retail.card.lookup.failure"),
        ):
            setattr(cls, fixture, env[model].browse(MISSING_ID))
        cls.missing_program = program.browse(MISSING_ID)
        if "retail.giftcard.series" in env:
            cls._setup_giftcard_fixtures()
        if "retail.incident" in env:
            cls._setup_incident_fixtures()
        if "retail.gift.registry" in env:
            cls._setup_gift_list_fixtures()
        if "retail.loyalty.adjust" in env:
            cls._setup_loyalty_fixtures()
        if "retail.survey.rule" in env:
            cls._setup_survey_fixtures()
        if "retail.marketing.holdout" in env:
            cls._setup_marketing_fixtures()
        if "repair.order" in env:
            cls._setup_aftersales_fixtures()
        if "retail.receipt.rule" in env:
            cls.receipt_rule = env["retail.receipt.rule"].create(
                {"name": "Bad input receipt rule", "message": "Hello {first_name}"}
            )

    @classmethod
    def _setup_aftersales_fixtures(cls):
        env = cls.env
        cls.users["aftersales_cashier"] = new_test_user(
            env,
            login="bad_aftersales_cashier",
            groups="base.group_user,retail_aftersales.group_aftersales_cashier",
        )
        cls.aftersales_missing = env["repair.order"].browse(MISSING_ID)

    @classmethod
    def _setup_marketing_fixtures(cls):
        env = cls.env
        cls.users["marketer"] = new_test_user(
            env,
            login="bad_marketer",
            groups="base.group_user,mass_mailing.group_mass_mailing_user,"
            "base.group_partner_manager",
        )
        cls.partner_model = env["ir.model"]._get("res.partner")
        cls.blacklisted_email = env["mail.blacklist"].create(
            {"email": "bad.input.blacklisted@example.com"}
        )
        cls.blacklisted_phone = env["phone.blacklist"].create(
            {"number": "+34611000999"}
        )
        mailing = {
            "mailing_model_id": cls.partner_model.id,
            "mailing_domain": repr([("id", "=", cls.customer.id)]),
            "body_html": "<p>Bad input</p>",
        }
        cls.malformed_mailing = env["mailing.mailing"].create(
            dict(mailing, subject="Hello {{ object.name")
        )
        cls.recurring_mailing = env["mailing.mailing"].create(
            dict(mailing, subject="Birthday", retail_occasion="birthday")
        )
        cls.unsent_campaign = env["utm.campaign"].create({"title": "Bad input"})
        if "retail_coupon_program_id" in env["mailing.mailing"]._fields:
            cls._setup_campaign_coupon_fixtures()

    @classmethod
    def _setup_campaign_coupon_fixtures(cls):
        env = cls.env
        cls.promotion_program = env["loyalty.program"].create(
            {"name": "Bad input promotion", "program_type": "promotion"}
        )
        cls.coupon_mailing = env["mailing.mailing"].create(
            {
                "subject": "Bad input coupons",
                "mailing_type": "sms",
                "body_plaintext": "{{ object.retail_campaign_coupon_code }}",
                "mailing_model_id": cls.partner_model.id,
                "retail_coupon_program_id": env["loyalty.program"]
                .create({"name": "Bad input coupons", "program_type": "coupons"})
                .id,
            }
        )

    @classmethod
    def _setup_gift_list_fixtures(cls):
        env = cls.env
        cls.users["gift_list_manager"] = new_test_user(
            env,
            login="bad_gift_list_manager",
            groups="sales_team.group_sale_manager,"
            "retail_gift_registry.group_gift_registry_manager",
        )
        vase = env["product.product"].create(
            {"name": "Bad input vase", "list_price": 40.0, "type": "consu"}
        )
        Registry = env["retail.gift.registry"]
        values = {
            "title": "Bad input wedding",
            "type_id": env.ref(
                "retail_gift_registry.retail_gift_registry_type_wedding"
            ).id,
            "owner_id": cls.customer.id,
            "event_date": "2026-06-20",
            "item_ids": [Command.create({"product_id": vase.id, "qty_wanted": 2})],
        }
        cls.gl_draft, cls.gl_open = Registry.create([values, dict(values)])
        cls.gl_open.action_open()
        cls.gl_item = cls.gl_open.item_ids
        cls.gl_draft_item = cls.gl_draft.item_ids
        cls.gl_missing = Registry.browse(MISSING_ID)

    @classmethod
    def _setup_loyalty_fixtures(cls):
        cls.ly_reason = cls.env["retail.loyalty.adjust.reason"].create(
            {"name": "Bad input reason"}
        )

    @classmethod
    def _setup_survey_fixtures(cls):
        env = cls.env
        cls.sv_survey = env["survey.survey"].create(
            {
                "title": "Bad input questionnaire",
                "retail_is_store": True,
                "question_and_page_ids": [
                    Command.create(
                        {
                            "title": "How was your visit?",
                            "question_type": "scale",
                            "scale_min": 1,
                            "scale_max": 5,
                        }
                    )
                ],
            }
        )
        cls.sv_question = cls.sv_survey.question_ids
        team = env["crm.team"].create({"name": "Bad input desk"})
        cls.sv_rule = env["retail.survey.rule"].create(
            {
                "survey_id": cls.sv_survey.id,
                "sale_team_ids": [Command.set(team.ids)],
                "allow_skip": False,
            }
        )
        other_team = env["crm.team"].create({"name": "Bad input other desk"})
        cls.sv_other_rule = env["retail.survey.rule"].create(
            {
                "survey_id": cls.sv_survey.id,
                "sale_team_ids": [Command.set(other_team.ids)],
            }
        )
        cls.sv_order = env["sale.order"].create(
            {"partner_id": cls.customer.id, "team_id": team.id}
        )

    @classmethod
    def _setup_incident_fixtures(cls):
        env = cls.env
        Incident = env["retail.incident"]
        logged = Incident.retail_pos_log_incident(
            cls.store.id, cls.customer.id, False, "Bad input: broken zip"
        )
        cls.incident = Incident.browse(logged["id"])
        cls.missing_incident = Incident.browse(MISSING_ID)

    @classmethod
    def _setup_giftcard_fixtures(cls):
        env = cls.env
        cls.users["accountant"] = new_test_user(
            env,
            login="bad_accountant",
            groups="base.group_user,account.group_account_invoice",
        )
        Series = env["retail.giftcard.series"]
        cls.gc_other_store = env["pos.config"].create({"name": "Bad input other"})
        cls.gc_series = Series.create(
            {
                "name": "Bad input series",
                "prefix": "7709",
                "number_length": 12,
                "min_load": 5,
                "max_load": 300,
                "max_balance": 500,
                "validity_months": 12,
                "allowed_config_ids": [Command.set(cls.store.ids)],
            }
        )
        cls.gc_other_series = Series.create(
            {"name": "Bad input other series", "prefix": "7708", "number_length": 12}
        )
        Card = env["loyalty.card"]
        cards = Card.browse(cls.gc_series._generate_cards(5))
        cls.gc_card, cls.gc_target, cls.gc_blocked, cls.gc_blocked_empty = cards[:4]
        cls.gc_new = cards[4]
        cls.gc_other = Card.browse(cls.gc_other_series._generate_cards(1))
        Card._retail_giftcard_load(
            [
                {"card": cls.gc_card, "amount": 100},
                {"card": cls.gc_blocked, "amount": 20},
                {"card": cls.gc_blocked_empty, "amount": 20},
            ]
        )
        Card._retail_giftcard_redeem([{"card": cls.gc_blocked_empty, "amount": 20}])
        (cls.gc_blocked | cls.gc_blocked_empty).action_retail_block("Lost")
        cls.gc_pin = cls.gc_card._retail_set_secret()[cls.gc_card.id]
        cls.gc_number = cls.gc_card.code
        last = int(cls.gc_number[-1])
        cls.gc_bad_digit = cls.gc_number[:-1] + str((last + 1) % 10)
        wrong_pin = f"{(int(cls.gc_pin) + 1) % 10**6:06d}"
        cls.gc_barcode_bad_pin = cls.gc_number + wrong_pin
        cls.gc_other_number = cls.gc_other.code
        cls.gc_blocked_number = cls.gc_blocked.code
        cls.gc_two_cards = cls.gc_card | cls.gc_target
        cls.gc_two_series = cls.gc_series | cls.gc_other_series
        cls.gc_account = env["account.account"].search(
            [("account_type", "=", "expense")], limit=1
        )
        Move = env["account.move"]
        line = {"name": "Bad input", "quantity": 1, "price_unit": 100}
        cls.gc_invoice, cls.gc_draft_invoice = Move.create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": cls.customer.id,
                    "invoice_line_ids": [Command.create(dict(line))],
                }
                for _index in range(2)
            ]
        )
        cls.gc_bill = Move.create(
            {
                "move_type": "in_invoice",
                "partner_id": cls.customer.id,
                "invoice_date": "2026-01-01",
                "invoice_line_ids": [Command.create(dict(line))],
            }
        )
        (cls.gc_invoice | cls.gc_bill).action_post()

    # ------------------------------------------------------------------
    def _resolve(self, value):
        if isinstance(value, File):
            return self._file(value)
        if isinstance(value, Ref):
            fixture = getattr(self, value.name)
            if isinstance(fixture, odoo.models.BaseModel):
                return fixture.id if len(fixture) == 1 else fixture.ids
            return fixture
        if isinstance(value, list | tuple):
            return type(value)(self._resolve(item) for item in value)
        if isinstance(value, dict):
            return {key: self._resolve(item) for key, item in value.items()}
        return value

    def _file(self, file):
        """The base64 content of an uploaded file."""
        if file.kind == "base64":
            return file.rows
        if file.kind == "raw":
            return base64.b64encode(file.rows).decode()
        rows = self._resolve(file.rows)
        output = io.BytesIO()
        if file.kind == "xlsx":
            workbook = xlsxwriter.Workbook(output, {"in_memory": True})
            sheet = workbook.add_worksheet()
            for index, row in enumerate(rows):
                sheet.write_row(index, 0, row)
            workbook.close()
        elif file.kind == "zip":
            with zipfile.ZipFile(output, "w") as archive:
                for name, content in rows:
                    archive.writestr(name, content)
        else:
            text = io.StringIO()
            csv.writer(text, delimiter=file.delimiter).writerows(rows)
            output.write(text.getvalue().encode(file.encoding))
        return base64.b64encode(output.getvalue()).decode()

    def _call_args(self, case):
        args = list(self._resolve(case.args))
        if case.records:
            args.insert(0, getattr(self, case.records).ids)
        return args, self._resolve(case.kwargs or {})

    def _snapshot(self):
        """A checksum of every row of the business tables."""
        self.env.flush_all()
        return {
            table: self.env.execute_query(
                SQL(
                    "SELECT count(*), md5(string_agg(t::text, '|' ORDER BY t::text)) "
                    "FROM %s t",
                    SQL.identifier(table),
                )
            )[0]
            for table in self._snapshot_tables()
        }

    def _snapshot_tables(self):
        """The business tables of the installed modules."""
        if not hasattr(type(self), "_tables_present"):
            rows = self.env.execute_query(
                SQL(
                    "SELECT table_name FROM information_schema.tables "
                    "WHERE table_name IN %s",
                    SNAPSHOT_TABLES,
                )
            )
            type(self)._tables_present = tuple(
                table for table in SNAPSHOT_TABLES if (table,) in set(rows)
            )
        return self._tables_present

    def _check_outcome(self, case, error):
        if case.expected is None:
            self.assertIsNone(error, f"{case.label}: should answer, got {error!r}")
            return
        self.assertIsInstance(
            error,
            case.expected,
            f"{case.label}: expected {case.expected.__name__}, got {error!r}",
        )
        if not issubclass(case.expected, odoo.exceptions.AccessError):
            # a refusal for lack of rights would hide the check of the input
            self.assertNotIsInstance(
                error, odoo.exceptions.AccessError, f"{case.label}: {error}"
            )
        message = str(error.args[0] if error.args else "")
        self.assertTrue(message.strip(), f"{case.label}: the error says nothing")
        self.assertNotIn("Traceback", message)


@tagged("post_install", "-at_install", "retail_security")
class TestBadInput(BadInputMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # failed lookups are logged through registry.cursor(): in test mode it
        # wraps the test's cursor, so each case's savepoint rolls them back too
        cls.registry_enter_test_mode_cls()
        cls._setup_fixtures()

    def _call(self, env, case):
        """Public methods as the web client and the till call them (call_kw);
        private ones (server APIs that other modules call) directly."""
        args, kwargs = self._call_args(case)
        if case.create is not None:
            # the form saved first (web_save), then its button
            record = call_kw(
                env[case.model], "create", [self._resolve(case.create)], {}
            )
            args.insert(0, [record] if isinstance(record, int) else record)
        if not case.method.startswith("_"):
            return call_kw(env[case.model], case.method, args, kwargs)
        records = env[case.model]
        if case.records:
            records = records.browse(args.pop(0))
        return getattr(records, case.method)(*args, **kwargs)

    def _run(self, case):
        """Call the case inside a savepoint; return its error and the snapshot
        taken before the savepoint is rolled back."""
        user = self.users.get(case.user)
        env = self.env(user=user) if user else self.env
        error = None
        try:
            with self.env.cr.savepoint():
                try:
                    self._call(env, case)
                except odoo.exceptions.UserError as exc:
                    error = exc
                after = self._snapshot()
                raise _Rollback(after)
        except _Rollback as rollback:
            after = rollback.args[0]
        finally:
            self.env.invalidate_all()
        return error, after

    def test_bad_input_table(self):
        before = self._snapshot()
        tried = skipped = 0
        for case in BAD_INPUT_CASES:
            if case.model not in self.env:
                skipped += 1
                continue
            tried += 1
            with self.subTest(case=case.label):
                try:
                    error, after = self._run(case)
                except Exception as exc:  # a traceback: the case fails, loop goes on
                    self.fail(f"{case.label}: {type(exc).__name__}: {exc}")
                self._check_outcome(case, error)
                # refused before anything is written (strict), or written then
                # refused by an ORM constraint and rolled back with the request
                after = after if case.strict else self._snapshot()
                changed = [table for table in before if before[table] != after[table]]
                self.assertFalse(changed, f"{case.label}: tables changed: {changed}")
        _logger.info(
            "Bad input: %s cases tried on the public entry points (%s skipped: "
            "module not installed)",
            tried,
            skipped,
        )
        self.assertGreaterEqual(len(BAD_INPUT_CASES), MIN_CASES)
        self.assertEqual(self._snapshot(), before)

    def test_table_is_well_formed(self):
        labels = [case.label for case in BAD_INPUT_CASES]
        self.assertEqual(len(labels), len(set(labels)), "labels are unique")
        for case in BAD_INPUT_CASES:
            self.assertIsInstance(case, Case)
            self.assertIn(case.user, {*self.users, "superuser"}, case.label)
            if case.create is not None:
                self.assertIsNone(case.records, case.label)
            self.assertTrue(
                case.expected is None
                or issubclass(case.expected, odoo.exceptions.UserError),
                case.label,
            )


# Cases sent over real JSON-RPC (HTTP, JSON encoding, session of the user).
HTTP_CASES = [
    Case("lookup: None", "loyalty.card", "retail_lookup", (None,)),
    Case("lookup: 100,000 characters", "loyalty.card", "retail_lookup", ("x" * 10**5,)),
    Case(
        "lookup: unknown code",
        "loyalty.card",
        "retail_lookup",
        (UNKNOWN_CODE,),
        expected=odoo.exceptions.UserError,
    ),
    Case(
        "lookup: wrong PIN",
        "loyalty.card",
        "retail_lookup",
        (Ref("code"),),
        {"secret": "000000x"},
        expected=odoo.exceptions.UserError,
    ),
    Case(
        "adjust: NaN in JSON",
        "loyalty.card",
        "action_retail_adjust",
        (NAN, "Not a number"),
        records="gift_card",
        user="store_manager",
    ),
    Case(
        "adjust: by a cashier",
        "loyalty.card",
        "action_retail_adjust",
        (5, "Why not"),
        records="gift_card",
        expected=odoo.exceptions.AccessError,
    ),
    Case("pos search: till as text", "res.partner", "retail_pos_search", ("1", "R")),
    Case(
        "pos search: SQL quotes",
        "res.partner",
        "retail_pos_search",
        (Ref("store"), "'; DROP TABLE res_partner; --"),
        expected=None,
    ),
    Case(
        "export personal data: by a cashier",
        "res.partner",
        "action_retail_export_personal_data",
        records="customer",
        expected=odoo.exceptions.AccessError,
    ),
    Case(
        "card: read PIN hash",
        "loyalty.card",
        "read",
        (["retail_secret_hash"],),
        records="gift_card",
        expected=odoo.exceptions.AccessError,
    ),
]


@tagged("post_install", "-at_install", "retail_security")
class TestBadInputJsonRpc(BadInputMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_fixtures()

    def _post(self, case):
        args, kwargs = self._call_args(case)
        payload = {
            "id": 1,
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": case.model,
                "method": case.method,
                "args": args,
                "kwargs": kwargs,
            },
        }
        # json.dumps writes NaN as the till's JavaScript never would; the server
        # must refuse it all the same
        return self.url_open(
            f"/web/dataset/call_kw/{case.model}/{case.method}",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        )

    def test_bad_input_over_json_rpc(self):
        before = self._snapshot()
        cases = HTTP_CASES + [
            case for case in GIFTCARD_HTTP_CASES if case.model in self.env
        ]
        for case in cases:
            with self.subTest(case=case.label):
                login = self.users[case.user].login
                self.authenticate(login, login)
                response = self._post(case)
                self.assertEqual(response.status_code, 200, case.label)
                body = response.json()
                error = body.get("error")
                if case.expected is None:
                    self.assertIsNone(error, f"{case.label}: {error}")
                else:
                    name = error["data"]["name"]
                    self.assertTrue(name.startswith("odoo.exceptions."), name)
                    raised = getattr(odoo.exceptions, name.rsplit(".", 1)[1])
                    self.assertTrue(issubclass(raised, case.expected), name)
                    self.assertNotIn("Traceback", error["data"]["message"])
                self.env.invalidate_all()
                self.assertEqual(self._snapshot(), before, case.label)
        _logger.info("Bad input: %s cases tried over JSON-RPC", len(cases))

    def test_anonymous_caller_refused(self):
        """Without a session, the entry points answer "session expired"."""
        with self.assertRaises(JsonRpcException) as caught:
            self.make_jsonrpc_request(
                "/web/dataset/call_kw/loyalty.card/retail_lookup",
                {
                    "model": "loyalty.card",
                    "method": "retail_lookup",
                    "args": [UNKNOWN_CODE],
                    "kwargs": {},
                },
            )
        self.assertEqual(caught.exception.code, 100)

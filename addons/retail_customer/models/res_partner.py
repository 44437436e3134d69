# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import re

import phonenumbers
from stdnum import get_cc_module
from stdnum.eu import vat as eu_vat
from stdnum.exceptions import ValidationError as StdnumError

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL, groupby

from .res_company import creating_companies
from .retail_channel import REQUIRABLE_PARTNER_FIELDS

CONSENT_SOURCES = [
    ("store", "In store"),
    ("online", "Online"),
    ("form", "Paper form"),
    ("import", "Import"),
    ("backoffice", "Back office"),
    ("erasure", "Erasure request"),
    ("other", "Other"),
]
CONSENT_CHANNELS = ("email", "sms")
# Group that reads (and writes) national ID numbers; managers have it.
NATIONAL_ID_GROUP = "retail_customer.group_retail_national_id"
# Group that anonymises customers and exports their personal data.
GDPR_GROUP = "sales_team.group_sale_manager"
KPI_FIELDS = [
    "retail_first_purchase_date",
    "retail_last_purchase_date",
    "retail_purchase_count",
    "retail_total_spent",
    "retail_average_basket",
    "retail_favorite_category_id",
    "retail_preferred_store_id",
]
# Spanish identity documents, tried in this order (stdnum modules).
SPANISH_ID_MODULES = ("es.dni", "es.nie", "es.nif", "es.cif")
RETAIL_IDENTIFIERS = ("customer_number", "card_number", "national_id")
IDENTIFIER_MAX_LENGTH = 64
SEARCH_MAX_OFFSET = 1_000_000


def national_number(e164):
    """National significant number of an E.164 number ('+34612345678' ->
    '612345678'; the French '+33612345678' -> '612345678'), or False."""
    if not e164:
        return False
    try:
        return str(phonenumbers.parse(e164).national_number)
    except phonenumbers.NumberParseException:
        return False


def trigram_index(definition):
    """An index that exists only where pg_trgm does (see hooks.pre_init_hook)."""
    return models.Index(lambda registry: definition if registry.has_trigram else "")


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Channel and customer file
    retail_channel_id = fields.Many2one(
        "retail.channel",
        string="Channel",
        index="btree_not_null",
        tracking=True,
        default=lambda self: self._retail_default_channel(),
        help="The channel this customer belongs to (store, wholesale, franchise, "
        "online).",
    )
    # Identifiers
    customer_number = fields.Char(
        copy=False,
        readonly=True,
        index="btree_not_null",
        help="Given from a sequence when the customer is created; unique in its "
        "customer file.",
    )
    card_number = fields.Char(
        string="Customer Card",
        copy=False,
        index="btree_not_null",
        help="Number of the customer's card, unique in its customer file.",
    )
    national_id = fields.Char(
        string="National ID",
        copy=False,
        index="btree_not_null",
        groups=NATIONAL_ID_GROUP,
        help="DNI, NIE, NIF or CIF in Spain; the national tax or identity number "
        "elsewhere. Stored without spaces or dashes.",
    )
    mobile = fields.Char()
    # E.164 forms searched by the till. Odoo's phone_sanitized keeps its meaning
    # (the number to text: mobile first), so each number gets its own column.
    retail_phone_sanitized = fields.Char(
        string="Phone (E.164)",
        compute="_compute_retail_sanitized_numbers",
        store=True,
        index="btree_not_null",
    )
    retail_mobile_sanitized = fields.Char(
        string="Mobile (E.164)",
        compute="_compute_retail_sanitized_numbers",
        store=True,
        index="btree_not_null",
    )
    # The national significant numbers (no country code, no trunk 0): what a
    # cashier types, whatever the store's country.
    retail_phone_national = fields.Char(
        compute="_compute_retail_sanitized_numbers",
        store=True,
        index="btree_not_null",
    )
    retail_mobile_national = fields.Char(
        compute="_compute_retail_sanitized_numbers",
        store=True,
        index="btree_not_null",
    )
    # Consent
    retail_consent_email = fields.Boolean(string="Email Marketing Consent")
    retail_consent_email_date = fields.Datetime(
        string="Email Consent Date", readonly=True
    )
    retail_consent_email_source = fields.Selection(
        CONSENT_SOURCES, string="Email Consent Source"
    )
    retail_consent_sms = fields.Boolean(string="SMS Marketing Consent")
    retail_consent_sms_date = fields.Datetime(string="SMS Consent Date", readonly=True)
    retail_consent_sms_source = fields.Selection(
        CONSENT_SOURCES, string="SMS Consent Source"
    )
    retail_anonymized_date = fields.Datetime(
        string="Anonymised On",
        readonly=True,
        copy=False,
        help="Set when the customer's personal data was erased on request; the "
        "customer is archived but still counts in the statistics.",
    )
    # Segments
    retail_segment_ids = fields.Many2many(
        "retail.segment",
        "retail_segment_partner_rel",
        "partner_id",
        "segment_id",
        string="Segments",
    )
    retail_segment_names = fields.Char(compute="_compute_retail_segment_names")
    # Purchase KPIs: kept up to date by _retail_kpi_apply when orders are
    # confirmed, paid, refunded or cancelled; never recomputed on read.
    retail_first_purchase_date = fields.Datetime(string="First Purchase", readonly=True)
    retail_last_purchase_date = fields.Datetime(string="Last Purchase", readonly=True)
    retail_purchase_count = fields.Integer(string="Purchases", readonly=True)
    retail_total_spent = fields.Monetary(
        string="Total Spent", readonly=True, currency_field="retail_currency_id"
    )
    retail_average_basket = fields.Monetary(
        string="Average Basket", readonly=True, currency_field="retail_currency_id"
    )
    retail_currency_id = fields.Many2one(
        "res.currency", compute="_compute_retail_currency_id"
    )
    retail_favorite_category_id = fields.Many2one(
        "product.category", string="Favourite Category", readonly=True
    )
    retail_preferred_store_id = fields.Many2one(
        "pos.config", string="Preferred Store", readonly=True
    )
    retail_used_channel_ids = fields.Many2many(
        "retail.channel",
        string="Channels Used",
        compute="_compute_retail_used_channel_ids",
    )
    _retail_customer_number_uniq = models.UniqueIndex(
        "(COALESCE(company_id, 0), customer_number) WHERE customer_number IS NOT NULL",
        "This customer number is already used in this customer file.",
    )
    _retail_card_number_uniq = models.UniqueIndex(
        "(COALESCE(company_id, 0), card_number) WHERE card_number IS NOT NULL",
        "This customer card is already used in this customer file.",
    )
    _retail_national_id_uniq = models.UniqueIndex(
        "(COALESCE(company_id, 0), national_id) WHERE national_id IS NOT NULL",
        "A customer with this national ID already exists in this customer file.",
    )
    _retail_complete_name_trgm_idx = trigram_index(
        "USING gin (complete_name gin_trgm_ops)"
    )

    # ------------------------------------------------------------------
    # Defaults and computes
    # ------------------------------------------------------------------
    @api.model
    def _retail_default_channel(self):
        if self.env.context.get("default_parent_id"):
            return False
        return self.env.company.retail_default_channel_id

    @api.depends("phone", "mobile", "country_id", "company_id")
    def _compute_retail_sanitized_numbers(self):
        for partner in self:
            country = partner._retail_country()
            for fname in ("phone", "mobile"):
                number = partner[fname]
                e164 = (
                    partner._phone_format(number=number, country=country)
                    if number
                    else False
                )
                partner[f"retail_{fname}_sanitized"] = e164
                partner[f"retail_{fname}_national"] = national_number(e164)

    def _compute_retail_segment_names(self):
        for partner in self:
            partner.retail_segment_names = ", ".join(
                partner.retail_segment_ids.mapped("name")
            )

    def _compute_retail_currency_id(self):
        self.retail_currency_id = self.env.company.currency_id

    def _compute_retail_used_channel_ids(self):
        stats = (
            self.env["retail.customer.stat"]
            .sudo()
            ._read_group(
                [("partner_id", "in", self.ids), ("kind", "=", "channel")],
                ["partner_id"],
                ["res_id:array_agg"],
            )
        )
        by_partner = {partner.id: ids for partner, ids in stats}
        for partner in self:
            partner.retail_used_channel_ids = self.env["retail.channel"].browse(
                by_partner.get(partner.id, [])
            )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("phone", "mobile", "country_id", "retail_channel_id")
    def _check_retail_phones(self):
        """Customers of a channel must have phones that can be read (E.164 is
        what the till searches); other contacts keep Odoo's tolerance."""
        for partner in self.filtered("retail_channel_id"):
            for fname in ("phone", "mobile"):
                number = partner[fname]
                if number and not partner._phone_format(
                    number=number, country=partner._retail_country()
                ):
                    raise ValidationError(
                        self.env._(
                            "The %(field)s number %(number)s of %(name)s cannot be "
                            "read as a phone number of %(country)s. Type it with "
                            "its international prefix (e.g. +34 600 123 456).",
                            field=partner._fields[fname]._description_string(self.env),
                            number=number,
                            name=partner.display_name,
                            country=partner._retail_country().name
                            or self.env._("no country"),
                        )
                    )

    def _retail_check_unique_identifiers(self, entries):
        """Refuse identifiers already given in the same customer file, naming the
        customer who has them. ``entries``: (field, value, company id, name)
        tuples for the records ``self`` (empty on create), checked before they
        are written, one query per field. The SQL unique indexes stay as the
        last guard."""
        labels = {
            "customer_number": self.env._("customer number"),
            "card_number": self.env._("customer card"),
            "national_id": self.env._("national ID"),
        }
        for fname, label in labels.items():
            wanted = [e for e in entries if e[0] == fname and e[1]]
            if not wanted:
                continue
            # sudo: the check must see archived customers and every customer of
            # the same file; only the duplicate's name and number are told back.
            others = (
                self.sudo()
                .with_context(active_test=False)
                .search_fetch(
                    [
                        (fname, "in", list({e[1] for e in wanted})),
                        ("id", "not in", self.ids),
                    ],
                    [fname, "company_id", "display_name", "customer_number"],
                )
            )
            taken = {
                (o[fname], o.company_id.id): (o.display_name, o.customer_number)
                for o in others
            }
            for _fname, value, company_id, name in wanted:
                existing = taken.get((value, company_id or False))
                if existing:
                    raise ValidationError(
                        self.env._(
                            "The %(label)s %(value)s is already given to the "
                            "customer %(name)s (%(number)s) in this customer file.",
                            label=label,
                            value=value,
                            name=existing[0],
                            number=existing[1] or "-",
                        )
                    )
                taken[(value, company_id or False)] = (name, False)

    @api.model
    def _retail_identifier_entries_create(self, vals_list):
        return [
            (fname, vals[fname], vals.get("company_id") or False, vals.get("name"))
            for vals in vals_list
            for fname in RETAIL_IDENTIFIERS
            if vals.get(fname)
        ]

    def _retail_identifier_entries_write(self, vals):
        fnames = [f for f in RETAIL_IDENTIFIERS if vals.get(f)]
        if "company_id" in vals:
            fnames = RETAIL_IDENTIFIERS
        entries = []
        for partner in self:
            company_id = vals.get("company_id", partner.company_id.id) or False
            for fname in fnames:
                # sudo: national IDs are not readable by every user who may
                # move a customer to another file; the value is only compared.
                value = vals[fname] if fname in vals else partner.sudo()[fname]
                if value:
                    entries.append((fname, value, company_id, partner.display_name))
        return entries

    @api.constrains("retail_channel_id", *REQUIRABLE_PARTNER_FIELDS)
    def _check_retail_channel_required_fields(self):
        for partner in self.filtered(
            lambda p: p.retail_channel_id and not p.retail_anonymized_date
        ):
            missing = [
                fname
                for fname in sorted(
                    partner.retail_channel_id._retail_required_field_names()
                )
                if fname in partner._fields and not partner[fname]
            ]
            if missing:
                raise ValidationError(
                    self.env._(
                        "Customers of the channel %(channel)s need: %(fields)s.",
                        channel=partner.retail_channel_id.name,
                        fields=", ".join(
                            partner._fields[f]._description_string(self.env)
                            for f in missing
                        ),
                    )
                )

    # ------------------------------------------------------------------
    # Onchanges
    # ------------------------------------------------------------------
    @api.onchange("phone", "mobile")
    def _onchange_retail_phone_duplicate(self):
        numbers = {
            self._phone_format(number=n, country=self._retail_country())
            for n in (self.phone, self.mobile)
            if n
        } - {False}
        if not numbers:
            return
        domain = Domain("retail_phone_sanitized", "in", list(numbers)) | Domain(
            "retail_mobile_sanitized", "in", list(numbers)
        )
        if self._origin.id:
            domain &= Domain("id", "!=", self._origin.id)
        others = self.search(domain, limit=3)
        if others:
            return {
                "warning": {
                    "title": self.env._("Same phone"),
                    "message": self.env._(
                        "This phone number is already the number of %(names)s.",
                        names=", ".join(others.mapped("display_name")),
                    ),
                }
            }

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        now = fields.Datetime.now()
        own_file = self.env.company.retail_customer_file == "own"
        for vals in vals_list:
            self._retail_prepare_vals(vals, now)
            if (
                own_file
                and not vals.get("company_id")
                and not vals.get("parent_id")
                and not creating_companies()
            ):
                # A company that keeps its own file owns the customers it creates,
                # whatever the form sends (the web form sends company_id = False):
                # only a company that shares its file adds to the shared file.
                vals["company_id"] = self.env.company.id
        self._retail_check_unique_identifiers(
            self._retail_identifier_entries_create(vals_list)
        )
        partners = super().create(vals_list)
        partners.filtered(
            lambda p: not p.parent_id and not p.customer_number
        )._retail_assign_customer_numbers()
        return partners

    def write(self, vals):
        self._retail_check_unshare(vals)
        self._retail_prepare_vals(vals, fields.Datetime.now())
        self._retail_check_unique_identifiers(
            self._retail_identifier_entries_write(vals)
        )
        return super().write(vals)

    def _retail_check_unshare(self, vals):
        """A franchisee's customers leave its own file only by the company's
        'Share existing customers' action, never by clearing their company."""
        if (
            "company_id" not in vals
            or vals["company_id"]
            or self.env.su
            or self.env.company.retail_customer_file != "own"
        ):
            return
        if any(partner.company_id.retail_customer_file == "own" for partner in self):
            raise UserError(
                self.env._(
                    "Customers of a file kept apart cannot be moved to the shared "
                    "file one by one: the head office shares a company's customers "
                    "with 'Share existing customers'."
                )
            )

    @api.model
    def _retail_prepare_vals(self, vals, now):
        """Normalise identifiers and date the consents given or withdrawn."""
        self._retail_check_identifier_types(vals)
        if vals.get("national_id"):
            vals["national_id"] = self._retail_normalize_national_id(
                vals["national_id"], vals.get("country_id")
            )
        for fname in ("card_number", "customer_number"):
            if vals.get(fname):
                vals[fname] = vals[fname].strip().upper()
        source = self._retail_consent_source()
        sources = dict(CONSENT_SOURCES)
        for channel in CONSENT_CHANNELS:
            given = vals.get(f"retail_consent_{channel}_source")
            if given and given not in sources:
                raise ValidationError(
                    self.env._(
                        "Unknown consent source %(value)r; expected one of "
                        "%(sources)s.",
                        value=given,
                        sources=", ".join(sources),
                    )
                )
            if f"retail_consent_{channel}" in vals:
                vals.setdefault(f"retail_consent_{channel}_date", now)
                if not vals.get(f"retail_consent_{channel}_source"):
                    vals[f"retail_consent_{channel}_source"] = source

    @api.model
    def _retail_check_identifier_types(self, vals):
        """Identifiers are text of at most 64 characters."""
        for fname in RETAIL_IDENTIFIERS:
            value = vals.get(fname)
            if not value:
                continue
            if not isinstance(value, str) or len(value) > IDENTIFIER_MAX_LENGTH:
                raise ValidationError(
                    self.env._(
                        "%(field)s must be text of at most %(max)s characters.",
                        field=self._fields[fname]._description_string(self.env),
                        max=IDENTIFIER_MAX_LENGTH,
                    )
                )

    @api.model
    def _retail_consent_source(self):
        """Source recorded with a consent given or withdrawn without one: the
        context's ``retail_consent_source`` (the till sends "store"), "import"
        for file imports, else "backoffice"."""
        source = self.env.context.get("retail_consent_source")
        if source in dict(CONSENT_SOURCES):
            return source
        if self.env.context.get("import_file"):
            return "import"
        return "backoffice"

    def _retail_can_contact(self, channel):
        """The partners of ``self`` that marketing may contact on ``channel``
        ("email" or "sms"): consent given, an address or mobile to use, not
        blacklisted, neither archived nor anonymised. Every notice and campaign
        of the retail modules filters its recipients with it (one query)."""
        domain = self._retail_contact_domain(channel)
        if not self:
            return self
        # sudo: only ids come out; the caller already holds these partners
        allowed = (
            self.sudo()
            .with_context(active_test=False)
            .search(Domain("id", "in", self.ids) & domain)
        )
        return self.browse(allowed.ids)

    @api.model
    def _retail_contact_domain(self, channel):
        """Domain of the partners marketing may contact on ``channel``; used by
        ``_retail_can_contact`` and the marketing export."""
        if channel not in CONSENT_CHANNELS:
            raise ValidationError(
                self.env._(
                    "Unknown marketing channel %(channel)r: use email or sms.",
                    channel=channel,
                )
            )
        domain = (
            Domain("active", "=", True)
            & Domain("retail_anonymized_date", "=", False)
            & Domain(f"retail_consent_{channel}", "=", True)
        )
        if channel == "email":
            return (
                domain
                & Domain("email_normalized", "!=", False)
                & Domain("is_blacklisted", "not in", [True])
            )
        # Odoo's blacklist search reads the tables in SQL without flushing them
        self.env["phone.blacklist"].flush_model(["number", "active"])
        self.flush_model(["phone_sanitized"])
        return (
            domain
            & (
                Domain("retail_mobile_sanitized", "!=", False)
                | Domain("retail_phone_sanitized", "!=", False)
            )
            & Domain("phone_sanitized_blacklisted", "not in", [True])
        )

    # ------------------------------------------------------------------
    # Identification
    # ------------------------------------------------------------------
    def _retail_country(self):
        """Country used to read phone numbers and national IDs."""
        self.ensure_one()
        return (
            self.country_id or self.company_id.country_id or self.env.company.country_id
        )

    @api.model
    def _retail_normalize_national_id(self, value, country_id=False):
        """Return the national ID in its compact form, or raise if it is invalid
        for the customer's country (partner's, else the company's)."""
        if len(self) == 1 and not country_id:
            country = self._retail_country()
        else:
            country = (
                self.env["res.country"].browse(country_id)
                if country_id
                else self.env.company.country_id
            )
        compact = re.sub(r"[\s.\-/]", "", value or "").upper()
        if not compact:
            return False
        try:
            return self._retail_validate_national_id(compact, country.code or "")
        except (StdnumError, ValueError):
            raise ValidationError(
                self.env._(
                    "%(value)s is not a valid national ID for %(country)s.",
                    value=value,
                    country=country.name or self.env._("no country"),
                )
            ) from None

    @api.model
    def _retail_validate_national_id(self, compact, country_code):
        """Validate a compact national ID with python-stdnum; meant to be extended
        for other countries. Raise stdnum's ValidationError when invalid."""
        cc = country_code.lower()
        if cc == "es":
            error = None
            for name in SPANISH_ID_MODULES:
                module = get_cc_module("es", name.split(".")[1])
                try:
                    return module.validate(compact)
                except StdnumError as exc:
                    error = exc
            raise error
        if len(compact) > 2 and compact[:2].isalpha() and eu_vat.is_valid(compact):
            return eu_vat.compact(compact)
        module = cc and get_cc_module(cc, "vat")
        if module:
            return module.validate(compact)
        if not re.fullmatch(r"[0-9A-Z]{4,20}", compact):
            raise ValueError(compact)
        return compact

    def _retail_assign_customer_numbers(self):
        """Number these partners in their customer file, in one query per file."""
        Sequence = self.env["ir.sequence"].sudo()
        for company, partners in groupby(self, key=lambda p: p.company_id):
            partners = self.browse(p.id for p in partners)
            sequence = Sequence.search(
                [
                    ("code", "=", "retail.customer.number"),
                    ("company_id", "in", [company.id, False]),
                ],
                order="company_id",
                limit=1,
            )
            numbers = sequence._retail_next_batch(len(partners))
            self.env.execute_query(
                SQL(
                    "UPDATE res_partner p SET customer_number = v.number "
                    "FROM unnest(%s::int[], %s::varchar[]) AS v(id, number) "
                    "WHERE p.id = v.id",
                    partners.ids,
                    numbers,
                )
            )
        self.invalidate_recordset(["customer_number"])

    @api.model
    def _retail_identifier_domain(self, query):
        """Domain of the partners whose identifiers match ``query`` exactly:
        customer number, card, national ID, phone or mobile (E.164), email."""
        query = (query or "").strip()
        if not query:
            return Domain.FALSE
        upper = query.upper()
        domain = Domain("customer_number", "=", upper) | Domain(
            "card_number", "=", upper
        )
        compact = re.sub(r"[\s.\-/]", "", upper)
        if compact:
            domain |= self._retail_national_id_domain(compact)
        if "@" in query:
            domain |= Domain("email", "=ilike", query)
        digits = re.sub(r"[\s()+.\-/]", "", query)
        if digits.isdigit() and len(digits) >= 6:
            phone = self._phone_format(
                number=query, country=self.env.company.country_id
            )
            if phone:
                domain |= Domain("retail_phone_sanitized", "=", phone) | Domain(
                    "retail_mobile_sanitized", "=", phone
                )
            if not query.lstrip().startswith(("+", "00")):
                # typed as a national number: any country's customer with it
                national = digits.lstrip("0")
                domain |= Domain("retail_phone_national", "=", national) | Domain(
                    "retail_mobile_national", "=", national
                )
        return domain

    @api.model
    def _retail_national_id_domain(self, compact):
        """Partners whose national ID is ``compact`` among those the user may
        read, for users who may not read national IDs too (the till's search).

        The user's own search of the partners they may read (record rules
        applied) bounds the subquery, then the indexed equality on the number
        runs as superuser inside it: only ids of readable partners come out, so
        an ID held by a customer the user may not read (another company's
        file) answers exactly as a name that matches nobody, whatever search
        embeds this domain."""
        readable = self.with_context(active_test=False)._search(Domain.TRUE)
        # sudo: the number is searched for users outside the national ID group,
        # only among the partners they may read (``readable`` above)
        national = (
            self.sudo()
            .with_context(active_test=False)
            ._search(Domain("national_id", "=", compact) & Domain("id", "in", readable))
        )
        return Domain("id", "in", national)

    @api.model
    def _search_display_name(self, operator, value):
        domain = super()._search_display_name(operator, value)
        if operator in ("ilike", "=ilike", "=") and isinstance(value, str) and value:
            domain = Domain.OR([domain, self._retail_identifier_domain(value)])
        return domain

    @api.model
    def retail_find_customers(self, query, limit=20, offset=0):
        """Partners matching ``query``: exact identifier matches first (indexed
        equality), then names containing it (trigram index). Meant for the till
        and any API; returns a recordset."""
        query, limit, offset = self._retail_check_search_args(query, limit, offset)
        if not query:
            return self.browse()
        exact = self.search(self._retail_identifier_domain(query), limit=limit + offset)
        if exact:
            # An identifier is exact: the till wants that customer, not namesakes.
            return exact[offset : offset + limit]
        return self.search(
            Domain("complete_name", "ilike", query),
            limit=limit,
            offset=offset,
            order="complete_name, id",
        )

    @api.model
    def _retail_check_search_args(self, query, limit, offset):
        """(query stripped, limit in 1..200, offset >= 0); refuse other types."""
        if query is None or query is False:
            query = ""
        if not isinstance(query, str):
            raise ValidationError(self.env._("Search customers with text."))
        if len(query) > 256 or any(ord(char) < 32 for char in query):
            raise ValidationError(
                self.env._("This cannot be a customer's name or number.")
            )
        for value in (limit, offset):
            if value not in (None, False) and type(value) is not int:
                raise ValidationError(
                    self.env._("Limit and offset must be whole numbers.")
                )
        if offset and offset > SEARCH_MAX_OFFSET:
            raise ValidationError(
                self.env._("Refine the search: this page is too far.")
            )
        return query.strip(), max(1, min(limit or 20, 200)), max(offset or 0, 0)

    @api.model
    def retail_pos_search(self, config_id, query, offset=0):
        """POS customer search (server side, never the whole file in the till).
        Answers like ``get_new_partner``: records to add to the till's data."""
        config = self.env["pos.config"]._retail_till(config_id)
        partners = self.retail_find_customers(query, limit=100, offset=offset)
        return {
            "res.partner": self._load_pos_data_read(partners, config),
            "account.fiscal.position": self.env[
                "account.fiscal.position"
            ]._load_pos_data_read(partners.fiscal_position_id, config),
        }

    @api.model
    def _load_pos_data_fields(self, config):
        fnames = [
            "customer_number",
            "card_number",
            "mobile",
            "retail_channel_id",
            "retail_segment_names",
        ]
        if self.env.user.has_group(NATIONAL_ID_GROUP):
            fnames.append("national_id")
        return super()._load_pos_data_fields(config) + fnames

    # ------------------------------------------------------------------
    # Purchase KPIs
    # ------------------------------------------------------------------
    @api.model
    def _retail_kpi_apply(self, facts, sign=1):
        """Add (sign=1) or remove (sign=-1) purchases from the customers' KPIs.

        ``facts``: list of dicts with partner_id, date, amount (company currency,
        negative for a refund), count (1 for a purchase, 0 for a refund),
        channel_id, store_id and categories ({category_id: amount}).
        Set-based: one UPDATE of the partners, one upsert of the statistics, one
        query for the favourites, whatever the number of orders.
        """
        facts = [f for f in facts if f.get("partner_id")]
        if not facts:
            return
        self._retail_kpi_update_partners(facts, sign)
        self.env["retail.customer.stat"]._retail_add(facts, sign)
        partners = self.browse({f["partner_id"] for f in facts})
        if sign < 0:
            partners._retail_kpi_recompute_dates()
        partners._retail_kpi_recompute_favorites()
        partners.invalidate_recordset(KPI_FIELDS)

    @api.model
    def _retail_kpi_update_partners(self, facts, sign):
        totals = {}
        for fact in facts:
            row = totals.setdefault(
                fact["partner_id"], [0, 0.0, fact["date"], fact["date"]]
            )
            row[0] += fact["count"] * sign
            row[1] += fact["amount"] * sign
            row[2] = min(row[2], fact["date"])
            row[3] = max(row[3], fact["date"])
        ids, counts, amounts, firsts, lasts = [], [], [], [], []
        for partner_id, (count, amount, first, last) in totals.items():
            ids.append(partner_id)
            counts.append(count)
            amounts.append(amount)
            firsts.append(first)
            lasts.append(last)
        self.env["res.partner"].flush_model(KPI_FIELDS)
        dates = (
            SQL(
                """
                retail_first_purchase_date = LEAST(p.retail_first_purchase_date,
                                                   v.first),
                retail_last_purchase_date = GREATEST(p.retail_last_purchase_date,
                                                     v.last),
                """
            )
            if sign > 0
            else SQL("")
        )
        self.env.execute_query(
            SQL(
                """
                UPDATE res_partner p SET %(dates)s
                       retail_purchase_count =
                           COALESCE(p.retail_purchase_count, 0) + v.cnt,
                       retail_total_spent =
                           COALESCE(p.retail_total_spent, 0) + v.amount,
                       retail_average_basket = CASE
                           WHEN COALESCE(p.retail_purchase_count, 0) + v.cnt > 0
                           THEN (COALESCE(p.retail_total_spent, 0) + v.amount)
                                / (COALESCE(p.retail_purchase_count, 0) + v.cnt)
                           ELSE 0 END
                  FROM unnest(%(ids)s::int[], %(counts)s::int[], %(amounts)s::numeric[],
                              %(firsts)s::timestamp[], %(lasts)s::timestamp[])
                       AS v(id, cnt, amount, first, last)
                 WHERE p.id = v.id
                """,
                dates=dates,
                ids=ids,
                counts=counts,
                amounts=amounts,
                firsts=firsts,
                lasts=lasts,
            )
        )

    def _retail_kpi_recompute_dates(self):
        """After a cancellation, first and last purchase come from the orders
        still counted (indexed by partner; only these partners)."""
        self.env["pos.order"].flush_model(["retail_kpi_done", "date_order"])
        self.env["sale.order"].flush_model(["retail_kpi_done", "date_order"])
        self.env.execute_query(
            SQL(
                """
                WITH o AS (
                    SELECT partner_id, date_order FROM pos_order
                     WHERE retail_kpi_done AND partner_id = ANY(%(ids)s)
                    UNION ALL
                    SELECT partner_id, date_order FROM sale_order
                     WHERE retail_kpi_done AND partner_id = ANY(%(ids)s)
                ), d AS (
                    SELECT p.id, MIN(o.date_order) AS first, MAX(o.date_order) AS last
                      FROM unnest(%(ids)s::int[]) AS p(id)
                      LEFT JOIN o ON o.partner_id = p.id
                     GROUP BY p.id
                )
                UPDATE res_partner p
                   SET retail_first_purchase_date = d.first,
                       retail_last_purchase_date = d.last
                  FROM d WHERE p.id = d.id
                """,
                ids=self.ids,
            )
        )

    def _retail_kpi_recompute_favorites(self):
        """Favourite category and preferred store: the highest spend among the
        statistics rows of these partners."""
        self.env.execute_query(
            SQL(
                """
                WITH best AS (
                    SELECT DISTINCT ON (partner_id, kind) partner_id, kind, res_id
                      FROM retail_customer_stat
                     WHERE partner_id = ANY(%(ids)s)
                       AND kind IN ('category', 'store') AND amount > 0
                     ORDER BY partner_id, kind, amount DESC, order_count DESC, res_id
                )
                UPDATE res_partner p
                   SET retail_favorite_category_id = (
                           SELECT res_id FROM best
                            WHERE best.partner_id = p.id AND kind = 'category'),
                       retail_preferred_store_id = (
                           SELECT res_id FROM best
                            WHERE best.partner_id = p.id AND kind = 'store')
                 WHERE p.id = ANY(%(ids)s)
                """,
                ids=self.ids,
            )
        )

    # ------------------------------------------------------------------
    # Personal data (GDPR): erasure and export on request
    # ------------------------------------------------------------------
    @api.model
    def _retail_check_gdpr_access(self):
        if not self.env.su and not self.env.user.has_group(GDPR_GROUP):
            raise AccessError(
                self.env._(
                    "Only sales administrators may anonymise customers or export "
                    "their personal data."
                )
            )

    def action_retail_anonymize(self):
        """Open the confirmation wizard (it asks for the reason)."""
        self._retail_check_gdpr_access()
        self._retail_check_anonymizable()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Anonymise Customers"),
            "res_model": "retail.gdpr.anonymize",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_ids": [Command.set(self.ids)]},
        }

    def _retail_check_anonymizable(self):
        """Refuse users' partners (internal or portal) and companies."""
        if not self:
            raise UserError(self.env._("Select the customers to anonymise."))
        partners = self.sudo().with_context(active_test=False)
        users = partners.filtered("user_ids")
        companies = partners.filtered("is_company") | partners.browse(
            self.env["res.company"]
            .sudo()
            .with_context(active_test=False)
            .search([("partner_id", "in", self.ids)])
            .partner_id.ids
        )
        if users or companies:
            raise UserError(
                self.env._(
                    "Only customers who are people can be anonymised, not users "
                    "or companies: %(names)s",
                    names=", ".join((users | companies).mapped("display_name")),
                )
            )

    def _retail_anonymize(self, reason):
        """Erase the personal data of these customers (and of their contacts and
        addresses), keep their orders, cards, ledger rows and statistics.

        Kept, as not identifying: customer number, company (customer file),
        channel, segments, postal code, city, province, country, language and the
        purchase KPIs, so that statistics by place and channel keep their totals.
        The customers are archived and dated (``retail_anonymized_date``); the
        request is recorded in ``retail.gdpr.request``.
        """
        self._retail_check_gdpr_access()
        if not isinstance(reason, str) or not reason.strip():
            raise ValidationError(self.env._("Give the reason of the erasure."))
        self._retail_check_anonymizable()
        # sudo: erasure must reach every field and the chatter, whatever the
        # rules of the sales administrator who was checked above.
        partners = self.sudo().with_context(
            active_test=False, tracking_disable=True, retail_consent_source="erasure"
        )
        contacts = partners.search(
            [("id", "child_of", partners.ids), ("id", "not in", partners.ids)]
        )
        if contacts:
            contacts._retail_check_anonymizable()
        everyone = partners | contacts
        self.env["retail.gdpr.request"]._retail_log(self, "anonymize", reason)
        everyone.write(self._retail_anonymized_values())
        labels = {
            partner.id: self.env._(
                "Anonymised customer %(number)s",
                number=partner.customer_number or f"#{partner.id}",
            )
            for partner in everyone
        }
        self.env.execute_query(
            SQL(
                "UPDATE res_partner p SET name = v.name "
                "FROM unnest(%s::int[], %s::varchar[]) AS v(id, name) "
                "WHERE p.id = v.id",
                list(labels),
                list(labels.values()),
            )
        )
        everyone.invalidate_recordset(["name"])
        everyone.modified(["name"])
        everyone._retail_erase_attached_data()
        return True

    @api.model
    def _retail_anonymized_values(self):
        """Values written on anonymised partners; meant to be extended."""
        values = {
            "active": False,
            "retail_anonymized_date": fields.Datetime.now(),
            "email": False,
            "phone": False,
            "mobile": False,
            "street": False,
            "street2": False,
            "website": False,
            "function": False,
            "title": False,
            "vat": False,
            "ref": False,
            "comment": False,
            "image_1920": False,
            "card_number": False,
            "national_id": False,
            "category_id": [Command.clear()],
            "retail_consent_email": False,
            "retail_consent_sms": False,
        }
        return {name: value for name, value in values.items() if name in self._fields}

    def _retail_erase_attached_data(self):
        """Chatter (messages, tracking values, followers), attachments and bank
        accounts of these partners: they hold the erased data."""
        sudo = self.sudo()
        self.env["mail.message"].sudo().search(
            [("model", "=", "res.partner"), ("res_id", "in", self.ids)]
        ).unlink()
        self.env["mail.followers"].sudo().search(
            [("res_model", "=", "res.partner"), ("res_id", "in", self.ids)]
        ).unlink()
        self.env["ir.attachment"].sudo().search(
            [("res_model", "=", "res.partner"), ("res_id", "in", self.ids)]
        ).unlink()
        sudo.with_context(active_test=False).bank_ids.unlink()

    def action_retail_export_personal_data(self):
        """Download the customer's personal data in one JSON file."""
        self._retail_check_gdpr_access()
        if len(self) != 1:
            raise UserError(
                self.env._("Export the personal data of one customer at a time.")
            )
        self.check_access("read")
        data = self._retail_personal_data()
        content = json.dumps(data, indent=2, ensure_ascii=False, default=str)
        # Not attached to the partner: only its creator (and administrators) may
        # download it, not every user who reads the customer.
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"personal_data_{self.customer_number or self.id}.json",
                "raw": content.encode(),
                "mimetype": "application/json",
            }
        )
        self.env["retail.gdpr.request"]._retail_log(
            self, "export", self.env.context.get("retail_gdpr_reason") or ""
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    def _retail_personal_data(self):
        """The customer's personal data, as a dict of sections (JSON-ready).

        Meant to be extended: each module adds its own sections with
        ``super()`` (retail_card adds the loyalty cards and their movements).
        """
        self.ensure_one()
        # sudo after the access checks of the caller: the export must hold
        # everything about the customer, national ID and all orders included.
        partner = self.sudo().with_context(active_test=False)

        def name_of(record):
            return record.display_name if record else None

        return {
            "customer": {
                "customer_number": partner.customer_number or None,
                "name": partner.name,
                "email": partner.email or None,
                "phone": partner.phone or None,
                "mobile": partner.mobile or None,
                "street": partner.street or None,
                "street2": partner.street2 or None,
                "zip": partner.zip or None,
                "city": partner.city or None,
                "state": name_of(partner.state_id),
                "country": name_of(partner.country_id),
                "lang": partner.lang or None,
                "national_id": partner.national_id or None,
                "vat": partner.vat or None,
                "card_number": partner.card_number or None,
                "customer_file": name_of(partner.company_id),
                "channel": name_of(partner.retail_channel_id),
                "created": partner.create_date,
                "anonymised": partner.retail_anonymized_date or None,
            },
            "consents": {
                channel: {
                    "given": partner[f"retail_consent_{channel}"],
                    "date": partner[f"retail_consent_{channel}_date"] or None,
                    "source": partner[f"retail_consent_{channel}_source"] or None,
                }
                for channel in CONSENT_CHANNELS
            },
            "segments": partner.retail_segment_ids.mapped("name"),
            "contacts": [
                {
                    "name": child.name,
                    "type": child.type,
                    "email": child.email or None,
                    "phone": child.phone or None,
                    "street": child.street or None,
                    "zip": child.zip or None,
                    "city": child.city or None,
                }
                for child in partner.child_ids
            ],
            "purchases": {
                "count": partner.retail_purchase_count,
                "total_spent": partner.retail_total_spent,
                "first": partner.retail_first_purchase_date or None,
                "last": partner.retail_last_purchase_date or None,
            },
            "sale_orders": [
                {
                    "name": order.name,
                    "date": order.date_order,
                    "amount_total": order.amount_total,
                    "currency": order.currency_id.name,
                    "state": order.state,
                }
                for order in self.env["sale.order"]
                .sudo()
                .search([("partner_id", "child_of", partner.id)], order="date_order")
            ],
            "pos_orders": [
                {
                    "name": order.name,
                    "date": order.date_order,
                    "amount_total": order.amount_total,
                    "currency": order.currency_id.name,
                    "state": order.state,
                }
                for order in self.env["pos.order"]
                .sudo()
                .search([("partner_id", "child_of", partner.id)], order="date_order")
            ],
        }

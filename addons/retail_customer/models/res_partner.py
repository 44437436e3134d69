# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

import phonenumbers
from stdnum import get_cc_module
from stdnum.eu import vat as eu_vat
from stdnum.exceptions import ValidationError as StdnumError

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain
from odoo.tools import SQL, groupby

from .retail_channel import REQUIRABLE_PARTNER_FIELDS

CONSENT_SOURCES = [
    ("store", "In store"),
    ("online", "Online"),
    ("form", "Paper form"),
    ("import", "Import"),
    ("other", "Other"),
]
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
                value = vals[fname] if fname in vals else partner[fname]
                if value:
                    entries.append((fname, value, company_id, partner.display_name))
        return entries

    @api.constrains("retail_channel_id", *REQUIRABLE_PARTNER_FIELDS)
    def _check_retail_channel_required_fields(self):
        for partner in self.filtered("retail_channel_id"):
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
            if own_file and "company_id" not in vals and not vals.get("parent_id"):
                # A company that keeps its own file owns the customers it creates.
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
        self._retail_prepare_vals(vals, fields.Datetime.now())
        self._retail_check_unique_identifiers(
            self._retail_identifier_entries_write(vals)
        )
        return super().write(vals)

    @api.model
    def _retail_prepare_vals(self, vals, now):
        """Normalise identifiers and date the consents given or withdrawn."""
        if vals.get("national_id"):
            vals["national_id"] = self._retail_normalize_national_id(
                vals["national_id"], vals.get("country_id")
            )
        for fname in ("card_number", "customer_number"):
            if vals.get(fname):
                vals[fname] = vals[fname].strip().upper()
        for channel in ("email", "sms"):
            if f"retail_consent_{channel}" in vals:
                vals.setdefault(f"retail_consent_{channel}_date", now)

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
            domain |= Domain("national_id", "=", compact)
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
        limit = min(int(limit or 20), 200)
        offset = max(int(offset or 0), 0)
        query = (query or "").strip()
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
    def retail_pos_search(self, config_id, query, offset=0):
        """POS customer search (server side, never the whole file in the till).
        Answers like ``get_new_partner``: records to add to the till's data."""
        config = self.env["pos.config"].browse(int(config_id))
        config.check_access("read")
        partners = self.retail_find_customers(query, limit=100, offset=offset)
        return {
            "res.partner": self._load_pos_data_read(partners, config),
            "account.fiscal.position": self.env[
                "account.fiscal.position"
            ]._load_pos_data_read(partners.fiscal_position_id, config),
        }

    @api.model
    def _load_pos_data_fields(self, config):
        return super()._load_pos_data_fields(config) + [
            "customer_number",
            "card_number",
            "national_id",
            "mobile",
            "retail_channel_id",
            "retail_segment_names",
        ]

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

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

import phonenumbers
from stdnum import get_cc_module
from stdnum.eu import vat as eu_vat
from stdnum.exceptions import ValidationError as StdnumError

from odoo import api, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL, groupby

# Spanish identity documents, tried in this order (stdnum modules).
SPANISH_ID_MODULES = ("es.dni", "es.nie", "es.nif", "es.cif")
RETAIL_IDENTIFIERS = ("customer_number", "card_number", "national_id")
IDENTIFIER_MAX_LENGTH = 64


def national_number(e164):
    """National significant number of an E.164 number ('+34612345678' ->
    '612345678'; the French '+33612345678' -> '612345678'), or False."""
    if not e164:
        return False
    try:
        return str(phonenumbers.parse(e164).national_number)
    except phonenumbers.NumberParseException:
        return False


class ResPartner(models.Model):
    """Identifiers of a customer: customer number, card, national ID, phones."""

    _inherit = "res.partner"

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
        if not re.fullmatch(r"[0-9A-Z]{4,20}", compact) or not (
            self._retail_may_be_national_id(compact)
        ):
            raise ValueError(compact)
        return compact

    @api.model
    def _retail_may_be_national_id(self, compact):
        """Whether ``compact`` (a search, upper case, no separators) may be a
        national ID: every country's holds a digit, so a name never is one."""
        return any(char.isdigit() for char in compact)

    def _retail_assign_customer_numbers(self):
        """Number these partners in their customer file, in one query per file."""
        # sudo: numbering is the system's, whoever creates the customer (users
        # may not read sequences)
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

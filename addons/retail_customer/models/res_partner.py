# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

from .res_company import creating_companies
from .res_partner_identification import national_number
from .retail_channel import REQUIRABLE_PARTNER_FIELDS

# Group that reads (and writes) national ID numbers; managers have it.
NATIONAL_ID_GROUP = "retail_customer.group_retail_national_id"


class ResPartner(models.Model):
    """The customer file: channel, identifiers and segments, and the checks of
    create and write. Identification, the till's search, consent and personal
    data are in the res_partner_*.py files of this module."""

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
    # Segments
    retail_segment_ids = fields.Many2many(
        "retail.segment",
        "retail_segment_partner_rel",
        "partner_id",
        "segment_id",
        string="Segments",
    )
    retail_segment_names = fields.Char(compute="_compute_retail_segment_names")
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
        self._retail_prepare_consent_vals(vals, now)

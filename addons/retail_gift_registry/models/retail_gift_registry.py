# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
import unicodedata

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

STATES = [
    ("draft", "Draft"),
    ("open", "Open"),
    ("closed", "Closed"),
    ("delivered", "Delivered"),
    ("settled", "Settled"),
]
# partner fields of the owners' search key (identifiers, then phone numbers)
OWNER_SEARCH_FIELDS = (
    "name",
    "customer_number",
    "card_number",
    "retail_phone_national",
    "retail_mobile_national",
    "retail_phone_sanitized",
    "retail_mobile_sanitized",
)


# What only the list's actions set (open, close, deliver, settle, reopen): the
# state and the payout. Never written by users, whatever their group.
ACTION_FIELDS = frozenset(
    {
        "state",
        "date_settled",
        "credit_card_id",
        "bonus_amount",
        "discount_percent",
        "discount_date_end",
        "discount_pricelist_id",
    }
)
# Who is paid at settlement: fixed once the list is opened (guests give to
# these owners), except by a gift list manager (the change is tracked).
PAYEE_FIELDS = frozenset({"owner_id", "co_owner_id", "company_id"})
MANAGER_GROUP = "retail_gift_registry.group_gift_registry_manager"


def search_text(text):
    """``text`` in lowercase, without accents ('García' -> 'garcia')."""
    text = unicodedata.normalize("NFKD", text or "")
    return "".join(char for char in text if not unicodedata.combining(char)).lower()


class RetailGiftRegistry(models.Model):
    _name = "retail.gift.registry"
    _inherit = ["mail.thread", "mail.activity.mixin", "pos.load.mixin"]
    _description = "Gift List"
    _order = "event_date desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["name", "title", "owner_id.complete_name"]

    name = fields.Char(
        string="Number",
        required=True,
        readonly=True,
        copy=False,
        default="/",
        index=True,
        help="The number guests quote at the till; printed with its barcode.",
    )
    title = fields.Char(required=True, tracking=True)
    type_id = fields.Many2one(
        "retail.gift.registry.type",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    owner_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
    )
    co_owner_id = fields.Many2one(
        "res.partner",
        string="Second Owner",
        index="btree_not_null",
        check_company=True,
        tracking=True,
    )
    event_date = fields.Date(required=True, tracking=True)
    pos_config_id = fields.Many2one(
        "pos.config",
        string="Store",
        index="btree_not_null",
        check_company=True,
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Consultant",
        index="btree_not_null",
        default=lambda self: self.env.user,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
        tracking=True,
    )
    date_open = fields.Date(string="Opening Date", copy=False, tracking=True)
    date_close = fields.Date(string="Closing Date", tracking=True)
    date_settled = fields.Date(string="Settlement Date", readonly=True, copy=False)
    delivery_partner_id = fields.Many2one(
        "res.partner",
        string="Delivery Address",
        check_company=True,
        help="Where the gifts kept for the owners are delivered (default: the owner).",
    )
    delivery_date = fields.Date(string="Preferred Delivery Date")
    welcome_message = fields.Text(translate=False)
    state = fields.Selection(
        STATES, default="draft", required=True, index=True, tracking=True, copy=False
    )
    gift_mode = fields.Selection(
        [("keep", "Kept for the owners"), ("take", "Taken away by the guest")],
        string="Gifts",
        default="keep",
        required=True,
        tracking=True,
        help="Default of every purchase for the list, changeable per order line: "
        "kept in store and delivered to the owners together, or taken away by "
        "the guest.",
    )
    item_ids = fields.One2many(
        "retail.gift.registry.item", "registry_id", string="Items", copy=True
    )
    purchase_ids = fields.One2many(
        "retail.gift.registry.purchase", "registry_id", string="Purchases"
    )
    sale_line_ids = fields.One2many(
        "sale.order.line", "retail_gift_registry_id", string="Sale Order Lines"
    )
    pos_line_ids = fields.One2many(
        "pos.order.line", "retail_gift_registry_id", string="POS Order Lines"
    )
    exchange_line_ids = fields.One2many(
        "pos.order.line",
        "retail_gift_registry_id",
        string="Exchanges",
        domain=[
            "|",
            ("retail_gift_registry_exchange_of_id", "!=", False),
            ("retail_gift_registry_exchanged_for_ids", "!=", False),
        ],
        readonly=True,
    )
    amount_gifts = fields.Monetary(
        string="Gifts Bought", compute="_compute_totals", currency_field="currency_id"
    )
    amount_contributions = fields.Monetary(
        string="Contributions", compute="_compute_totals", currency_field="currency_id"
    )
    amount_total = fields.Monetary(
        string="Total Given", compute="_compute_totals", currency_field="currency_id"
    )
    guest_count = fields.Integer(string="Guests", compute="_compute_totals")
    qty_wanted = fields.Float(compute="_compute_item_totals", string="Wanted")
    qty_bought = fields.Float(compute="_compute_item_totals", string="Bought")
    owner_names = fields.Char(string="Owners", compute="_compute_owner_names")
    credit_card_id = fields.Many2one(
        "loyalty.card", string="Owners' Credit Card", readonly=True, copy=False
    )
    credit_amount = fields.Monetary(
        string="Credit Given",
        compute="_compute_credit_amount",
        currency_field="currency_id",
        help="Sum of the ledger movements posted to the owners' card for this list.",
    )
    bonus_amount = fields.Monetary(
        string="Closing Bonus", readonly=True, copy=False, currency_field="currency_id"
    )
    discount_percent = fields.Float(
        string="Discount on Unbought Items (%)", readonly=True, copy=False
    )
    discount_date_end = fields.Date(
        string="Discount Offer Until", readonly=True, copy=False
    )

    discount_pricelist_id = fields.Many2one(
        "product.pricelist",
        string="Owners' Offer Pricelist",
        readonly=True,
        copy=False,
        help="The owners' pricelist of the discount on the unbought items.",
    )
    picking_ids = fields.One2many(
        "stock.picking", "retail_gift_registry_id", string="Deliveries", readonly=True
    )
    delivery_count = fields.Integer(compute="_compute_delivery_count")
    owner_search = fields.Char(
        string="Owners Search Key",
        compute="_compute_owner_search",
        store=True,
        help="The owners' names (lowercase, without accents), customer numbers, "
        "cards and phone numbers (national and international digits): the words "
        "the till searches through a full-text index.",
    )

    _name_company_uniq = models.Constraint(
        "UNIQUE(company_id, name)", "A gift list number is unique in its company."
    )
    # whole words and word prefixes of the owners, answered from one GIN index
    _owner_search_idx = models.Index(
        "USING gin (to_tsvector('simple'::regconfig, COALESCE(owner_search, '')))"
    )

    @api.depends("purchase_ids")
    def _compute_totals(self):
        Purchase = self.env["retail.gift.registry.purchase"]
        amounts = {
            (registry.id, is_contribution): amount
            for registry, is_contribution, amount in Purchase._read_group(
                [("registry_id", "in", self.ids)],
                ["registry_id", "is_contribution"],
                ["amount:sum"],
            )
        }
        guests = dict(
            Purchase._read_group(
                [("registry_id", "in", self.ids), ("qty", ">", 0)],
                ["registry_id"],
                ["guest_key:count_distinct"],
            )
        )
        for registry in self:
            gifts = amounts.get((registry.id, False), 0.0)
            contributions = amounts.get((registry.id, True), 0.0)
            registry.amount_gifts = gifts
            registry.amount_contributions = contributions
            registry.amount_total = gifts + contributions
            registry.guest_count = guests.get(registry, 0)

    @api.depends("item_ids.qty_wanted", "item_ids.qty_bought")
    def _compute_item_totals(self):
        for registry in self:
            registry.qty_wanted = sum(registry.item_ids.mapped("qty_wanted"))
            registry.qty_bought = sum(registry.item_ids.mapped("qty_bought"))

    @api.depends("owner_id.name", "co_owner_id.name")
    def _compute_owner_names(self):
        for registry in self:
            registry.owner_names = " & ".join(
                (registry.owner_id | registry.co_owner_id).mapped("name")
            )

    @api.depends("credit_card_id")
    def _compute_credit_amount(self):
        # sudo: the credit a list gave its owners, summed for whoever reads the
        # list (the ledger rows themselves stay unread)
        History = self.env["loyalty.history"].sudo()
        sums = {
            order_id: issued - used
            for order_id, issued, used in History._read_group(
                [
                    ("order_model", "=", self._name),
                    ("order_id", "in", self.ids),
                    ("retail_kind", "!=", False),
                ],
                ["order_id"],
                ["issued:sum", "used:sum"],
            )
        }
        for registry in self:
            registry.credit_amount = sums.get(registry.id, 0.0)

    @api.depends("picking_ids")
    def _compute_delivery_count(self):
        counts = dict(
            self.env["stock.picking"]._read_group(
                [("retail_gift_registry_id", "in", self.ids)],
                ["retail_gift_registry_id"],
                ["__count"],
            )
        )
        for registry in self:
            registry.delivery_count = counts.get(registry, 0)

    @api.depends(
        *(
            f"{owner}.{fname}"
            for owner in ("owner_id", "co_owner_id")
            for fname in OWNER_SEARCH_FIELDS
        )
    )
    def _compute_owner_search(self):
        # one read of every owner's fields (a union per list would lose the
        # prefetch and read each owner alone)
        (self.owner_id | self.co_owner_id).fetch(list(OWNER_SEARCH_FIELDS))
        for registry in self:
            words = []
            for partner in registry.owner_id | registry.co_owner_id:
                words.append(search_text(partner.name))
                words += [
                    search_text(partner[fname])
                    for fname in ("customer_number", "card_number")
                ]
                words += [
                    re.sub(r"\D", "", partner[fname] or "")
                    for fname in OWNER_SEARCH_FIELDS[3:]
                ]
            registry.owner_search = " ".join(dict.fromkeys(w for w in words if w))

    def _compute_display_name(self):
        for registry in self:
            registry.display_name = f"{registry.name} {registry.title or ''}".strip()

    @api.constrains("owner_id", "co_owner_id")
    def _check_owners(self):
        for registry in self:
            if registry.co_owner_id and registry.co_owner_id == registry.owner_id:
                raise ValidationError(
                    self.env._("The second owner of a list is another person.")
                )

    @api.constrains("date_open", "date_close")
    def _check_dates(self):
        for registry in self:
            if (
                registry.date_open
                and registry.date_close
                and registry.date_close < registry.date_open
            ):
                raise ValidationError(
                    self.env._(
                        "List %(name)s cannot close before it opens.",
                        name=registry.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                set_here = {
                    fname
                    for fname in ACTION_FIELDS & set(vals)
                    if vals[fname] and (fname, vals[fname]) != ("state", "draft")
                }
                if set_here:
                    raise AccessError(
                        self.env._(
                            "A new gift list starts as a draft without payout "
                            "(%(fields)s are set by the list's actions).",
                            fields=", ".join(sorted(set_here)),
                        )
                    )
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                company = self.env["res.company"].browse(
                    vals.get("company_id") or self.env.company.id
                )
                vals["name"] = (
                    self.env["ir.sequence"]
                    .with_company(company)
                    .next_by_code("retail.gift.registry")
                    or "/"
                )
        return super().create(vals_list)

    def write(self, vals):
        self._gift_registry_ensure_write(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        used = self.filtered(lambda r: r.state != "draft" or r.purchase_ids)
        if used:
            raise UserError(
                self.env._(
                    "Only draft lists without purchases can be deleted: %(names)s",
                    names=", ".join(used.mapped("name")),
                )
            )

    def _gift_registry_ensure_write(self, vals):
        """The state and the payout of a list change only through its actions;
        the owners of an opened list only by a gift list manager."""
        if self.env.su:
            return
        changed = {
            fname
            for fname in (ACTION_FIELDS | PAYEE_FIELDS) & set(vals)
            if self._gift_registry_changes(fname, vals[fname])
        }
        fixed = changed & ACTION_FIELDS
        if fixed:
            raise AccessError(
                self.env._(
                    "The state and the payout of a gift list change only through "
                    "its actions (open, close, settle, reopen), not by editing "
                    "them: %(fields)s.",
                    fields=", ".join(sorted(fixed)),
                )
            )
        payee = changed & PAYEE_FIELDS
        opened = self.filtered(lambda r: r.state != "draft")
        if payee and opened and not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._(
                    "Only gift list managers may change the owners or the company "
                    "of an opened list (%(names)s): the owners are paid what "
                    "guests gave.",
                    names=", ".join(opened.mapped("name")),
                )
            )

    def _gift_registry_changes(self, fname, value):
        """Whether writing ``value`` to ``fname`` changes a list of ``self``
        (the web client may send a field unchanged)."""
        field = self._fields[fname]
        return any(
            field.convert_to_record(field.convert_to_cache(value, record), record)
            != record[fname]
            for record in self
        )

    def _gift_registry_write_action(self, vals):
        """Write what only the list's actions set (state, payout), after the
        action's own checks."""
        self.check_access("write")
        # sudo: state and payout fields are refused to users' writes; the
        # calling action checked the state, the group and the access above
        return self.sudo().write(vals)

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
import unicodedata
from datetime import datetime, time

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL, float_is_zero, float_round

STATES = [
    ("draft", "Draft"),
    ("open", "Open"),
    ("closed", "Closed"),
    ("delivered", "Delivered"),
    ("settled", "Settled"),
]
MAX_ID = 2**31 - 1
SEARCH_LIMIT = 20
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

POS_HEADER_FIELDS = [
    "name",
    "title",
    "type_id",
    "owner_id",
    "co_owner_id",
    "event_date",
    "welcome_message",
    "gift_mode",
]


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
        "sale.order.line", "gift_registry_id", string="Sale Order Lines"
    )
    pos_line_ids = fields.One2many(
        "pos.order.line", "gift_registry_id", string="POS Order Lines"
    )
    exchange_line_ids = fields.One2many(
        "pos.order.line",
        "gift_registry_id",
        string="Exchanges",
        domain=[
            "|",
            ("gift_registry_exchange_of_id", "!=", False),
            ("gift_registry_exchanged_for_ids", "!=", False),
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
        "stock.picking", "gift_registry_id", string="Deliveries", readonly=True
    )
    delivery_count = fields.Integer(compute="_compute_delivery_count")

    _name_company_uniq = models.Constraint(
        "UNIQUE(company_id, name)", "A gift list number is unique in its company."
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

    @api.depends("owner_id.name", "co_owner_id.name")
    def _compute_owner_names(self):
        for registry in self:
            registry.owner_names = " & ".join(
                (registry.owner_id | registry.co_owner_id).mapped("name")
            )

    @api.depends("item_ids.qty_wanted", "item_ids.qty_bought")
    def _compute_item_totals(self):
        for registry in self:
            registry.qty_wanted = sum(registry.item_ids.mapped("qty_wanted"))
            registry.qty_bought = sum(registry.item_ids.mapped("qty_bought"))

    @api.depends("credit_card_id")
    def _compute_credit_amount(self):
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
                [("gift_registry_id", "in", self.ids)],
                ["gift_registry_id"],
                ["__count"],
            )
        )
        for registry in self:
            registry.delivery_count = counts.get(registry, 0)

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
        self._gift_registry_check_write(vals)
        return super().write(vals)

    def _gift_registry_check_write(self, vals):
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

    def _compute_display_name(self):
        for registry in self:
            registry.display_name = f"{registry.name} {registry.title or ''}".strip()

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_open(self):
        self._check_state(("draft",), self.env._("Only draft lists can be opened."))
        for registry in self:
            registry._gift_registry_write_action(
                {
                    "state": "open",
                    "date_open": registry.date_open or fields.Date.context_today(self),
                }
            )
        return True

    def action_close(self):
        self._check_state(("open",), self.env._("Only open lists can be closed."))
        today = fields.Date.context_today(self)
        for registry in self:
            registry._gift_registry_write_action(
                {
                    "state": "closed",
                    "date_close": min(registry.date_close or today, today),
                }
            )
        held = self.env["stock.move"].search(self._gift_registry_held_domain())
        if held:
            self._gift_registry_release(held)
        return True

    def action_mark_delivered(self):
        self._check_state(
            ("closed",), self.env._("Only closed lists can be marked delivered.")
        )
        pending = self.picking_ids.filtered(lambda p: p.state not in ("done", "cancel"))
        if pending:
            raise UserError(
                self.env._(
                    "Kept gifts of these lists are still to deliver: %(pickings)s. "
                    "The list is delivered when its transfers are done.",
                    pickings=", ".join(pending.mapped("name")),
                )
            )
        self._gift_registry_write_action({"state": "delivered"})
        return True

    def action_deliver_now(self):
        """Deliver every gift still held for the owners of the lists (the
        owners ask for them before the list closes)."""
        self._gift_registry_check_deliverable()
        self._gift_registry_release(
            self.env["stock.move"].search(self._gift_registry_held_domain())
        )
        return True

    def action_view_deliveries(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "stock.action_picking_tree_all"
        )
        action["domain"] = [("gift_registry_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    def action_settle(self):
        """Credit the owners (contributions, gifts not taken, closing bonus) on
        their card, one ledger movement per kind and list, and open the discount
        offer on the unbought items."""
        self._check_state(
            ("closed", "delivered"),
            self.env._("Only closed or delivered lists can be settled."),
        )
        self._check_manager()
        self.check_access("write")
        for registry in self:
            registry._settle()
        return True

    def action_reopen(self, reason=None):
        """Reopen a closed, delivered or settled list (managers only; logged).
        A settled list's owners were paid: its reopening says why (``reason``,
        the reopening wizard asks for it)."""
        self._check_manager()
        self._check_state(
            ("closed", "delivered", "settled"),
            self.env._("Only closed, delivered or settled lists can be reopened."),
        )
        reason = reason.strip() if isinstance(reason, str) else ""
        settled = self.filtered(lambda r: r.state == "settled")
        if settled and not reason:
            raise UserError(
                self.env._(
                    "Say why settled list %(names)s is reopened: its owners were "
                    "already credited.",
                    names=", ".join(settled.mapped("name")),
                )
            )
        for registry in self:
            previous = dict(STATES)[registry.state]
            registry._gift_registry_write_action({"state": "open"})
            body = self.env._(
                "List reopened by %(user)s (it was %(state)s).",
                user=self.env.user.name,
                state=previous,
            )
            if reason:
                body = self.env._(
                    "List reopened by %(user)s (it was %(state)s): %(reason)s",
                    user=self.env.user.name,
                    state=previous,
                    reason=reason,
                )
            registry.message_post(body=body)
        return True

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    def _check_state(self, states, message):
        wrong = self.filtered(lambda r: r.state not in states)
        if wrong:
            raise UserError(
                self.env._(
                    "%(message)s (%(names)s)",
                    message=message,
                    names=", ".join(wrong.mapped("name")),
                )
            )

    def _check_manager(self):
        if not self.env.su and not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._("Only gift list managers may settle or reopen a list.")
            )

    def _check_sellable(self):
        """Refuse sales to lists that are not open (clear message for the
        cashier or the salesperson)."""
        closed = self.filtered(lambda r: r.state != "open")
        if closed:
            raise UserError(
                "\n".join(
                    self.env._(
                        "Gift list %(name)s is %(state)s: nothing more can be sold "
                        "for it.",
                        name=registry.name,
                        state=dict(STATES)[registry.state].lower(),
                    )
                    for registry in closed
                )
            )

    def _check_refundable(self):
        """Refunds and cancellations are refused once a list is settled: the
        owners were already credited."""
        settled = self.filtered(lambda r: r.state == "settled")
        if settled:
            raise UserError(
                "\n".join(
                    self.env._(
                        "Gift list %(name)s is settled: its gifts can no longer be "
                        "refunded or cancelled. A manager may reopen the list first.",
                        name=registry.name,
                    )
                    for registry in settled
                )
            )

    def _settlement_amounts(self):
        """{kind: amount} the owners are due for the list: contributions, gifts
        not taken (at the average price paid for the item) and closing bonus."""
        self.ensure_one()
        # the totals are computed from the order lines: read them fresh
        self.env.flush_all()
        self.invalidate_recordset(
            ["amount_gifts", "amount_contributions", "amount_total"]
        )
        self.item_ids.invalidate_recordset(["qty_bought", "average_price"])
        currency = self.currency_id
        not_taken = sum(
            item.qty_not_taken * item.average_price for item in self.item_ids
        )
        percent = self.company_id.gift_registry_bonus_percent
        bonus = self.amount_total * percent / 100.0 if percent > 0 else 0.0
        return {
            "contributions": currency.round(self.amount_contributions),
            "not_taken": currency.round(not_taken),
            "bonus": currency.round(bonus),
        }

    def _settlement_card(self):
        self.ensure_one()
        program = self.company_id.gift_registry_program_id
        if not program:
            raise UserError(
                self.env._(
                    "Choose the gift card or eWallet program of the owners' credit "
                    "in the settings before settling list %(name)s.",
                    name=self.name,
                )
            )
        card = self._gift_registry_owners_card()
        if not card and program.program_type == "ewallet":
            card = self.env["loyalty.card"].search(
                [
                    ("program_id", "=", program.id),
                    ("partner_id", "=", self.owner_id.id),
                ],
                limit=1,
            )
        if not card:
            card = (
                self.env["loyalty.card"]
                .sudo()
                .create(
                    {
                        "program_id": program.id,
                        "partner_id": self.owner_id.id,
                        "points": 0.0,
                    }
                )
            )
        return card

    def _gift_registry_owners_card(self):
        """The card of earlier settlements, if an owner of the list holds it
        (after a change of owners, the new owners get a card of their own)."""
        self.ensure_one()
        card = self.credit_card_id
        owners = self.owner_id | self.co_owner_id
        if card and card.sudo().partner_id not in owners:
            return card.browse()
        return card

    def _gift_registry_post_credit(self, card, movements):
        """Post the settlement ``movements`` on the owners' ``card``, all or
        nothing (meant to be overridden: the gift card bridge adds the
        accounting of a gift card load)."""
        self.ensure_one()
        return self.env["loyalty.card"]._retail_post_movements(movements)

    def _settle(self):
        self.ensure_one()
        amounts = self._settlement_amounts()
        card = self._settlement_card()
        labels = {
            "contributions": self.env._(
                "Gift list %(name)s: contributions", name=self.name
            ),
            "not_taken": self.env._(
                "Gift list %(name)s: gifts not taken", name=self.name
            ),
            "bonus": self.env._("Gift list %(name)s: closing bonus", name=self.name),
        }
        # What earlier settlements of the list (before a reopening) credited, by
        # kind: the key of each movement is <model>/<id>/<kind>/<settlement>.
        rows = (
            self.env["loyalty.history"]
            .sudo()
            .search_fetch(
                [
                    ("order_model", "=", self._name),
                    ("order_id", "=", self.id),
                    ("retail_kind", "!=", False),
                ],
                ["retail_idempotency_key", "issued", "used"],
            )
        )
        already = dict.fromkeys(amounts, 0.0)
        settlements = set()
        for row in rows:
            parts = (row.retail_idempotency_key or "").split("/")
            if len(parts) == 4 and parts[2] in already:
                already[parts[2]] += row.issued - row.used
                settlements.add(parts[3])
        settlement = len(settlements) + 1
        rounding = self.currency_id.rounding
        movements = []
        for kind, amount in amounts.items():
            delta = float_round(amount - already[kind], precision_rounding=rounding)
            if float_is_zero(delta, precision_rounding=rounding):
                continue
            movements.append(
                {
                    "card": card,
                    "amount": delta,
                    "kind": "load" if delta > 0 else "adjust",
                    "description": labels[kind],
                    "reason": self.env._("List reopened and settled again")
                    if delta < 0
                    else False,
                    "order_model": self._name,
                    "order_id": self.id,
                    "store_id": self.pos_config_id.id or False,
                    "key": f"{self._name}/{self.id}/{kind}/{settlement}",
                }
            )
        if movements:
            self._gift_registry_post_credit(card, movements)
        company = self.company_id
        today = fields.Date.context_today(self)
        discount = company.gift_registry_discount_percent
        self._gift_registry_write_action(
            {
                "state": "settled",
                "date_settled": today,
                "credit_card_id": card.id,
                "bonus_amount": amounts["bonus"],
                "discount_percent": discount,
                "discount_date_end": fields.Date.add(
                    today, days=company.gift_registry_discount_days
                )
                if discount > 0
                else False,
            }
        )
        self._gift_registry_offer_discount()
        self.message_post(
            body=self.env._(
                "List settled: %(amount)s due to the owners, on card %(code)s.",
                amount=self.currency_id.format(sum(amounts.values())),
                code=card.code,
            )
        )

    # ------------------------------------------------------------------
    # Deliveries of the gifts kept for the owners
    # ------------------------------------------------------------------

    def _gift_registry_delivery_partner(self):
        self.ensure_one()
        return self.delivery_partner_id or self.owner_id

    def _gift_registry_delivery_datetime(self):
        self.ensure_one()
        day = self.delivery_date or self.event_date
        return fields.Datetime.to_datetime(day) if day else fields.Datetime.now()

    def _gift_registry_procurement_values(self):
        """Procurement values of a kept gift bought on a sale order."""
        self.ensure_one()
        partner = self._gift_registry_delivery_partner()
        date = self._gift_registry_delivery_datetime()
        return {
            "gift_registry_id": self.id,
            "partner_id": partner.id,
            "date_planned": date,
            "date_deadline": date,
        }

    def _gift_registry_picking_vals(self, picking_type, **extra):
        """A held delivery of kept gifts to the list's delivery address."""
        self.ensure_one()
        partner = self._gift_registry_delivery_partner()
        destination = (
            partner.property_stock_customer
            or picking_type.default_location_dest_id
            or self.env["stock.warehouse"]._get_partner_locations()[0]
        )
        return {
            "partner_id": partner.id,
            "picking_type_id": picking_type.id,
            "location_id": picking_type.default_location_src_id.id,
            "location_dest_id": destination.id,
            "scheduled_date": self._gift_registry_delivery_datetime(),
            "company_id": self.company_id.id,
            "gift_registry_id": self.id,
            "gift_registry_held": True,
            **extra,
        }

    def _gift_registry_held_domain(self):
        return [
            ("gift_registry_id", "in", self.ids),
            ("picking_id.gift_registry_held", "=", True),
            ("state", "not in", ("done", "cancel")),
        ]

    def _gift_registry_check_deliverable(self):
        self._check_state(
            ("open", "closed"),
            self.env._("Kept gifts are delivered from open or closed lists only."),
        )

    def _gift_registry_release(self, moves):
        """Release held ``moves`` for delivery now: a held transfer whose
        moves all leave is released as it is; the moves leaving a transfer
        that keeps others go to a new transfer of their own (native copy).

        :return: the released transfers
        """
        moves = moves.filtered(
            lambda m: m.picking_id.gift_registry_held
            and m.state not in ("done", "cancel")
        )
        if not moves:
            raise UserError(
                self.env._(
                    "Nothing is held for the owners of %(names)s: there is no "
                    "kept gift to deliver.",
                    names=", ".join(self.mapped("name")),
                )
            )
        moves.gift_registry_id._gift_registry_check_deliverable()
        now = fields.Datetime.now()
        released = self.env["stock.picking"]
        for picking in moves.picking_id:
            leaving = moves.filtered(lambda m, p=picking: m.picking_id == p)
            staying = (
                picking.move_ids.filtered(lambda m: m.state not in ("done", "cancel"))
                - leaving
            )
            if not staying:
                picking.write({"gift_registry_held": False, "scheduled_date": now})
                released |= picking
                continue
            new = picking.copy(
                {"move_ids": [], "gift_registry_held": False, "scheduled_date": now}
            )
            leaving._do_unreserve()
            leaving.write({"picking_id": new.id})
            leaving._action_assign()
            released |= new
        for registry in moves.gift_registry_id:
            registry.message_post(
                body=self.env._(
                    "Kept gifts released for delivery: %(pickings)s",
                    pickings=", ".join(
                        released.filtered(
                            lambda p, r=registry: p.gift_registry_id == r
                        ).mapped("name")
                    ),
                )
            )
        return released

    def _gift_registry_update_delivered(self):
        """A closed list whose kept gifts all left is delivered."""
        closed = self.filtered(lambda r: r.state == "closed" and r.picking_ids)
        if not closed:
            return
        pending = dict(
            self.env["stock.picking"]._read_group(
                [
                    ("gift_registry_id", "in", closed.ids),
                    ("state", "not in", ("done", "cancel")),
                ],
                ["gift_registry_id"],
                ["__count"],
            )
        )
        delivered = closed.filtered(lambda r: not pending.get(r))
        # sudo: the last kept gift left (a done transfer, whoever validated
        # it): the list is delivered, as the system records it
        delivered.sudo().write({"state": "delivered"})

    # ------------------------------------------------------------------
    # Discount on the unbought items, for the owners, after settlement
    # ------------------------------------------------------------------

    def _gift_registry_offer_discount(self):
        """Give the owners a pricelist of their own: the products of the items
        not fully bought at the list's discount until its end date, everything
        else at the owner's previous pricelist. Created at the first settlement,
        updated at the next ones; ended by ``_cron_end_discount_offers``."""
        self.ensure_one()
        if not self.discount_percent or not self.discount_date_end:
            self._gift_registry_end_discount()
            return
        owners = (self.owner_id | self.co_owner_id).with_company(self.company_id)
        pricelist = self.discount_pricelist_id
        previous = self.owner_id.with_company(
            self.company_id
        ).property_product_pricelist
        if previous == pricelist:
            previous = pricelist.item_ids.filtered(
                lambda i: i.applied_on == "3_global"
            ).base_pricelist_id
        products = self.item_ids.filtered(lambda i: i.qty_remaining > 0).product_id
        end = datetime.combine(self.discount_date_end, time.max).replace(microsecond=0)
        items = [Command.clear()] + [
            Command.create(
                {
                    "applied_on": "0_product_variant",
                    "product_tmpl_id": product.product_tmpl_id.id,
                    "product_id": product.id,
                    "compute_price": "percentage",
                    "percent_price": self.discount_percent,
                    "date_end": end,
                }
            )
            for product in products
        ]
        if previous:
            items.append(
                Command.create(
                    {
                        "applied_on": "3_global",
                        "compute_price": "formula",
                        "base": "pricelist",
                        "base_pricelist_id": previous.id,
                    }
                )
            )
        vals = {
            "name": self.env._("Gift list %(name)s: owners' offer", name=self.name),
            "company_id": self.company_id.id,
            "currency_id": self.currency_id.id,
            "gift_registry_id": self.id,
            "active": True,
            "item_ids": items,
        }
        Pricelist = self.env["product.pricelist"].sudo()
        if pricelist:
            pricelist.sudo().write(vals)
        else:
            pricelist = Pricelist.create(vals)
            self._gift_registry_write_action({"discount_pricelist_id": pricelist.id})
        owners.sudo().write({"property_product_pricelist": pricelist.id})

    def _gift_registry_end_discount(self):
        """Give the owners back their previous pricelist and archive the
        offer's."""
        for registry in self.filtered("discount_pricelist_id"):
            pricelist = registry.discount_pricelist_id.sudo()
            previous = pricelist.item_ids.filtered(
                lambda i: i.applied_on == "3_global"
            ).base_pricelist_id
            owners = (registry.owner_id | registry.co_owner_id).with_company(
                registry.company_id
            )
            owners = owners.filtered(
                lambda p, pl=pricelist: p.property_product_pricelist == pl
            )
            owners.sudo().write({"property_product_pricelist": previous.id or False})
            pricelist.active = False

    @api.model
    def _cron_end_discount_offers(self):
        registries = self.search(
            [
                ("discount_pricelist_id.active", "=", True),
                ("discount_date_end", "<", fields.Date.context_today(self)),
            ]
        )
        registries._gift_registry_end_discount()
        return registries

    # ------------------------------------------------------------------
    # Point of sale
    # ------------------------------------------------------------------

    owner_search = fields.Char(
        string="Owners Search Key",
        compute="_compute_owner_search",
        store=True,
        help="The owners' names (lowercase, without accents), customer numbers, "
        "cards and phone numbers (national and international digits): the words "
        "the till searches through a full-text index.",
    )
    # whole words and word prefixes of the owners, answered from one GIN index
    _owner_search_idx = models.Index(
        "USING gin (to_tsvector('simple'::regconfig, COALESCE(owner_search, '')))"
    )

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

    @api.model
    def _owner_search_tsquery(self, query):
        """The full-text query of ``query`` (a string of word prefixes joined
        by AND, as to_tsquery reads them), or False: a phone typed with spaces,
        dots or a leading 00 / trunk 0 becomes one number."""
        digits = re.sub(r"[\s()+.\-/]", "", query)
        if digits.isdigit() and len(digits) >= 6:
            return digits.lstrip("0") or False
        words = re.findall(r"\w+", search_text(query))
        return " & ".join(f"{word}:*" for word in words) or False

    @api.model
    def _search_domains_for_query(self, query):
        """The domains the till tries in turn for ``query``: the list number
        (exact, btree index: a number quoted by a guest is answered at once),
        then the owners' words starting with the words of ``query`` (name,
        phone, customer number or card; one GIN full-text index)."""
        domains = [Domain("name", "=", query.upper())]
        tsquery = self._owner_search_tsquery(query)
        if tsquery:
            domains.append(
                Domain.custom(
                    to_sql=lambda model, alias, sql_query: SQL(
                        "to_tsvector('simple'::regconfig, COALESCE(%s, '')) "
                        "@@ to_tsquery('simple'::regconfig, %s)",
                        model._field_to_sql(alias, "owner_search", sql_query),
                        tsquery,
                    )
                )
            )
        return domains

    @api.model
    def retail_pos_search(self, config_id, query):
        """Open lists matching ``query`` (number, owner's name or phone) for the
        till: server search, at most 20 lists, never the whole file."""
        config = self._check_pos_config(config_id)
        if not isinstance(query, str) or len(query) > 256 or "\x00" in query:
            raise ValidationError(
                self.env._("Search gift lists with a number, a name or a phone.")
            )
        query = query.strip()
        if not query:
            return []
        # read only what the answer shows: the till waits for it
        config.fetch(["company_id"])
        sellable = Domain("state", "=", "open") & Domain(
            "company_id", "=", config.company_id.id
        )
        lists = self.browse()
        for domain in self._search_domains_for_query(query):
            lists = self.search_fetch(
                domain & sellable, POS_HEADER_FIELDS, limit=SEARCH_LIMIT
            )
            if lists:
                break
        (lists.owner_id | lists.co_owner_id).fetch(["name"])
        lists.type_id.fetch(["name"])
        return lists._pos_header()

    @api.model
    def retail_pos_items(self, config_id, registry_id):
        """The list's items with their remaining quantities, for the till."""
        self._check_pos_config(config_id)
        if type(registry_id) is not int or not 0 < registry_id <= MAX_ID:
            raise ValidationError(self.env._("This gift list does not exist."))
        registry = self.browse(registry_id).exists()
        if not registry:
            raise ValidationError(self.env._("This gift list does not exist."))
        registry._check_sellable()
        return {**registry._pos_header()[0], "items": registry.item_ids._pos_read()}

    @api.model
    def _load_pos_data_domain(self, data, config):
        # never the whole file: the till asks for the lists it needs
        return False

    @api.model
    def _load_pos_data_fields(self, config):
        return [
            "id",
            "name",
            "title",
            "type_id",
            "owner_names",
            "event_date",
            "welcome_message",
            "gift_mode",
            "state",
        ]

    @api.model
    def retail_pos_search_related(self, config_id, query):
        """``retail_pos_search`` in the till's data format (the lists found)."""
        config = self._check_pos_config(config_id)
        found = self.browse(
            [row["id"] for row in self.retail_pos_search(config_id, query)]
        )
        return {self._name: self._load_pos_data_read(found, config)}

    @api.model
    def retail_pos_items_related(self, config_id, registry_id):
        """The list and its items in the till's data format, with fresh bought
        and remaining quantities."""
        config = self._check_pos_config(config_id)
        self.retail_pos_items(config_id, registry_id)  # checks the list
        registry = self.browse(registry_id)
        Item = self.env["retail.gift.registry.item"]
        return {
            self._name: self._load_pos_data_read(registry, config),
            Item._name: Item._load_pos_data_read(registry.item_ids, config),
        }

    @api.model
    def _check_pos_config(self, config_id):
        return self.env["pos.config"]._retail_till(config_id)

    def _pos_header(self):
        return [
            {
                "id": registry.id,
                "name": registry.name,
                "title": registry.title,
                "type": registry.type_id.name,
                "owners": registry.owner_names,
                "event_date": fields.Date.to_string(registry.event_date),
                "welcome_message": registry.welcome_message or "",
                "gift_mode": registry.gift_mode,
            }
            for registry in self
        ]

    # ------------------------------------------------------------------
    # Statement and thank-you list
    # ------------------------------------------------------------------

    def _statement_purchases(self):
        """What was bought and given for the list, by guest then date (refunds
        included, as negative lines): the rows of the statement."""
        self.ensure_one()
        # the purchases view reads the order lines from the database: flush
        # them and search it afresh (not the list's cached one2many)
        self.env.flush_all()
        purchases = self.env["retail.gift.registry.purchase"].search(
            [("registry_id", "=", self.id)]
        )
        return purchases.sorted(
            lambda p: ((p.guest_name or p.partner_id.name or "").lower(), p.date, p.id)
        )

    def action_send_statement(self):
        """The mail composer with the statement template (PDF attached),
        addressed to the owners, as native documents send theirs.

        Not filtered by ``res.partner._retail_can_contact``: the statement is
        a transactional message, the account of the owners' own list, which a
        staff member sends at their request and reads before sending; marketing
        consent does not apply to it."""
        self.ensure_one()
        template = self.env.ref(
            "retail_gift_registry.mail_template_gift_registry_statement",
            raise_if_not_found=False,
        )
        return {
            "name": self.env._("Send the Statement"),
            "type": "ir.actions.act_window",
            "view_mode": "form",
            "res_model": "mail.compose.message",
            "views": [(False, "form")],
            "view_id": False,
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_composition_mode": "comment",
                "default_template_id": template.id if template else False,
                "default_email_layout_xmlid": "mail.mail_notification_light",
                "force_email": True,
            },
        }

    def action_export_thank_you(self):
        """Download the thank-you list (XLSX) of the list."""
        self.ensure_one()
        wizard = self.env["retail.gift.registry.thanks.export"].create(
            {"registry_id": self.id}
        )
        return wizard.action_export()

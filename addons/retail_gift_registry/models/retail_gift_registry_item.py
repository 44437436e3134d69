# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL, float_compare, float_is_zero

QTY_DIGITS = 6
MANAGER_GROUP = "retail_gift_registry.group_gift_registry_manager"


class RetailGiftRegistryItem(models.Model):
    _name = "retail.gift.registry.item"
    _inherit = ["pos.load.mixin"]
    _description = "Gift List Item"
    _order = "registry_id, priority desc, sequence, id"
    _check_company_auto = True

    registry_id = fields.Many2one(
        "retail.gift.registry",
        string="Gift List",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="registry_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="registry_id.currency_id")
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one(
        "product.product",
        required=True,
        index=True,
        check_company=True,
        domain="[('sale_ok', '=', True)]",
    )
    qty_wanted = fields.Float(
        string="Wanted", required=True, default=1.0, digits="Product Unit"
    )
    qty_bought = fields.Float(
        string="Bought",
        compute="_compute_bought",
        digits="Product Unit",
        help="Computed from the paid till orders and confirmed sale order lines "
        "bought for this item, minus refunds, returns, credit notes and "
        "cancellations. Never typed.",
    )
    qty_remaining = fields.Float(
        string="Remaining", compute="_compute_bought", digits="Product Unit"
    )
    qty_surplus = fields.Float(
        string="Surplus",
        compute="_compute_bought",
        digits="Product Unit",
        help="Units bought beyond the wanted quantity, as recorded on the order "
        "lines when they were synchronised or confirmed.",
    )
    amount_bought = fields.Monetary(
        compute="_compute_bought", currency_field="currency_id"
    )
    amount_contributed = fields.Monetary(
        string="Contributions",
        compute="_compute_bought",
        currency_field="currency_id",
        help="Money given toward this item.",
    )
    average_price = fields.Monetary(
        compute="_compute_bought", currency_field="currency_id"
    )
    qty_not_taken = fields.Float(
        string="Not Taken",
        digits="Product Unit",
        copy=False,
        help="Units bought that the owners choose not to take: credited to them "
        "at the average price paid when the list is settled.",
    )
    priority = fields.Selection(
        [("0", "Normal"), ("1", "Wanted"), ("2", "Most wanted")], default="0"
    )
    note = fields.Char()

    _qty_wanted_positive = models.Constraint(
        "CHECK(qty_wanted > 0)", "The wanted quantity of an item must be positive."
    )
    _qty_not_taken_positive = models.Constraint(
        "CHECK(qty_not_taken >= 0)", "The quantity not taken cannot be negative."
    )
    _product_uniq = models.Constraint(
        "UNIQUE(registry_id, product_id)",
        "A product appears once per list: raise the wanted quantity instead.",
    )

    def _compute_bought(self):
        """Set-based: one grouped read of the purchases of every item."""
        Purchase = self.env["retail.gift.registry.purchase"]
        rows = {
            (item.id, is_contribution): (qty, amount, surplus)
            for item, is_contribution, qty, amount, surplus in Purchase._read_group(
                [("item_id", "in", self.ids)],
                ["item_id", "is_contribution"],
                ["qty:sum", "amount:sum", "surplus_qty:sum"],
            )
        }
        for item in self:
            qty, amount, surplus = rows.get((item.id, False), (0.0, 0.0, 0.0))
            item.qty_bought = qty
            item.qty_remaining = max(item.qty_wanted - qty, 0.0)
            item.qty_surplus = surplus
            item.amount_bought = amount
            item.average_price = amount / qty if qty > 0 else 0.0
            item.amount_contributed = rows.get((item.id, True), (0.0, 0.0))[1]

    @api.constrains("qty_not_taken")
    def _check_qty_not_taken(self):
        for item in self:
            if (
                float_compare(
                    item.qty_not_taken, item.qty_bought, precision_digits=QTY_DIGITS
                )
                > 0
            ):
                raise ValidationError(
                    self.env._(
                        "%(product)s: the owners cannot leave %(qty)s units, only "
                        "%(bought)s were bought.",
                        product=item.product_id.display_name,
                        qty=f"{item.qty_not_taken:g}",
                        bought=f"{item.qty_bought:g}",
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("qty_not_taken") for vals in vals_list):
            self._ensure_not_taken_access()
        return super().create(vals_list)

    def write(self, vals):
        not_taken = vals.get("qty_not_taken")
        if not_taken is not None and (
            not isinstance(not_taken, int | float) or not math.isfinite(not_taken)
        ):
            raise ValidationError(
                self.env._("The gifts the owners do not take are given as a number.")
            )
        if "qty_not_taken" in vals and any(
            float_compare(
                item.qty_not_taken,
                vals["qty_not_taken"] or 0.0,
                precision_digits=QTY_DIGITS,
            )
            for item in self
        ):
            self._ensure_not_taken_access()
        moved = {"registry_id", "product_id"} & set(vals)
        if moved and not self.env.su:
            self.env.flush_all()
            bought = self.env["retail.gift.registry.purchase"].search_count(
                [("item_id", "in", self.ids)], limit=1
            )
            if bought:
                raise ValidationError(
                    self.env._(
                        "An item guests already bought for cannot move to another "
                        "list or product: add a new item instead."
                    )
                )
        return super().write(vals)

    def _ensure_not_taken_access(self):
        """The gifts the owners leave are credited to them in money at the
        settlement: only gift list managers record them."""
        if not self.env.su and not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._(
                    "Only gift list managers record the gifts the owners do not "
                    "take: they are credited to the owners at the settlement."
                )
            )

    def _compute_display_name(self):
        for item in self:
            item.display_name = (
                f"{item.registry_id.name} - {item.product_id.display_name}"
            )

    @api.model
    def _load_pos_data_domain(self, data, config):
        return False

    @api.model
    def _load_pos_data_fields(self, config):
        return [
            "id",
            "registry_id",
            "product_id",
            "qty_wanted",
            "qty_bought",
            "qty_remaining",
            "priority",
            "note",
        ]

    def _pos_read(self):
        return [
            {
                "id": item.id,
                "product_id": item.product_id.id,
                "product_name": item.product_id.display_name,
                "qty_wanted": item.qty_wanted,
                "qty_bought": item.qty_bought,
                "qty_remaining": item.qty_remaining,
                "priority": item.priority,
                "note": item.note or "",
            }
            for item in self
        ]

    def _lock(self):
        """Lock the items (in id order, waiting for a concurrent sync or
        confirmation) and touch them: a transaction that read an item before
        another one committed a purchase of it gets a serialization failure and
        is retried by Odoo on fresh data, so it sees that purchase."""
        if not self:
            return
        self.env.execute_query(
            SQL(
                """
                UPDATE retail_gift_registry_item SET write_date = %s
                 WHERE id IN (
                    SELECT id FROM retail_gift_registry_item
                     WHERE id IN %s ORDER BY id FOR NO KEY UPDATE)
                """,
                self.env.cr.now(),
                tuple(self.ids),
            )
        )

    @api.model
    def _allocate(self, lines, qty_field):
        """Record the surplus of newly counted order ``lines`` (sale or POS lines
        linked to items): lock their items, count what is bought now (these lines
        included), and give each line the part of its quantity beyond the wanted
        quantity that no other line carries yet.

        :return: the lines that carry a surplus
        """
        lines = lines.filtered(lambda line: line.retail_gift_registry_item_id)
        items = lines.retail_gift_registry_item_id
        if not items:
            return lines
        items._lock()
        self.env.flush_all()
        items.invalidate_recordset(["qty_bought", "qty_surplus"])
        over = lines.browse()
        for item in items:
            mine = lines.filtered(
                lambda line, item=item: line.retail_gift_registry_item_id == item
            )
            carried_here = sum(mine.mapped("retail_gift_registry_surplus_qty"))
            carried_elsewhere = item.qty_surplus - carried_here
            left = max(item.qty_bought - item.qty_wanted - carried_elsewhere, 0.0)
            for line in mine:
                surplus = min(max(line[qty_field], 0.0), left)
                left -= surplus
                if not float_is_zero(surplus, precision_digits=QTY_DIGITS):
                    over |= line
                if float_compare(
                    surplus,
                    line.retail_gift_registry_surplus_qty,
                    precision_digits=QTY_DIGITS,
                ):
                    # sudo: the surplus is the server's record of a paid order or
                    # a confirmed sale, frozen for users; the sync or the
                    # confirmation that counts the line writes it
                    line.sudo().retail_gift_registry_surplus_qty = surplus
        for registry in over.retail_gift_registry_id:
            registry.message_post(
                body=self.env._(
                    "Bought beyond the wanted quantity: %(lines)s",
                    lines=", ".join(
                        f"{line.product_id.display_name} "
                        f"(+{line.retail_gift_registry_surplus_qty:g})"
                        for line in over
                        if line.retail_gift_registry_id == registry
                    ),
                )
            )
        return over

    def action_deliver_now(self):
        """Deliver the selected kept gifts now (the owners ask for them)."""
        registries = self.registry_id
        registries._gift_registry_ensure_deliverable()
        moves = self.env["stock.move"].search(
            Domain.AND(
                [
                    registries._gift_registry_held_domain(),
                    [("retail_gift_registry_item_id", "in", self.ids)],
                ]
            )
        )
        registries._gift_registry_release(moves)
        return True

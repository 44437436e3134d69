# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..trusted import current_trusted_flow

# Ledger kinds and the sign their amount must have: +1 credit only, -1 debit only,
# 0 either way (the reason or the original row says which).
RETAIL_KIND_SIGNS = {
    "earn": 1,
    "spend": -1,
    "expire": -1,
    "reverse": 0,
    "adjust": 0,
    "load": 1,
    "redeem": -1,
    "refund": 0,
    "transfer": 0,
    "breakage": -1,
}
# Kinds that a person decides: they must say why.
RETAIL_KINDS_WITH_REASON = frozenset({"adjust", "transfer"})


class LoyaltyHistory(models.Model):
    """A card's ledger: every movement of points or money is one row.

    Rows with a ``retail_kind`` are written only by
    ``loyalty.card._retail_post_movements`` and are never edited or deleted: a
    mistake is corrected by a reversal row that points at the original one.
    Native rows (no ``retail_kind``) are written by Odoo's own order flows, in a
    trusted flow (``retail_card.trusted``): no user creates, edits or deletes a
    row directly, so that the sum of a card's rows cannot be made to differ
    from its balance by a forged row.
    """

    _inherit = "loyalty.history"
    _check_company_auto = True

    retail_kind = fields.Selection(
        selection=[
            ("earn", "Points earned"),
            ("spend", "Points spent"),
            ("expire", "Points expired"),
            ("reverse", "Reversal"),
            ("adjust", "Manual adjustment"),
            ("load", "Money loaded"),
            ("redeem", "Money redeemed"),
            ("refund", "Refund"),
            ("transfer", "Transfer"),
            ("breakage", "Breakage"),
        ],
        string="Movement",
        readonly=True,
        help="Set on ledger rows only. Earn and load credit the card; spend, "
        "expire, redeem and breakage debit it; reversal, adjustment, refund and "
        "transfer go either way.",
    )
    retail_balance_after = fields.Float(
        string="Balance After",
        readonly=True,
        help="Balance of the card once this movement was posted.",
    )
    retail_currency_id = fields.Many2one(
        related="card_id.retail_currency_id",
        string="Money Currency",
        help="The card's currency when its points are money; empty for points.",
    )
    retail_reversed_id = fields.Many2one(
        comodel_name="loyalty.history",
        string="Reverses",
        readonly=True,
        ondelete="restrict",
        help="The movement this row cancels.",
    )
    retail_reversal_ids = fields.One2many(
        comodel_name="loyalty.history",
        inverse_name="retail_reversed_id",
        string="Reversed By",
        readonly=True,
    )
    retail_reason = fields.Text(
        string="Reason",
        readonly=True,
        help="Why the movement was made; required for adjustments and transfers.",
    )
    retail_idempotency_key = fields.Char(
        string="Idempotency Key",
        readonly=True,
        copy=False,
        help="Identifies the movement at its source (order, line, card): a movement "
        "posted again with the same key changes nothing.",
    )
    retail_store_id = fields.Many2one(
        comodel_name="pos.config",
        string="Store",
        readonly=True,
        ondelete="restrict",
        index="btree_not_null",
        help="The till where the movement was made. A card of a program shared "
        "by every company (no company) moves at any company's till; any other "
        "card only at its company's tills.",
    )

    _retail_idempotency_key_unique = models.UniqueIndex(
        "(retail_idempotency_key) WHERE retail_idempotency_key IS NOT NULL",
        "This movement was already posted (same idempotency key).",
    )
    # Also the index of retail_reversed_id: a movement is reversed at most once.
    _retail_reversed_id_unique = models.UniqueIndex(
        "(retail_reversed_id) WHERE retail_reversed_id IS NOT NULL",
        "This movement has already been reversed.",
    )
    # Native POS confirmation and sale cancellation search history by order.
    _retail_order_idx = models.Index(
        "(order_model, order_id) WHERE order_id IS NOT NULL"
    )

    @api.constrains("retail_store_id", "card_id")
    def _check_retail_store_company(self):
        for row in self:
            card_company = row.card_id.company_id
            store = row.retail_store_id
            if store and card_company and store.company_id != card_company:
                raise ValidationError(
                    self.env._(
                        "The card %(card)s belongs to %(company)s: it cannot move "
                        "at the till %(store)s of %(store_company)s.",
                        card=row.card_id.code,
                        company=card_company.name,
                        store=store.name,
                        store_company=store.company_id.name,
                    )
                )

    @api.model
    def _retail_ledger_fields(self):
        """Fields that make a movement: frozen once the row is a ledger row."""
        return {
            "card_id",
            "description",
            "issued",
            "used",
            "order_model",
            "order_id",
            "retail_kind",
            "retail_balance_after",
            "retail_reversed_id",
            "retail_reason",
            "retail_idempotency_key",
            "retail_store_id",
        }

    @api.model
    def _retail_kind_sign(self, kind):
        """+1 for credit-only kinds, -1 for debit-only kinds, 0 for both."""
        return RETAIL_KIND_SIGNS[kind]

    @api.model
    def _retail_kind_needs_reason(self, kind):
        return kind in RETAIL_KINDS_WITH_REASON

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
            key.startswith("retail_") and value
            for vals in vals_list
            for key, value in vals.items()
        ):
            # Ledger rows come from the card engine (server code), never from a
            # client: a forged "load" row would break the card's balance.
            raise AccessError(
                self.env._(
                    "Card movements are posted by the card ledger only; "
                    "they cannot be created directly."
                )
            )
        if not self.env.su and not current_trusted_flow():
            raise AccessError(self._retail_direct_write_message())
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and not current_trusted_flow():
            raise AccessError(self._retail_direct_write_message())
        ledger_fields = self._retail_ledger_fields() & set(vals)
        if ledger_fields and (
            any(self.mapped("retail_kind"))
            or any(fname.startswith("retail_") for fname in ledger_fields)
        ):
            raise UserError(
                self.env._(
                    "Card movements cannot be modified. To correct one, reverse it "
                    "and post a new movement."
                )
            )
        return super().write(vals)

    def _retail_direct_write_message(self):
        return self.env._(
            "Card history is written by the card ledger and by the order flows "
            "only; to correct a balance, a store manager adjusts the card."
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_ledger_row(self):
        if not self.env.su and not current_trusted_flow():
            raise AccessError(self._retail_direct_write_message())
        if any(self.mapped("retail_kind")):
            raise UserError(
                self.env._(
                    "Card movements cannot be deleted. To cancel one, reverse it."
                )
            )

# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import AccessError, UserError


class LoyaltyCard(models.Model):
    """Gift cards of a series: their state, face value and block reason, which
    only the server moves, and who may act on them. The other files of
    ``loyalty.card`` hold one concern each: till lookups (``_till``), loads and
    redemptions (``_load_redeem``), blocks and transfers (``_block``), manual
    adjustments (``_adjust``), bulk loads (``_bulk_load``), expiry (``_expiry``)
    and the outstanding report (``_outstanding``)."""

    _inherit = "loyalty.card"

    retail_series_id = fields.Many2one(
        comodel_name="retail.giftcard.series",
        string="Gift Card Series",
        readonly=True,
        ondelete="restrict",
        index="btree_not_null",
    )
    retail_state = fields.Selection(
        selection=[
            ("inactive", "Inactive"),
            ("active", "Active"),
            ("blocked", "Blocked"),
            ("expired", "Expired"),
        ],
        string="Gift Card State",
        readonly=True,
        index="btree_not_null",
        help="Inactive until sold; blocked when lost or stolen (its balance may be "
        "moved to a new card); expired after its expiry date.",
    )
    retail_face_value = fields.Monetary(
        string="Initial Amount",
        readonly=True,
        currency_field="currency_id",
        help="Amount the card is loaded with when it is sold (0: any amount).",
    )
    retail_block_reason = fields.Text(string="Block Reason", readonly=True)
    retail_giftcard_shortfall = fields.Monetary(
        string="Offline Shortfall",
        compute="_compute_retail_giftcard_shortfall",
        currency_field="currency_id",
        help="What offline payments took from this card beyond its balance: the "
        "card owes it to the store.",
    )
    # Native cards have no index on their expiry: the expiry job searches by it.
    _retail_expiration_idx = models.Index(
        "(expiration_date) WHERE retail_state = 'active'"
    )

    def write(self, vals):
        guarded = {
            "retail_series_id",
            "retail_state",
            "retail_face_value",
            "retail_block_reason",
        } & set(vals)
        if guarded and not self.env.su:
            # POS users may write cards (pos_loyalty): the gift card state moves
            # only through sales, blocks and the expiry job.
            raise AccessError(
                self.env._(
                    "The state of a gift card changes only by selling, blocking or "
                    "expiring it."
                )
            )
        if "code" in vals and any(self.mapped("retail_series_id")):
            raise UserError(self.env._("The number of a gift card never changes."))
        return super().write(vals)

    def _compute_retail_giftcard_shortfall(self):
        shortfalls = dict(
            self.env["pos.payment"]
            .sudo()
            ._read_group(
                [
                    ("retail_giftcard_id", "in", self.ids),
                    ("retail_giftcard_shortfall", "!=", 0),
                ],
                ["retail_giftcard_id"],
                ["retail_giftcard_shortfall:sum"],
            )
        )
        for card in self:
            card.retail_giftcard_shortfall = shortfalls.get(card, 0.0)

    def _retail_state_label(self):
        self.ensure_one()
        return dict(self._fields["retail_state"]._description_selection(self.env)).get(
            self.retail_state, ""
        )

    def _retail_check_manager(self):
        """Store managers and head office, of the cards' companies."""
        if self.env.su:
            return
        if not self.env.user.has_group("retail_card.group_card_store_manager"):
            raise AccessError(
                self.env._("Only store managers and head office may block gift cards.")
            )
        self._retail_check_companies()

    def _retail_check_companies(self):
        """Refuse cards of companies the user does not work for (checked before
        any superuser action on them)."""
        if self.env.su:
            return
        foreign = self.sudo().filtered(
            lambda card: card.company_id
            and card.company_id not in self.env.user.company_ids
        )
        if foreign:
            raise AccessError(
                self.env._(
                    "Gift cards %(codes)s belong to a company you do not work for.",
                    codes=", ".join(foreign.mapped("code")),
                )
            )

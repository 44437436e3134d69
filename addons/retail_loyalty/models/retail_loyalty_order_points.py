# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

PRECISION = 2


class RetailLoyaltyOrderPoints(models.Model):
    """What one order earned and spent in one retail loyalty program.

    The card balance is the sum of its ledger rows (``loyalty.history``); this
    record keeps, per order and program, the figures that returns and the return
    window need: points earned (pending until the window closes), points spent,
    and how much of each was already given back. One active record per order and
    program: an order synchronised twice is settled once.
    """

    _name = "retail.loyalty.order.points"
    _description = "Loyalty Points of an Order"
    _order = "date desc, id desc"
    _check_company_auto = True

    active = fields.Boolean(default=True)
    program_id = fields.Many2one(
        "loyalty.program", required=True, ondelete="restrict", index=True
    )
    card_id = fields.Many2one(
        "loyalty.card", required=True, ondelete="restrict", index=True
    )
    partner_id = fields.Many2one(
        related="card_id.partner_id", store=True, index="btree_not_null"
    )
    company_id = fields.Many2one("res.company", index=True)
    order_model = fields.Char(required=True)
    order_id = fields.Many2oneReference(model_field="order_model", required=True)
    order_ref = fields.Char(string="Order Reference")
    store_id = fields.Many2one("pos.config", index="btree_not_null")
    user_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    amount_basis = fields.Float(
        string="Order Amount", help="Amount of the order's lines, tax included."
    )
    amount_returned = fields.Float(help="Part of the order amount returned so far.")
    tier_id = fields.Many2one("retail.loyalty.tier")
    multiplier = fields.Float(default=1.0)
    points_earned = fields.Float(help="Points earned, computed by the server.")
    points_browser = fields.Float(
        string="Points Sent by the Till",
        help="Points the till had computed for the order; the server's figure wins.",
    )
    points_spent = fields.Float()
    points_spent_offline = fields.Float(
        help="Part of the points spent that the till took while it could not reach "
        "the server (within the store's offline caps)."
    )
    points_shortfall = fields.Float(
        string="Offline Shortfall",
        help="Points spent offline that the card no longer held when the order "
        "synced: the card went negative by this much, recovered from its next "
        "earnings.",
    )
    reward_changes = fields.Integer(
        readonly=True,
        help="Technical: reward lines added to or removed from the confirmed order "
        "so far (numbers the idempotency keys of their movements).",
    )
    shortfall_reported = fields.Boolean(
        readonly=True,
        help="Technical: the shortfall was reported to the store (incident).",
    )
    points_earned_reversed = fields.Float(
        help="Earned points cancelled (pending) or taken back (posted) by returns."
    )
    points_spent_returned = fields.Float(
        help="Spent points given back by returns and cancellations."
    )
    release_date = fields.Datetime(
        help="When the earned points become spendable (end of the return window)."
    )
    state = fields.Selection(
        [
            ("pending", "Pending"),
            ("posted", "Posted"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="posted",
        help="Pending: earned points wait for the end of the return window. "
        "Posted: earned points are on the card. Cancelled: a return inside the "
        "window cancelled them.",
    )
    points_pending = fields.Float(compute="_compute_points_pending", store=True)

    _order_program_unique = models.UniqueIndex(
        "(order_model, order_id, program_id) WHERE active",
        "The points of this order were already settled for this program.",
    )
    _pending_release_idx = models.Index("(release_date) WHERE state = 'pending'")
    _order_idx = models.Index("(order_model, order_id)")

    @api.depends("state", "points_earned", "points_earned_reversed")
    def _compute_points_pending(self):
        for row in self:
            row.points_pending = (
                row.points_earned - row.points_earned_reversed
                if row.state == "pending"
                else 0.0
            )

    # ------------------------------------------------------------------
    # Records and movements
    # ------------------------------------------------------------------

    @api.model
    def _retail_rows_of(self, orders):
        # sudo: the points records of orders the caller is processing (private)
        return self.sudo().search(
            [("order_model", "=", orders._name), ("order_id", "in", orders.ids)]
        )

    @api.model
    def _retail_partner_cards(self, partner, programs):
        """{program: the partner's card} for nominative loyalty programs."""
        if not partner or not programs:
            return {}
        # sudo: the order's customer's cards of the programs its company runs
        cards = (
            self.env["loyalty.card"]
            .sudo()
            .search(
                [("partner_id", "=", partner.id), ("program_id", "in", programs.ids)],
                order="id",
            )
        )
        result = {}
        for card in cards:
            result.setdefault(card.program_id, card)
        return result

    @api.model
    def _retail_new_card(self, partner, program):
        # sudo: users may not create cards; the order creates its customer's one
        return (
            self.env["loyalty.card"]
            .sudo()
            .with_context(action_no_send_mail=True)
            .create(
                {
                    "program_id": program.id,
                    "partner_id": partner.id,
                    "points": 0,
                }
            )
        )

    def _retail_movement(self, amount, kind, key, description, source=None, **extra):
        """A movement dict for ``loyalty.card._retail_post_movements``."""
        self.ensure_one()
        source = source or {}
        return {
            "card": self.card_id,
            "amount": amount,
            "kind": kind,
            "description": description,
            "order_model": source.get("order_model", self.order_model),
            "order_id": source.get("order_id", self.order_id),
            "store_id": source.get("store_id", self.store_id.id),
            "key": self._retail_key(key, source),
            **extra,
        }

    def _retail_earn_movement(self, points):
        """The movement that posts ``points`` earned by this record's order."""
        self.ensure_one()
        return self._retail_movement(
            points,
            "earn",
            "earn",
            self.env._("Points earned: %(order)s", order=self.order_ref),
        )

    def _retail_key(self, key, source=None):
        """Idempotency key of a movement of this record (``source``: the return
        or cancellation that causes it)."""
        self.ensure_one()
        suffix = f"{source['order_model']}/{source['order_id']}/" if source else ""
        return f"retail_loyalty/{self.id}/{suffix}{key}"

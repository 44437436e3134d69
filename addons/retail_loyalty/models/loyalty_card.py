# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError


class LoyaltyCard(models.Model):
    _inherit = "loyalty.card"

    retail_tier_id = fields.Many2one(
        "retail.loyalty.tier",
        string="Tier",
        index="btree_not_null",
        tracking=True,
        domain="[('program_id', '=', program_id)]",
    )
    retail_tier_locked = fields.Boolean(
        string="Tier Set by Hand",
        tracking=True,
        help="The scheduled tier recomputation leaves this card's tier alone.",
    )
    retail_tier_reason = fields.Char(string="Tier Override Reason", tracking=True)
    retail_tier_name = fields.Char(related="retail_tier_id.name", string="Tier Name")
    retail_tier_multiplier = fields.Float(
        related="retail_tier_id.multiplier", string="Tier Multiplier"
    )
    retail_tier_message = fields.Char(
        related="retail_tier_id.receipt_message", string="Tier Receipt Message"
    )
    retail_points_pending = fields.Float(
        string="Pending Points",
        compute="_compute_retail_points_pending",
        help="Points earned by recent orders, spendable when their return window "
        "is over.",
    )
    retail_order_points_ids = fields.One2many(
        "retail.loyalty.order.points", "card_id", string="Order Points"
    )

    @api.depends("retail_order_points_ids.points_pending")
    def _compute_retail_points_pending(self):
        pending = dict(
            self.env["retail.loyalty.order.points"]
            .sudo()
            ._read_group(
                [("card_id", "in", self.ids), ("state", "=", "pending")],
                ["card_id"],
                ["points_pending:sum"],
            )
        )
        for card in self:
            card.retail_points_pending = pending.get(card, 0.0)

    @api.model
    def _load_pos_data_fields(self, config):
        return super()._load_pos_data_fields(config) + [
            "retail_tier_name",
            "retail_tier_multiplier",
            "retail_tier_message",
            "retail_points_pending",
        ]

    def _retail_check_store_manager(self):
        if not self.env.su and not self.env.user.has_group(
            "retail_card.group_card_store_manager"
        ):
            raise AccessError(
                self.env._("Only store managers and head office may do this.")
            )

    def action_retail_set_tier(self, tier_id, reason):
        """Set the cards' tier by hand, with a reason; the scheduled
        recomputation leaves them alone until ``action_retail_unlock_tier``."""
        self._retail_check_store_manager()
        if not isinstance(reason, str) or not reason.strip():
            raise ValidationError(self.env._("Say why the tier is set by hand."))
        tier = self.env["retail.loyalty.tier"].browse(tier_id).exists()
        if tier_id and not tier:
            raise ValidationError(self.env._("This tier does not exist."))
        wrong = self.filtered(lambda card: tier and card.program_id != tier.program_id)
        if wrong:
            raise ValidationError(
                self.env._(
                    "Tier %(tier)s belongs to another program than card %(card)s.",
                    tier=tier.name,
                    card=wrong[0].code,
                )
            )
        self.sudo().write(
            {
                "retail_tier_id": tier.id,
                "retail_tier_locked": True,
                "retail_tier_reason": reason.strip(),
            }
        )
        return True

    def action_retail_unlock_tier(self):
        self._retail_check_store_manager()
        self.sudo().write({"retail_tier_locked": False, "retail_tier_reason": False})
        return True

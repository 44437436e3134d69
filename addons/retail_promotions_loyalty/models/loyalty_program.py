# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

EXTRA_POINTS = "loyalty_points"


class LoyaltyProgram(models.Model):
    _inherit = "loyalty.program"

    retail_promotion_type = fields.Selection(
        selection_add=[
            (EXTRA_POINTS, "Extra loyalty points on the group"),
        ],
        ondelete={EXTRA_POINTS: "cascade"},
    )
    retail_points_program_id = fields.Many2one(
        "loyalty.program",
        string="Loyalty Program Fed",
        ondelete="cascade",
        index="btree_not_null",
        domain=[("program_type", "=", "loyalty"), ("retail_ledger", "=", True)],
        help="Retail loyalty program (points ledger) whose cards earn the extra "
        "points of this promotion.",
    )
    retail_points_mode = fields.Selection(
        [
            ("unit", "Extra points per unit of the group"),
            ("amount", "Extra points per currency unit spent on the group"),
            ("multiplier", "Multiplier of the points the group earns"),
        ],
        string="Extra Points Mode",
        default="unit",
    )
    retail_extra_points = fields.Float(
        string="Extra Points",
        default=1.0,
        help="Per unit: points per unit of the group; per amount: points per "
        "currency unit spent on the group (taxes included); multiplier: the "
        "points the loyalty program's rules give for the group are multiplied by "
        "this figure (2: double points).",
    )
    retail_extra_point_promotion_ids = fields.One2many(
        "loyalty.program",
        "retail_points_program_id",
        string="Extra Point Promotions",
        domain=[("retail_promotion_type", "=", EXTRA_POINTS)],
    )
    retail_extra_points_table = fields.Json(
        compute="_compute_retail_extra_points_table",
        help="Technical: the extra point promotions feeding this loyalty program "
        "(group, mode, points, stores, dates, week days and hours), for the till.",
    )

    @api.depends(
        "retail_extra_point_promotion_ids.retail_product_ids",
        "retail_extra_point_promotion_ids.retail_points_mode",
        "retail_extra_point_promotion_ids.retail_extra_points",
        "retail_extra_point_promotion_ids.pos_ok",
        "retail_extra_point_promotion_ids.pos_config_ids",
        "retail_extra_point_promotion_ids.date_from",
        "retail_extra_point_promotion_ids.date_to",
        "retail_extra_point_promotion_ids.retail_hour_from",
        "retail_extra_point_promotion_ids.retail_hour_to",
    )
    def _compute_retail_extra_points_table(self):
        for program in self:
            program.retail_extra_points_table = [
                promotion._retail_extra_points_spec()
                for promotion in program.retail_extra_point_promotion_ids
                if promotion.pos_ok
            ]

    def _retail_extra_points_spec(self):
        """What the till needs to add this promotion's extra points (the same
        test as _retail_extra_point_promotions, the same figures as
        _retail_promotion_points)."""
        self.ensure_one()
        return {
            "id": self.id,
            "name": self.name,
            "product_ids": self.retail_product_ids.ids,
            "mode": self.retail_points_mode,
            "points": self.retail_extra_points,
            "company_id": self.company_id.id,
            "config_ids": self.pos_config_ids.ids,
            "date_from": self.date_from and fields.Date.to_string(self.date_from),
            "date_to": self.date_to and fields.Date.to_string(self.date_to),
            **self._retail_schedule_values(),
        }

    @api.model
    def _load_pos_data_fields(self, config):
        return super()._load_pos_data_fields(config) + ["retail_extra_points_table"]

    @api.constrains(
        "retail_points_program_id", "retail_points_mode", "retail_extra_points"
    )
    def _check_retail_extra_points(self):
        self._check_retail_promotion()

    # ------------------------------------------------------------------
    # The promotion type (see retail_promotions' loyalty_program_types.py)
    # ------------------------------------------------------------------

    def _retail_promotion_loyalty_points_error(self):
        fed = self.retail_points_program_id
        if not fed:
            return self.env._("choose the loyalty program that earns the points.")
        if fed.program_type != "loyalty" or not fed.retail_ledger:
            return self.env._(
                "%(program)s is not a loyalty program with the retail points ledger.",
                program=fed.name,
            )
        if self.company_id and fed.company_id and self.company_id != fed.company_id:
            return self.env._(
                "the loyalty program %(program)s belongs to another company.",
                program=fed.name,
            )
        if self.retail_points_mode == "multiplier" and self.retail_extra_points <= 1:
            return self.env._("the multiplier must be greater than 1.")
        if self.retail_extra_points <= 0:
            return self.env._("the extra points must be positive.")
        return False

    @api.model
    def _retail_promotion_loyalty_points_vals(self, vals, product_ids):
        """An extra point promotion is a promotion program whose single rule
        holds the product group, without reward: the native engines never apply
        it (_retail_promotion_loyalty_points_engine); its points are added to
        the loyalty program it feeds."""
        return {"rule": {"reward_point_mode": "unit"}, "reward": None}

    def _retail_promotion_loyalty_points_engine(self):
        return False

    # ------------------------------------------------------------------
    # Points
    # ------------------------------------------------------------------

    def _retail_extra_points(self, lines, source):
        points = super()._retail_extra_points(lines, source)
        for promotion in self._retail_extra_point_promotions(source):
            points += promotion._retail_promotion_points(self, lines)
        return points

    def _retail_extra_point_promotions(self, source):
        """The extra point promotions feeding this loyalty program that apply to
        the order of ``source``: its company, store (POS) or sales team (sale
        orders), and its date, week day and hour in the company's time zone
        (``_retail_promotion_moment`` of the order, as the promotions use)."""
        self.ensure_one()
        order = source["order"]
        sale = source["channel"] == "sale"
        # the promotions are read once per program and transaction (cache)
        # sudo: the program's extra-point promotions, whoever's order is settled
        promotions = self.sudo().retail_extra_point_promotion_ids
        if not promotions:
            return promotions
        reasons = promotions._retail_not_applicable_reasons(
            order._retail_promotion_moment(),
            source.get("store") or self.env["pos.config"],
            source["company"],
            sale=sale,
        )
        return promotions.filtered(
            lambda p: p not in reasons
            and not (
                sale and p.retail_team_ids and order.team_id not in p.retail_team_ids
            )
        )

    def _retail_promotion_points(self, program, lines):
        """Extra points of this promotion for ``lines`` (see
        ``_retail_compute_points``) in the loyalty program ``program``. Mirrored
        in the till by retailPromotionPoints
        (static/src/app/models/pos_order.esm.js)."""
        self.ensure_one()
        group = [line for line in lines if line["product"] in self.retail_product_ids]
        if not group:
            return 0.0
        if self.retail_points_mode == "unit":
            return self.retail_extra_points * sum(line["qty"] for line in group)
        if self.retail_points_mode == "amount":
            return self.retail_extra_points * sum(line["amount"] for line in group)
        return (self.retail_extra_points - 1) * program._retail_compute_points(group)
